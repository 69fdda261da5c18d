import 'server-only';
import { isAPIError } from 'better-auth/api';
import { z } from 'zod';
import { db } from '@/lib/db.server';
import { type ActionResult, fieldErrorsOf } from '@/lib/action-result';
import { auth } from './auth.server';
import { authErrorKey } from './errors';
import { type Role, roleOf } from './roles';
import { DeleteAccountSchema, SignUpSchema } from './schema';

/**
 * Creates an e-mail account from trusted code (seed, test fixtures), through better-auth so that the
 * password is hashed exactly as sign-up does; `role` may be any role here, admin included.
 * Idempotent: an existing account with that e-mail is returned as it is.
 */
export async function ensureAccount(input: {
  name: string;
  email: string;
  password: string;
  role: Role;
}): Promise<{ id: string; created: boolean }> {
  const { name, email, password } = SignUpSchema.parse({ ...input, role: 'learner' });
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const { user } = await auth.api.signUpEmail({ body: { name, email, password } });
  await db.user.update({ where: { id: user.id }, data: { role: input.role } });
  return { id: user.id, created: true };
}

/** The role stored for a user (authorization always reads it here, never from a client); null for an unknown id. */
export async function storedRole(userId: string): Promise<Role | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  return user ? roleOf(user.role) : null;
}

export type Profile = { id: string; name: string; email: string; role: Role; createdAt: Date };

export async function getProfile(userId: string): Promise<Profile | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, createdAt: true },
  });
  return user ? { ...user, role: roleOf(user.role) } : null;
}

export const ProfileNameSchema = z.object({ name: SignUpSchema.shape.name });

/** Renames the acting user (better-auth's update-user is disabled: it would also take `role`). */
export async function updateProfileName(userId: string, input: unknown): Promise<ActionResult<{ name: string }>> {
  const parsed = ProfileNameSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error.issues) };
  await db.user.update({ where: { id: userId }, data: { name: parsed.data.name } });
  return { ok: true, data: { name: parsed.data.name } };
}

/**
 * Deletes the account signed in on `headers` (the request's own cookies), after checking its password
 * again: its sessions end and the response expires its cookies (see deleteOwnDrafts for what goes).
 */
export async function deleteAccount(headers: Headers, input: unknown): Promise<ActionResult<null>> {
  const parsed = DeleteAccountSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error.issues) };
  try {
    await auth.api.deleteUser({ body: { password: parsed.data.password }, headers });
  } catch (error) {
    if (!isAPIError(error)) throw error;
    if (error.status === 'UNAUTHORIZED') return { ok: false, formError: 'account:errors.signedOut' };
    const key = authErrorKey({ code: (error.body as { code?: string } | undefined)?.code });
    return key === 'account:errors.wrongPassword'
      ? { ok: false, fieldErrors: { password: key } }
      : { ok: false, formError: key };
  }
  return { ok: true, data: null };
}
