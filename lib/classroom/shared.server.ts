import 'server-only';
import type { z } from 'zod';
import { fieldErrorsOf } from '@/lib/action-result';
import { storedRole } from '@/lib/auth/accounts.server';
import { db } from '@/lib/db.server';
import type { AssignmentSummary, ClassroomFailure } from './types';

// What the classroom services share: who may act on what, failures, retries, the assignment view.
// Every lookup takes the acting userId and puts it in the `where`: another teacher's class or a class
// one is not a member of is indistinguishable from a missing one.

export type { Tx } from '@/lib/db.server';

export const NOT_FOUND: ClassroomFailure = { ok: false, error: 'classroom:errors.notFound' };
export const FORBIDDEN: ClassroomFailure = { ok: false, error: 'classroom:errors.forbidden' };
export const ARCHIVED: ClassroomFailure = { ok: false, error: 'classroom:errors.classArchived' };

export function invalid(error: z.ZodError): ClassroomFailure {
  return {
    ok: false,
    error: 'classroom:errors.invalid',
    fieldErrors: fieldErrorsOf(error.issues, 'classroom:errors.invalid'),
  };
}

/**
 * Who may manage a class: its teacher; for reads (`admin: true`) also an admin. Returns the class, or
 * null exactly as for a missing class.
 */
export async function classTaughtBy(userId: string, classId: string, options: { admin?: boolean } = {}) {
  const found = await db.classroom.findUnique({
    where: { id: classId },
    select: { id: true, teacherId: true, archivedAt: true },
  });
  if (!found) return null;
  if (found.teacherId === userId) return found;
  if (options.admin && (await storedRole(userId)) === 'admin') return found;
  return null;
}

/** An assignment of a class the user teaches (or, for reads with `admin`, any class if an admin). */
export async function assignmentTaughtBy(userId: string, assignmentId: string, options: { admin?: boolean } = {}) {
  const found = await db.assignment.findUnique({
    where: { id: assignmentId },
    select: { id: true, classId: true, articleId: true, class: { select: { teacherId: true, archivedAt: true } } },
  });
  if (!found) return null;
  if (found.class.teacherId === userId) return found;
  if (options.admin && (await storedRole(userId)) === 'admin') return found;
  return null;
}

/** An assignment of a live (not archived) class the user is a member of, or null. */
export async function assignmentOfMember(userId: string, assignmentId: string) {
  return db.assignment.findFirst({
    where: { id: assignmentId, class: { archivedAt: null, members: { some: { userId } } } },
    select: { id: true, classId: true, articleId: true, dueAt: true, quizEnabled: true },
  });
}

export const assignmentSummarySelect = {
  id: true,
  classId: true,
  dueAt: true,
  instructions: true,
  quizEnabled: true,
  class: { select: { name: true } },
  article: { select: { slug: true, titleDe: true, titleEn: true } },
  focusTerms: { select: { term: { select: { id: true, lemma: true, englishPreferred: true } } } },
} as const;

const collator = new Intl.Collator('de', { sensitivity: 'variant' });
export const byLemma = (a: { lemma: string }, b: { lemma: string }) =>
  collator.compare(a.lemma, b.lemma) || (a.lemma < b.lemma ? -1 : a.lemma > b.lemma ? 1 : 0);
export const byName = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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

export function toAssignmentSummary(row: AssignmentRow): AssignmentSummary {
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
