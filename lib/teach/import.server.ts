import 'server-only';
import { randomBytes, randomUUID } from 'node:crypto';
import { command } from '@/lib/action.server';
import { teacher } from '@/lib/auth/guards.server';
import { inBatches } from '@/lib/batches.server';
import { db, type Db } from '@/lib/db.server';
import { InvalidInputError } from '@/lib/errors';
import { runTask } from '@/lib/workers.server';
import { CreateDraftSchema, INVALID, TITLE_MAX } from './schema';
import type { SegmentedDocument } from './segment';
import { articleSlug } from './slug';
import type { RemovedBlock, SourceFormat } from './types';

/** Everything a new draft stores, decided before the first write. */
export type DraftPlan = {
  slug: string;
  titleDe: string;
  ownerId: string;
  sourceFormat: SourceFormat;
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

/** The source itself is refused: its reason is the form's message and the text field's. */
const unusable = (key: string) => new InvalidInputError(key, { fieldErrors: { text: key } });

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
        ? await runTask('outlineDocx', { data: text, ...given })
        : await runTask('outlineDraft', { format, text, ...given });
    if (outline.refused !== undefined) throw unusable(outline.refused);

    const fileTitle = fileName?.replace(/\.(txt|md|markdown|html?|docx)$/iu, '').trim();
    const titleDe =
      (title || outline.title || outline.firstLine || fileTitle || '').slice(0, TITLE_MAX).trim() || 'Artikel';
    const plan: DraftPlan = {
      slug: articleSlug(titleDe, randomBytes(4).toString('hex')),
      titleDe,
      ownerId: userId,
      sourceFormat: format,
      removed: outline.removed,
      contentHash: outline.contentHash,
      wordCount: outline.wordCount,
      sections: outline.sections,
    };
    await storeDraft(db, plan);
    return { slug: plan.slug };
  },
});
