import 'server-only';
import { retrying, TX_OPTIONS } from '@/lib/db-retry.server';
import { db } from '@/lib/db.server';
import {
  CreateAssignmentSchema,
  type CreateAssignmentInput,
  AssignmentIdSchema,
  type AssignmentIdInput,
  UpdateAssignmentSchema,
  type UpdateAssignmentInput,
} from './schema';
import {
  ARCHIVED,
  assignmentSummarySelect,
  assignmentTaughtBy,
  byLemma,
  invalid,
  NOT_FOUND,
  toAssignmentSummary,
} from './shared.server';
import { assignmentStatus, toProgressView } from './status';
import type {
  AssignmentSummary,
  ClassroomFailure,
  ClassroomResult,
  FocusTermOption,
  MyAssignment,
  Score,
} from './types';

// Assignments: an article for a class, with a due date, instructions, focus terms and a quiz. Teachers
// write them for their own classes; students read those of the live classes they belong to.

const FOCUS_TERMS_INVALID: ClassroomFailure = {
  ok: false,
  error: 'classroom:errors.invalid',
  fieldErrors: { focusTermIds: 'classroom:errors.focusTerms' },
};
const QUIZ_NEEDS_TERMS: ClassroomFailure = {
  ok: false,
  error: 'classroom:errors.invalid',
  fieldErrors: { quizEnabled: 'classroom:errors.quizNeedsTerms' },
};

/** The glossary terms occurring in an article (by its stored occurrences), with how often. */
async function occurringTerms(articleId: string): Promise<FocusTermOption[]> {
  const groups = await db.termOccurrence.groupBy({ by: ['termId'], where: { articleId }, _count: { _all: true } });
  const counts = new Map(groups.map((g) => [g.termId, g._count._all]));
  const terms = await db.term.findMany({
    where: { id: { in: [...counts.keys()] } },
    select: { id: true, lemma: true, englishPreferred: true },
  });
  return terms.map((t) => ({ ...t, occurrences: counts.get(t.id) ?? 0 })).sort(byLemma);
}

/** The focus terms a teacher can choose for a published article (A–Z); none for an unknown or draft article. */
export async function focusTermOptions(articleSlug: string): Promise<FocusTermOption[]> {
  if (typeof articleSlug !== 'string') return [];
  const article = await db.article.findFirst({
    where: { slug: articleSlug, status: 'published' },
    select: { id: true },
  });
  return article ? occurringTerms(article.id) : [];
}

/** The focus terms of a new or changed assignment: the given ones if they all occur, else a failure. */
async function chooseTerms(
  articleId: string,
  requested: string[] | undefined,
  quizEnabled: boolean,
): Promise<string[] | ClassroomFailure> {
  const occurring = new Set((await occurringTerms(articleId)).map((t) => t.id));
  const chosen = requested ?? [...occurring];
  if (!chosen.every((id) => occurring.has(id))) return FOCUS_TERMS_INVALID;
  if (quizEnabled && chosen.length === 0) return QUIZ_NEEDS_TERMS;
  return chosen;
}

async function summaryOf(assignmentId: string): Promise<AssignmentSummary | null> {
  const row = await db.assignment.findUnique({ where: { id: assignmentId }, select: assignmentSummarySelect });
  return row ? toAssignmentSummary(row) : null;
}

/** Assigns a published article to one of the teacher's live classes. */
export async function createAssignment(
  userId: string,
  input: CreateAssignmentInput,
): Promise<ClassroomResult<AssignmentSummary>> {
  const parsed = CreateAssignmentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { classId, articleSlug, dueAt, instructions, focusTermIds, quizEnabled } = parsed.data;
  const found = await db.classroom.findFirst({
    where: { id: classId, teacherId: userId },
    select: { archivedAt: true },
  });
  if (!found) return NOT_FOUND;
  if (found.archivedAt) return ARCHIVED;
  const article = await db.article.findFirst({
    where: { slug: articleSlug, status: 'published' },
    select: { id: true },
  });
  if (!article)
    return {
      ok: false,
      error: 'classroom:errors.articleNotFound',
      fieldErrors: { articleSlug: 'classroom:errors.articleNotFound' },
    };
  const terms = await chooseTerms(article.id, focusTermIds, quizEnabled);
  if (!Array.isArray(terms)) return terms;
  const created = await db.assignment.create({
    data: {
      classId,
      articleId: article.id,
      dueAt,
      instructions,
      quizEnabled,
      focusTerms: { create: terms.map((termId) => ({ termId })) },
    },
    select: { id: true },
  });
  const summary = await summaryOf(created.id);
  return summary ? { ok: true, data: summary } : NOT_FOUND;
}

