import 'server-only';
import { db } from '@/lib/db.server';
import { auth, userChanged } from './auth.server';
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
  await db.user.update({ where: { id: user.id }, data: { role: input.role, teacherRequest: null } });
  return { id: user.id, created: true };
}

/**
 * Makes the account of `email` an admin (`npm run admin:grant -- <email>`), or, with `revoke`, a
 * teacher again (`npm run admin:revoke -- <email>`): how the first admin comes to be, by whoever runs
 * the server (docs/decisions/021-teacher-approval.md). The person signs up first; a sign-up can never
 * ask for admin. Pages see the new role within the session cache's minute, actions at once.
 */
export async function setAdmin(email: string, revoke = false): Promise<{ name: string; role: Role }> {
  const address = SignUpSchema.shape.email.parse(email);
  const role: Role = revoke ? 'teacher' : 'admin';
  const found = await db.user.findUnique({ where: { email: address }, select: { role: true } });
  if (!found) throw new Error(`no account with the e-mail address ${address}: sign up first, then run this again`);
  if (revoke && found.role !== 'admin') throw new Error(`${address} is not an admin`);
  const { id, name } = await db.user.update({
    where: { email: address },
    data: { role, teacherRequest: null },
    select: { id: true, name: true },
  });
  await userChanged(id);
  return { name, role };
}
