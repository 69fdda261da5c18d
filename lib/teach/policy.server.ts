import 'server-only';
import type { Guard } from '@/lib/action.server';
import { storedRole } from '@/lib/auth/queries.server';
import { db } from '@/lib/db.server';
import { NotFoundError } from '@/lib/errors';

// Who may edit what: teachers their own imported articles, admins every imported one. Seeded
// articles come from reviewed content files and are never edited here. The role is read from the
// database on every call, never taken from the client.

/** A missing article — and someone else's, which must look exactly the same. */
export const NOT_FOUND = 'teach:errors.notFound';

export type ArticleScope = { sourceFormat: { not: 'seed' }; ownerId?: string };

/** The articles a user may edit, as a Prisma `where`; null for learners and unknown users. */
export async function editableScope(userId: string): Promise<ArticleScope | null> {
  const role = await storedRole(userId);
  if (role === 'admin') return { sourceFormat: { not: 'seed' } };
  if (role === 'teacher') return { sourceFormat: { not: 'seed' }, ownerId: userId };
  return null;
}

/** The acting user's editable scope; anyone who may edit nothing finds nothing (NotFoundError). */
export async function requireScope(userId: string): Promise<ArticleScope> {
  const scope = await editableScope(userId);
  if (!scope) throw new NotFoundError(NOT_FOUND);
  return scope;
}

/**
 * Guard of the commands on one article: its slug names an article the actor may edit. Someone else's
 * article, a seeded one and a missing one are refused alike (NotFoundError); learners edit nothing.
 */
export const editable: Guard<{ slug: string }> = async ({ userId }, { slug }) => {
  const scope = await requireScope(userId);
  if (!(await db.article.count({ where: { slug, ...scope } }))) throw new NotFoundError(NOT_FOUND);
};
