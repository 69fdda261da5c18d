'use server';
import { asSignedInUser, SIGNED_OUT } from '@/lib/auth/acting-user.server';
import { canTeach } from '@/lib/auth/roles';
import { getCurrentUser } from '@/lib/auth/session.server';
import { focusTermOptions, createAssignment, deleteAssignment, updateAssignment } from './assignments.server';
import {
  archiveClass,
  createClass,
  joinClass,
  leaveClass,
  regenerateJoinCode,
  removeStudent,
  unarchiveClass,
  updateClass,
} from './classes.server';
import { recordProgress } from './progress.server';
import { submitQuiz } from './quiz.server';
import type { ClassroomResult } from './types';

// Server actions are public endpoints: each finds the acting user from the session cookie and hands
// the untrusted input to the service, which validates it with zod, checks the role and scopes every
// query to that user (a teacher's own classes, a student's own memberships). Pages are personal and
// dynamic, so the islands refresh them after a success; no shared cache is involved.
type Input<F extends (userId: string, input: never, ...rest: never[]) => unknown> = Parameters<F>[1];

export async function createClassAction(input: unknown) {
  return asSignedInUser((userId) => createClass(userId, input as Input<typeof createClass>));
}
export async function updateClassAction(input: unknown) {
  return asSignedInUser((userId) => updateClass(userId, input as Input<typeof updateClass>));
}
export async function archiveClassAction(input: unknown) {
  return asSignedInUser((userId) => archiveClass(userId, input as Input<typeof archiveClass>));
}
export async function unarchiveClassAction(input: unknown) {
  return asSignedInUser((userId) => unarchiveClass(userId, input as Input<typeof unarchiveClass>));
}
export async function regenerateJoinCodeAction(input: unknown) {
  return asSignedInUser((userId) => regenerateJoinCode(userId, input as Input<typeof regenerateJoinCode>));
}
export async function joinClassAction(input: unknown) {
  return asSignedInUser((userId) => joinClass(userId, input as Input<typeof joinClass>));
}
export async function leaveClassAction(input: unknown) {
  return asSignedInUser((userId) => leaveClass(userId, input as Input<typeof leaveClass>));
}
export async function removeStudentAction(input: unknown) {
  return asSignedInUser((userId) => removeStudent(userId, input as Input<typeof removeStudent>));
}
export async function createAssignmentAction(input: unknown) {
  return asSignedInUser((userId) => createAssignment(userId, input as Input<typeof createAssignment>));
}
export async function updateAssignmentAction(input: unknown) {
  return asSignedInUser((userId) => updateAssignment(userId, input as Input<typeof updateAssignment>));
}
export async function deleteAssignmentAction(input: unknown) {
  return asSignedInUser((userId) => deleteAssignment(userId, input as Input<typeof deleteAssignment>));
}
export async function submitQuizAction(input: unknown) {
  return asSignedInUser((userId) => submitQuiz(userId, input as Input<typeof submitQuiz>));
}
/** The student marks an assignment done: one 'done' progress event (idempotent by its id). */
export async function markDoneAction(input: unknown) {
  return asSignedInUser((userId) => {
    const { assignmentId, eventId } = (input ?? {}) as { assignmentId?: unknown; eventId?: unknown };
    return recordProgress(userId, { assignmentId, events: [{ id: eventId, kind: 'done' }] } as Input<
      typeof recordProgress
    >);
  });
}
/** The glossary terms occurring in an article, offered as focus terms in the assignment form (teachers only). */
export async function focusTermOptionsAction(
  articleSlug: unknown,
): Promise<ClassroomResult<Awaited<ReturnType<typeof focusTermOptions>>>> {
  const user = await getCurrentUser();
  if (!user) return SIGNED_OUT;
  if (!canTeach(user.role)) return { ok: false, error: 'classroom:errors.forbidden' };
  if (typeof articleSlug !== 'string' || articleSlug.length > 200)
    return { ok: false, error: 'classroom:errors.invalid' };
  return { ok: true, data: await focusTermOptions(articleSlug) };
}
