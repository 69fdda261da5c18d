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

/** Who may import, edit and publish articles (and, later, run classes): teachers and admins. */
export function canTeach(role: Role): boolean {
  return role === 'teacher' || role === 'admin';
}
