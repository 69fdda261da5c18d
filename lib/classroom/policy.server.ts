import 'server-only';
import type { Guard } from '@/lib/action.server';
import { storedRole } from '@/lib/auth/queries.server';
import { db } from '@/lib/db.server';
import { ConflictError, NotFoundError } from '@/lib/errors';

// Who may act on which class or assignment. Every lookup tests the acting user: another teacher's
// class, or a class one is not a member of, is indistinguishable from a missing one. The reads return
// null for both; the guards of the commands throw the same NotFoundError for both.

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
    select: { id: true, classId: true, class: { select: { teacherId: true, archivedAt: true } } },
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
    select: { id: true, articleId: true, quizEnabled: true },
  });
}

type Live = {
  /** Refuse an archived class as well (ConflictError): its assignments no longer change. */
  live?: boolean;
};

/** The class of the input's `classId` is the actor's to manage. */
export function teacherOfClass({ live = false }: Live = {}): Guard<{ classId: string }> {
  return async ({ userId }, { classId }) => {
    const found = await classTaughtBy(userId, classId);
    if (!found) throw new NotFoundError('classroom:errors.notFound');
    if (live && found.archivedAt) throw new ConflictError('classroom:errors.classArchived');
  };
}

/** The assignment of the input's `assignmentId` belongs to a class the actor teaches. */
export function teacherOfAssignment({ live = false }: Live = {}): Guard<{ assignmentId: string }> {
  return async ({ userId }, { assignmentId }) => {
    const found = await assignmentTaughtBy(userId, assignmentId);
    if (!found) throw new NotFoundError('classroom:errors.notFound');
    if (live && found.class.archivedAt) throw new ConflictError('classroom:errors.classArchived');
  };
}

/** The actor is a member of the live class of the input's `assignmentId`. */
export const memberOfAssignment: Guard<{ assignmentId: string }> = async ({ userId }, { assignmentId }) => {
  if (!(await assignmentOfMember(userId, assignmentId))) throw new NotFoundError('classroom:errors.notFound');
};
