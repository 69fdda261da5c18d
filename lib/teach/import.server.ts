import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import { command } from '@/lib/action.server';
import { teacher } from '@/lib/auth/guards.server';
import { inBatches } from '@/lib/batches.server';
import { db, type Db } from '@/lib/db.server';
import { InvalidInputError } from '@/lib/errors';
import { runServiceTask } from '@/lib/task-service.server';
import { fetchPage, LinkRefusedError } from './fetch-page.server';
import { CreateDraftSchema, ImportLinkSchema, INVALID, TITLE_MAX, URL_MAX } from './schema';
import type { SegmentedDocument } from './segment';
import { articleSlug } from './slug';
import type { DraftOutline } from './tasks.server';
import type { DraftOrigin, RemovedBlock } from './types';

/** Everything a new draft stores, decided before the first write. */
export type DraftPlan = {
  slug: string;
  titleDe: string;
  ownerId: string;
  sourceFormat: DraftOrigin;
  /** The address of the original, for a page fetched from it. */
  sourceUrl?: string;
  removed: RemovedBlock[];
  contentHash: string;
  wordCount: number;
  sections: SegmentedDocument['sections'];
};

/** Today as a date (the schema needs an original publication date; the teacher's import day stands in). */
function today(): Date {
  return new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
}

/**
 * Writes a planned draft: article, sections, paragraphs and sentence groups in one transaction of
 * bulk inserts (ids made here, so children need no round trip), in bounded batches that let other
 * requests run between them (lib/batches.server.ts). All or nothing.
 */
export async function storeDraft(database: Db, plan: DraftPlan): Promise<void> {
  const sections: {
    id: string;
    articleId: string;
    position: number;
    headingDe: string | null;
    headingEn: string | null;
  }[] = [];
  const paragraphs: { id: string; articleId: string; sectionId: string; position: number }[] = [];
  const sentences: { id: string; paragraphId: string; position: number; textDe: string; textEn: string }[] = [];
  const articleId = randomUUID();
  let paragraphPosition = 0;
  for (const [sectionPosition, section] of plan.sections.entries()) {
    const sectionId = randomUUID();
    sections.push({
      id: sectionId,
      articleId,
      position: sectionPosition,
      headingDe: section.headingDe,
      headingEn: section.headingDe === null ? null : '',
    });
    for (const groups of section.paragraphs) {
      const paragraphId = randomUUID();
      paragraphs.push({ id: paragraphId, articleId, sectionId, position: paragraphPosition++ });
      for (const [position, textDe] of groups.entries())
        sentences.push({ id: randomUUID(), paragraphId, position, textDe, textEn: '' });
    }
  }
  await database.$transaction(
    async (tx) => {
      await tx.article.create({
        data: {
          id: articleId,
          slug: plan.slug,
          titleDe: plan.titleDe,
          titleEn: '',
          outlet: '',
          publishedAt: today(),
          sourceNoteDe: '',
          sourceNoteEn: '',
          wordCount: plan.wordCount,
          contentHash: plan.contentHash,
          status: 'draft',
          ownerId: plan.ownerId,
          sourceFormat: plan.sourceFormat,
          sourceUrl: plan.sourceUrl ?? null,
          removedBlocks: JSON.stringify(plan.removed),
        },
      });
      await inBatches(sections, (data) => tx.section.createMany({ data }));
      await inBatches(paragraphs, (data) => tx.paragraph.createMany({ data }));
      await inBatches(sentences, (data) => tx.sentence.createMany({ data }));
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** The source itself is refused: its reason is the form's message and the source field's. */
const unusable = (key: string, field: 'text' | 'url') => new InvalidInputError(key, { fieldErrors: { [field]: key } });

/**
 * Stores a source's outline as a new draft of `ownerId`. Its title: the teacher's, else the source's
 * own, its first line, `fallbackTitle`, or 'Artikel'.
 */
async function saveDraft(
  ownerId: string,
  outline: DraftOutline,
  source: {
    field: 'text' | 'url';
    title?: string;
    fallbackTitle?: string;
    sourceFormat: DraftOrigin;
    sourceUrl?: string;
  },
): Promise<{ slug: string }> {
  if (outline.refused !== undefined) throw unusable(outline.refused, source.field);
  const titleDe =
    (source.title || outline.title || outline.firstLine || source.fallbackTitle || '').slice(0, TITLE_MAX).trim() ||
    'Artikel';
  const plan: DraftPlan = {
    slug: articleSlug(titleDe, randomBytes(4).toString('hex')),
    titleDe,
    ownerId,
    sourceFormat: source.sourceFormat,
    ...(source.sourceUrl ? { sourceUrl: source.sourceUrl } : {}),
    removed: outline.removed,
    contentHash: outline.contentHash,
    wordCount: outline.wordCount,
    sections: outline.sections,
  };
  await storeDraft(db, plan);
  return { slug: plan.slug };
}

/**
 * A teacher's or admin's new draft from pasted text or a file (HTML, Markdown, plain text, Word):
 * extracted, cleaned of boilerplate, split into paragraphs and sentences (in a worker thread: see
 * ./tasks.server.ts), stored all or nothing.
 */
export const createDraft = command({
  input: CreateDraftSchema,
  invalid: INVALID,
  guard: teacher('teach:errors.forbidden'),
  run: async ({ userId }, { format, text, title, fileName }) => {
    const given = title ? { title } : {};
    const outline =
      format === 'docx'
        ? await runServiceTask('outlineDocx', { data: text, ...given })
        : await runServiceTask('outlineDraft', { format, text, ...given });
    const fileTitle = fileName?.replace(/\.(txt|md|markdown|html?|docx)$/iu, '').trim();
    return saveDraft(userId, outline, { field: 'text', title, fallbackTitle: fileTitle, sourceFormat: format });
  },
});

/**
 * A teacher's or admin's new draft from a web page's address: the server fetches the page (public
 * addresses only, docs/decisions/043-import-from-a-link.md) and imports it as an uploaded HTML page,
 * with the address it was read from as the draft's source address.
 */
export const importLink = command({
  input: ImportLinkSchema,
  invalid: INVALID,
  guard: teacher('teach:errors.forbidden'),
  run: async ({ userId }, { url, title }) => {
    const page = await fetchPage(url).catch((error: unknown) => {
      throw error instanceof LinkRefusedError ? unusable(`teach:errors.link.${error.reason}`, 'url') : error;
    });
    const outline = await runServiceTask('outlineDraft', {
      format: 'html',
      text: page.html,
      ...(title ? { title } : {}),
    });
    return saveDraft(userId, outline, {
      field: 'url',
      title,
      fallbackTitle: new URL(page.url).hostname,
      sourceFormat: 'link',
      // A redirect may lead to an address longer than the editor keeps: then the one the teacher gave.
      sourceUrl: page.url.length <= URL_MAX ? page.url : url,
    });
  },
});
