import 'server-only';
import { assignableBy } from '@/lib/articles/queries.server';
import { canTeach, type Role } from '@/lib/auth/roles';
import { db } from '@/lib/db.server';
import { runServiceTask } from '@/lib/task-service.server';
import { assignmentOfMember, classTaughtBy } from './policy.server';
import { type QuizItem, type QuizTerm, toItemView } from './quiz';
import { assignmentStatus, readingSummary, toProgressView } from './status';
import type {
  AssignmentReading,
  AssignmentSummary,
  ClassDetail,
  ClassSummary,
  FocusTermOption,
  MyAssignment,
  QuizItemView,
  Score,
} from './types';

// The classroom's reads: classes, assignments and quizzes, as their teacher or their students see
// them (the teacher's grid is in grid.server.ts). Every read takes the acting userId and puts it in
// its `where`: another teacher's class, or one the user is not a member of, reads as missing (null,
// or absent from a list). Ids come from URLs: anything that is not a string is missing too.

const collator = new Intl.Collator('de', { sensitivity: 'variant' });
export const byLemma = (a: { lemma: string }, b: { lemma: string }) =>
  collator.compare(a.lemma, b.lemma) || (a.lemma < b.lemma ? -1 : a.lemma > b.lemma ? 1 : 0);
export const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const classSummarySelect = {
  id: true,
  name: true,
  description: true,
  joinCode: true,
  archivedAt: true,
  createdAt: true,
  _count: { select: { members: true, assignments: true } },
} as const;

type ClassSummaryRow = {
  id: string;
  name: string;
  description: string;
  joinCode: string;
  archivedAt: Date | null;
  createdAt: Date;
  _count: { members: number; assignments: number };
};

/** A class as a list shows it; `showCode` for its teacher only. */
export function toClassSummary(row: ClassSummaryRow, showCode: boolean): ClassSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    joinCode: showCode ? row.joinCode : '',
    archived: row.archivedAt !== null,
    studentCount: row._count.members,
    assignmentCount: row._count.assignments,
    createdAt: row.createdAt,
  };
}

const assignmentSummarySelect = {
  id: true,
  classId: true,
  dueAt: true,
  instructions: true,
  quizEnabled: true,
  class: { select: { name: true } },
  article: { select: { slug: true, titleDe: true, titleEn: true } },
  focusTerms: { select: { term: { select: { id: true, lemma: true, englishPreferred: true } } } },
} as const;

type AssignmentRow = {
  id: string;
  classId: string;
  dueAt: Date;
  instructions: string;
  quizEnabled: boolean;
  class: { name: string };
  article: { slug: string; titleDe: string; titleEn: string };
  focusTerms: { term: { id: string; lemma: string; englishPreferred: string } }[];
};

function toAssignmentSummary(row: AssignmentRow): AssignmentSummary {
  return {
    id: row.id,
    classId: row.classId,
    className: row.class.name,
    article: { slug: row.article.slug, titleDe: row.article.titleDe, titleEn: row.article.titleEn },
    dueAt: row.dueAt,
    instructions: row.instructions,
    quizEnabled: row.quizEnabled,
    focusTerms: row.focusTerms.map((f) => f.term).sort(byLemma),
  };
}

// Classes

/** Live classes first, then newest first. */
const classOrder = [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'desc' }, { id: 'asc' }] as const;

/** The classes the user teaches, live ones first. */
export async function listTeacherClasses(userId: string): Promise<ClassSummary[]> {
  const rows = await db.classroom.findMany({
    where: { teacherId: userId },
    select: classSummarySelect,
    orderBy: [...classOrder],
  });
  return rows.map((row) => toClassSummary(row, true));
}

/** The classes the user belongs to as a student (the join code is not shown to students). */
export async function listStudentClasses(userId: string): Promise<ClassSummary[]> {
  const rows = await db.classroom.findMany({
    where: { members: { some: { userId } } },
    select: classSummarySelect,
    orderBy: [...classOrder],
  });
  return rows.map((row) => toClassSummary(row, false));
}

/** The classes page: the classes the user teaches (null for who cannot teach) and those they joined. */
export async function classesOf(user: {
  id: string;
  role: Role;
}): Promise<{ teaching: ClassSummary[] | null; joined: ClassSummary[] }> {
  const [teaching, joined] = await Promise.all([
    canTeach(user.role) ? listTeacherClasses(user.id) : null,
    listStudentClasses(user.id),
  ]);
  return { teaching, joined };
}

