import { z } from 'zod';

// Who may do what is decided on the server from the stored role, never from the client.
export const ROLES = ['learner', 'teacher', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/** The roles a person may choose at sign-up; admins are made by an admin (or the seed), never by sign-up. */
export const SIGN_UP_ROLES = ['learner', 'teacher'] as const satisfies readonly Role[];
export type SignUpRole = (typeof SIGN_UP_ROLES)[number];
export const SignUpRoleSchema = z.enum(SIGN_UP_ROLES, { error: 'account:errors.roleNotAllowed' });

/** A stored role string as a Role; anything unexpected counts as the least privileged one. */
export function roleOf(value: unknown): Role {
  const parsed = RoleSchema.safeParse(value);
  return parsed.success ? parsed.data : 'learner';
}

/** Who may import, edit and publish articles and run classes: (approved) teachers and admins. */
export function canTeach(role: Role): boolean {
  return role === 'teacher' || role === 'admin';
}

/**
 * Who may create, edit, approve, reject and retire glossary entries: admins, and teachers an admin made
 * editors (the flag counts only while the account teaches). Teachers propose; learners do neither.
 */
export function canEditGlossary(role: Role, glossaryEditor: boolean): boolean {
  return role === 'admin' || (role === 'teacher' && glossaryEditor);
}

// Who may teach (docs/decisions/021-teacher-approval.md). A teacher sign-up is a learner with a pending
// request until an admin approves it, so every check of the role refuses it until then.

/** TEACHER_SIGNUP: `open`, a teacher sign-up teaches at once; `approval`, it waits for an admin. */
export const TEACHER_SIGNUP_MODES = ['open', 'approval'] as const;
export type TeacherSignUp = (typeof TEACHER_SIGNUP_MODES)[number];

/** A teacher sign-up not (yet) approved: User.teacherRequest. */
export const TEACHER_REQUESTS = ['pending', 'declined'] as const;
export type TeacherRequest = (typeof TEACHER_REQUESTS)[number];

/** What a new account that asked for `requested` is stored as; an admin's invitation makes it a teacher at once. */
export function signUpAccount(
  requested: SignUpRole,
  mode: TeacherSignUp,
  invited: boolean,
): { role: Role; teacherRequest: TeacherRequest | null } {
  if (invited) return { role: 'teacher', teacherRequest: null };
  if (requested === 'teacher' && mode === 'approval') return { role: 'learner', teacherRequest: 'pending' };
  return { role: requested, teacherRequest: null };
}

/** Where an account stands towards teaching: it teaches, waits for approval, was declined, or never asked. */
export type TeachingAccess = 'teacher' | 'pending' | 'declined' | 'none';

export function teachingAccess(role: Role, teacherRequest: string | null | undefined): TeachingAccess {
  if (canTeach(role)) return 'teacher';
  if (teacherRequest === 'pending' || teacherRequest === 'declined') return teacherRequest;
  return 'none';
}
