import 'server-only';
import { annotateArticle } from '@/lib/annotation/service.server';
import { db } from '@/lib/db.server';
import { countWords } from '@/lib/text';
import { editableScope } from './access.server';
import { failure, invalid } from './results';
import { SlugInputSchema } from './schema';
import type { ImportingResult } from './types';

// Publishing annotates the article (tokens, glossary occurrences, lemma index) and puts it in the
// library, in the annotation's transaction. Unpublishing takes it out again; its rows stay.

/**
 * Publishes an article the user may edit once every group has German and English. `onProgress`
 * reports annotation steps (paragraphs and headings) done of all; the last call is (total, total).
 */
export async function publishArticle(
  userId: string,
  input: unknown,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportingResult<{ slug: string }>> {
  const parsed = SlugInputSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const scope = await editableScope(userId);
  if (!scope) return failure('teach:errors.notFound');
  const article = await db.article.findFirst({
    where: { slug: parsed.data.slug, ...scope },
    select: { id: true, slug: true },
  });
  if (!article) return failure('teach:errors.notFound');

  const [groups, headings] = await Promise.all([
    db.sentence.findMany({ where: { paragraph: { articleId: article.id } }, select: { textDe: true, textEn: true } }),
    db.section.findMany({ where: { articleId: article.id, headingDe: { not: null } }, select: { headingDe: true } }),
  ]);
  if (groups.length === 0 || groups.some((g) => !g.textDe.trim())) return failure('teach:errors.noGerman');
  if (groups.some((g) => !g.textEn.trim())) return failure('teach:errors.untranslated');

  const wordCount = [...groups.map((g) => g.textDe), ...headings.map((h) => h.headingDe ?? '')].reduce(
    (sum, text) => sum + countWords(text),
    0,
  );
  await annotateArticle(db, article.id, { onProgress, article: { status: 'published', wordCount } });
  return { ok: true, data: { slug: article.slug } };
}

/** Takes a published article out of the library (back to draft). */
export async function unpublishArticle(userId: string, input: unknown): Promise<ImportingResult<{ slug: string }>> {
  const parsed = SlugInputSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error.issues);
  const scope = await editableScope(userId);
  if (!scope) return failure('teach:errors.notFound');
  const updated = await db.article.updateMany({
    where: { slug: parsed.data.slug, ...scope },
    data: { status: 'draft' },
  });
  return updated.count ? { ok: true, data: { slug: parsed.data.slug } } : failure('teach:errors.notFound');
}
