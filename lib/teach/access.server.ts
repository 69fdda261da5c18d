import 'server-only';
import { storedRole } from '@/lib/auth/accounts.server';

// Who may import and edit: teachers their own imported articles, admins every imported one. Seeded
// articles come from reviewed content files and are never edited here. The role is read from the
// database on every call, never taken from the client.

export type ArticleScope = { sourceFormat: { not: 'seed' }; ownerId?: string };

/** The articles a user may edit, as a Prisma `where`; null for learners and unknown users. */
export async function editableScope(userId: string): Promise<ArticleScope | null> {
  const role = await storedRole(userId);
  if (role === 'admin') return { sourceFormat: { not: 'seed' } };
  if (role === 'teacher') return { sourceFormat: { not: 'seed' }, ownerId: userId };
  return null;
}
