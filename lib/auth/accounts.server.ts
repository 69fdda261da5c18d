import 'server-only';
import { db } from '@/lib/db.server';
import { auth } from './auth.server';
import type { Role } from './roles';
import { SignUpSchema } from './schema';

// Accounts made by trusted code (the seed, test fixtures, benchmarks), never by a request: kept apart
// from service.server.ts so that scripts do not load the request-bound action pipeline.

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
