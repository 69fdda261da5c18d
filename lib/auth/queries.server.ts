import 'server-only';
import { db } from '@/lib/db.server';
import { type Role, roleOf } from './roles';

// Reads of accounts: the role every guard checks, and the account page's profile.

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