/** Changes an assignment of the teacher's: due date, instructions, focus terms, quiz. */
export async function updateAssignment(
  userId: string,
  input: UpdateAssignmentInput,
): Promise<ClassroomResult<AssignmentSummary>> {
  const parsed = UpdateAssignmentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { assignmentId, dueAt, instructions, focusTermIds, quizEnabled } = parsed.data;
  const found = await assignmentTaughtBy(userId, assignmentId);
  if (!found) return NOT_FOUND;
  if (found.class.archivedAt) return ARCHIVED;
  const current = await db.assignment.findUniqueOrThrow({
    where: { id: assignmentId },
    select: { quizEnabled: true, focusTerms: { select: { termId: true } } },
  });
  const quiz = quizEnabled ?? current.quizEnabled;
  const terms = await chooseTerms(found.articleId, focusTermIds ?? current.focusTerms.map((t) => t.termId), quiz);
  if (!Array.isArray(terms)) return terms;
  await retrying(() =>
    db.$transaction(async (tx) => {
      await tx.assignment.update({ where: { id: assignmentId }, data: { dueAt, instructions, quizEnabled } });
      if (focusTermIds) {
        await tx.assignmentTerm.deleteMany({ where: { assignmentId } });
        if (terms.length)
          await tx.assignmentTerm.createMany({ data: terms.map((termId) => ({ assignmentId, termId })) });
      }
    }, TX_OPTIONS),
  );
  const summary = await summaryOf(assignmentId);
  return summary ? { ok: true, data: summary } : NOT_FOUND;
}

/** Deletes an assignment of the teacher's, with its students' progress, lookups and quiz attempts. */
export async function deleteAssignment(
  userId: string,
  input: AssignmentIdInput,
): Promise<ClassroomResult<{ assignmentId: string }>> {
  const parsed = AssignmentIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { assignmentId } = parsed.data;
  const { count } = await db.assignment.deleteMany({ where: { id: assignmentId, class: { teacherId: userId } } });
  return count ? { ok: true, data: { assignmentId } } : NOT_FOUND;
}

const progressSelect = {
  openedAt: true,
  paragraphsSeen: true,
  paragraphCount: true,
  activeSeconds: true,
  doneAt: true,
} as const;

async function myAssignments(userId: string, where: { id?: string }, now: Date): Promise<MyAssignment[]> {
  const rows = await db.assignment.findMany({
    where: { ...where, class: { archivedAt: null, members: { some: { userId } } } },
    select: { ...assignmentSummarySelect, progress: { where: { userId }, select: progressSelect } },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
  });
  if (rows.length === 0) return [];
  const best = await bestScores(
    userId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const progress = row.progress[0] ?? null;
    return {
      ...toAssignmentSummary(row),
      status: assignmentStatus(
        { dueAt: row.dueAt, openedAt: progress?.openedAt ?? null, doneAt: progress?.doneAt ?? null },
        now,
      ),
      progress: progress ? toProgressView(progress) : null,
      bestScore: best.get(row.id) ?? null,
    };
  });
}

/** Per assignment, the user's best quiz attempt (highest score, then the earliest). */
async function bestScores(userId: string, assignmentIds: string[]): Promise<Map<string, Score>> {
  const attempts = await db.quizAttempt.findMany({
    where: { userId, assignmentId: { in: assignmentIds } },
    select: { assignmentId: true, score: true, maxScore: true },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
  });
  const best = new Map<string, Score>();
  for (const a of attempts) {
    const seen = best.get(a.assignmentId);
    if (!seen || a.score > seen.score) best.set(a.assignmentId, { score: a.score, maxScore: a.maxScore });
  }
  return best;
}

/** "My assignments": every assignment of the live classes the user belongs to, soonest due first. */
export async function listMyAssignments(userId: string, now: Date = new Date()): Promise<MyAssignment[]> {
  return myAssignments(userId, {}, now);
}

/** One assignment for a member of its (live) class, or null. */
export async function getAssignmentForStudent(
  userId: string,
  assignmentId: string,
  now: Date = new Date(),
): Promise<MyAssignment | null> {
  if (typeof assignmentId !== 'string' || !assignmentId) return null;
  return (await myAssignments(userId, { id: assignmentId }, now))[0] ?? null;
}
