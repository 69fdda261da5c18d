import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { auth } from './auth.server';
import { type Role, roleOf } from './roles';

export type CurrentUser = { id: string; name: string; email: string; role: Role };

/** The signed-in user of this request (read once per render), or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const { id, name, email, role } = session.user;
  return { id, name, email, role: roleOf(role) };
});
