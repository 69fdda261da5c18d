import 'server-only';
import { command } from '@/lib/action.server';
import { annotateArticle } from '@/lib/annotation/service.server';
import { z } from 'zod';
import { db } from '@/lib/db.server';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { defineJob, runJob } from '@/lib/jobs/service.server';
import { editable, NOT_FOUND, requireScope } from './policy.server';
import { articlePaths } from './revalidate';
import { INVALID, SlugInputSchema, UpdateVisibilitySchema } from './schema';

// Publishing annotates the article (tokens, glossary occurrences, lemma index) and puts it in the
// library, in the annotation's transaction, as a job (docs/decisions/038-job-queue.md). Unpublishing
// takes it out again; its rows stay.

/** Annotation steps (paragraphs and headings) done of all; the last call is (total, total). */
export type PublishProgress = (done: number, total: number) => void;

/**
 * The publishing job: checks that every group has German and English (again: the article may have
 * changed while the job waited), then annotates it and sets it published in one transaction. Run twice
 * (a retry after its worker died), it ends the same: the annotation is rewritten whole.
 */
export const publishJob = defineJob({
  name: 'publish-article',
  input: z.object({ articleId: z.string().min(1) }),
  run: async ({ articleId }, onProgress: (progress: { done: number; total: number }) => void) => {
    const article = await db.article.findUnique({ where: { id: articleId }, select: { slug: true } });
    if (!article) throw new NotFoundError(NOT_FOUND);
    const groups = await db.sentence.findMany({
      where: { paragraph: { articleId } },
      select: { textDe: true, textEn: true },
    });
    if (groups.length === 0 || groups.some((g) => !g.textDe.trim())) throw new ConflictError('teach:errors.noGerman');
    if (groups.some((g) => !g.textEn.trim())) throw new ConflictError('teach:errors.untranslated');

    // The words are counted with the annotation, in its worker thread and its transaction.
    await annotateArticle(db, articleId, {
      onProgress: (done, total) => onProgress({ done, total }),
      article: { status: 'published', countWords: true },
    });
    return { paths: articlePaths(article.slug), slug: article.slug };
  },
  retryLimit: 3,
  retryDelaySeconds: 5,
  // The annotation's thread task may take 180 s and its transaction 120 s (lib/workers.server.ts,
  // lib/annotation/service.server.ts); a job past both is stuck.
  expireInSeconds: 330,
});

/**
 * Publishes an article the user may edit once every group has German and English, reporting its
 * progress to `onProgress`. The publish route streams that progress and drops the cached pages itself.
 */
export function publish(onProgress?: PublishProgress) {
  return command({
    input: SlugInputSchema,
    invalid: INVALID,
    guard: editable,
    run: async ({ userId }, { slug }) => {
      const scope = await requireScope(userId);
      const article = await db.article.findFirst({ where: { slug, ...scope }, select: { id: true } });
      if (!article) throw new NotFoundError(NOT_FOUND);
      const published = await runJob(publishJob, { articleId: article.id }, ({ done, total }) =>
        onProgress?.(done, total),
      );
      return { slug: published.slug };
    },
  });
}

/** Takes a published article out of the library (back to draft); its reader page and words drop out of the cache. */
export const unpublish = command({
  input: SlugInputSchema,
  invalid: INVALID,
  guard: editable,
  run: async ({ userId }, { slug }) => {
    const scope = await requireScope(userId);
    const updated = await db.article.updateMany({ where: { slug, ...scope }, data: { status: 'draft' } });
    if (!updated.count) throw new NotFoundError(NOT_FOUND);
    return { slug };
  },
  revalidates: ({ slug }) => articlePaths(slug),
});

/**
 * Who may read the article once published: everyone, or the owner's classes only (with the owner and
 * admins). Set before or after publishing; the shared cached pages of the article drop out, so none
 * keeps what the new setting hides. docs/decisions/028-article-visibility.md
 */
export const updateVisibility = command({
  input: UpdateVisibilitySchema,
  invalid: INVALID,
  guard: editable,
  run: async ({ userId }, { slug, visibility }) => {
    const scope = await requireScope(userId);
    const article = await db.article.findFirst({ where: { slug, ...scope }, select: { sourceFormat: true } });
    if (!article) throw new NotFoundError(NOT_FOUND);
    // A seeded article has no owner whose classes could read it: it stays in the library.
    if (article.sourceFormat === 'seed' && visibility === 'classes')
      throw new ConflictError('teach:errors.seededVisibility');
    const updated = await db.article.updateMany({ where: { slug, ...scope }, data: { visibility } });
    if (!updated.count) throw new NotFoundError(NOT_FOUND);
    return { slug, visibility };
  },
  revalidates: ({ slug }) => articlePaths(slug),
});
