import 'server-only';
import { db } from '@/lib/db.server';
import { auth } from './auth.server';
import { type Role, roleOf } from './roles';
import { SignUpSchema } from './schema';

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
