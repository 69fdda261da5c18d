import 'server-only';
import type { Db } from '@/lib/db.server';
import { roleOf } from '@/lib/auth/roles';

// Who may import and edit: teachers their own imported articles, admins every imported one. Seeded
// articles come from reviewed content files and are never edited here. The role is read from the
// database on every call, never taken from the client.

export type ArticleScope = { sourceFormat: { not: 'seed' }; ownerId?: string };

export async function roleFromDb(db: Db, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  return user ? roleOf(user.role) : null;
}

/** The articles a user may edit, as a Prisma `where`; null for learners and unknown users. */
export async function editableScope(db: Db, userId: string): Promise<ArticleScope | null> {
  const role = await roleFromDb(db, userId);
  if (role === 'admin') return { sourceFormat: { not: 'seed' } };
  if (role === 'teacher') return { sourceFormat: { not: 'seed' }, ownerId: userId };
  return null;
}
