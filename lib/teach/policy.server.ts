import 'server-only';
import type { Guard } from '@/lib/action.server';
import { isGlossaryEditor, storedRole } from '@/lib/auth/queries.server';
import { db } from '@/lib/db.server';
import { NotFoundError } from '@/lib/errors';

// Who may edit what: teachers their own imported articles, admins every article, and editors (the
// teachers an admin made editors, lib/auth/roles.ts canEditGlossary) also the seeded ones, whose
// content files a re-seed then no longer applies (docs/decisions/042-editors-notes-and-seeded-articles.md).
// The role is read from the database on every call, never taken from the client.

/** A missing article — and someone else's, which must look exactly the same. */
export const NOT_FOUND = 'teach:errors.notFound';

const IMPORTED = { sourceFormat: { not: 'seed' } } as const;
const SEEDED = { sourceFormat: 'seed' } as const;

/** The articles a user may edit, as a Prisma `where` (spread beside the article's slug or id). */
export type ArticleScope =
  | Record<string, never>
  | (typeof IMPORTED & { ownerId: string })
  | { OR: [typeof SEEDED, typeof IMPORTED & { ownerId: string }] };

/** The articles a user may edit, as a Prisma `where`; null for learners and unknown users. */
export async function editableScope(userId: string): Promise<ArticleScope | null> {
  const role = await storedRole(userId);
  if (role === 'admin') return {};
  if (role !== 'teacher') return null;
  const own = { ...IMPORTED, ownerId: userId };
  return (await isGlossaryEditor(userId)) ? { OR: [SEEDED, own] } : own;
}

/** The acting user's editable scope; anyone who may edit nothing finds nothing (NotFoundError). */
export async function requireScope(userId: string): Promise<ArticleScope> {
  const scope = await editableScope(userId);
  if (!scope) throw new NotFoundError(NOT_FOUND);
  return scope;
}

/**
 * Guard of the commands on one article: its slug names an article the actor may edit. Someone else's
 * article, a seeded one (for anyone but an editor) and a missing one are refused alike
 * (NotFoundError); learners edit nothing.
 */
export const editable: Guard<{ slug: string }> = async ({ userId }, { slug }) => {
  const scope = await requireScope(userId);
  if (!(await db.article.count({ where: { slug, ...scope } }))) throw new NotFoundError(NOT_FOUND);
};