/** A class with its students and assignments, for its teacher or an admin; null for anyone else. */
export async function getClassDetail(userId: string, classId: string): Promise<ClassDetail | null> {
  if (typeof classId !== 'string' || !(await classTaughtBy(userId, classId, { admin: true }))) return null;
  const row = await db.classroom.findUnique({
    where: { id: classId },
    select: {
      ...classSummarySelect,
      members: { select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } } },
      assignments: { select: assignmentSummarySelect, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!row) return null;
  return {
    ...toClassSummary(row, true),
    students: row.members
      .map((m) => ({ id: m.user.id, name: m.user.name, email: m.user.email, joinedAt: m.joinedAt }))
      .sort(byName),
    assignments: row.assignments.map(toAssignmentSummary),
  };
}

// Assignments

/** The glossary terms occurring in an article (by its stored occurrences), with how often, A–Z. */
export async function occurringTerms(articleId: string): Promise<FocusTermOption[]> {
  const groups = await db.termOccurrence.groupBy({ by: ['termId'], where: { articleId }, _count: { _all: true } });
  const counts = new Map(groups.map((g) => [g.termId, g._count._all]));
  const terms = await db.term.findMany({
    where: { id: { in: [...counts.keys()] } },
    select: { id: true, lemma: true, englishPreferred: true },
  });
  return terms.map((t) => ({ ...t, occurrences: counts.get(t.id) ?? 0 })).sort(byLemma);
}

/**
 * The focus terms a teacher can choose for an article they may assign (A–Z); none for an unknown or
 * draft article or another teacher's classes-only one.
 */
export async function articleFocusTerms(teacherId: string, articleSlug: string): Promise<FocusTermOption[]> {
  const article = await db.article.findFirst({
    where: { slug: articleSlug, ...assignableBy(teacherId) },
    select: { id: true },
  });
  return article ? occurringTerms(article.id) : [];
}

/** An assignment as its teacher's class page lists it, or null. */
export async function assignmentSummary(assignmentId: string): Promise<AssignmentSummary | null> {
  const row = await db.assignment.findUnique({ where: { id: assignmentId }, select: assignmentSummarySelect });
  return row ? toAssignmentSummary(row) : null;
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

/**
 * How far the class has read each of its assignments (students, opened, done, average share read),
 * by assignment id, for the class's teacher or an admin; null for anyone else. Only current members
 * count: a student who left takes their progress out of the figures.
 */
export async function getAssignmentReading(
  userId: string,
  classId: string,
): Promise<Record<string, AssignmentReading> | null> {
  if (typeof classId !== 'string' || !(await classTaughtBy(userId, classId, { admin: true }))) return null;
  const [members, assignments] = await Promise.all([
    db.classMembership.findMany({ where: { classId }, select: { userId: true } }),
    db.assignment.findMany({
      where: { classId },
      select: {
        id: true,
        progress: { where: { user: { memberships: { some: { classId } } } }, select: progressSelect },
      },
    }),
  ]);
  return Object.fromEntries(assignments.map((a) => [a.id, readingSummary(members.length, a.progress)]));
}

// Quizzes: generated from the focus terms and the article's stored occurrences each time
// (deterministic, so item ids are stable), scored on submit (quiz.server.ts).

/** The quiz items of an assignment, answers included: server-side only. */
export async function quizItems(assignmentId: string, articleId: string): Promise<QuizItem[]> {
  const focus = await db.assignmentTerm.findMany({
    where: { assignmentId },
    select: {
      term: {
        select: {
          id: true,
          lemma: true,
          kind: true,
          gender: true,
          plural: true,
          genitive: true,
          englishPreferred: true,
          occurrences: {
            where: { articleId, sentenceId: { not: null } },
            select: {
              start: true,
              end: true,
              surface: true,
              kind: true,
              sentence: {
                select: { position: true, textDe: true, textEn: true, paragraph: { select: { position: true } } },
              },
            },
          },
        },
      },
    },
  });
  const terms: QuizTerm[] = focus.map(({ term }) => ({
    id: term.id,
    lemma: term.lemma,
    kind: term.kind,
    gender: term.gender === 'm' || term.gender === 'f' || term.gender === 'n' ? term.gender : null,
    plural: term.plural,
    genitive: term.genitive,
    englishPreferred: term.englishPreferred,
    occurrences: term.occurrences.flatMap((o) =>
      o.sentence
        ? [
            {
              textDe: o.sentence.textDe,
              textEn: o.sentence.textEn,
              start: o.start,
              end: o.end,
              surface: o.surface,
              kind: o.kind,
              paragraph: o.sentence.paragraph.position,
              sentence: o.sentence.position,
            },
          ]
        : [],
    ),
  }));
  return runServiceTask('buildQuizItems', terms);
}

/** The quiz as a member of the class sees it (no answers); null if not a member or the quiz is off. */
export async function getQuiz(userId: string, assignmentId: string): Promise<QuizItemView[] | null> {
  if (typeof assignmentId !== 'string' || !assignmentId) return null;
  const assignment = await assignmentOfMember(userId, assignmentId);
  if (!assignment?.quizEnabled) return null;
  return (await quizItems(assignment.id, assignment.articleId)).map(toItemView);
}
