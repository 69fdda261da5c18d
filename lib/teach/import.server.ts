import 'server-only';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { command } from '@/lib/action.server';
import { teacher } from '@/lib/auth/guards.server';
import { db, type Db } from '@/lib/db.server';
import { InvalidInputError } from '@/lib/errors';
import { countWords } from '@/lib/text';
import { extractDocument } from './extract.server';
import { looksBinary } from './plain-text';
import { CreateDraftSchema, INVALID, TEXT_MAX, TITLE_MAX } from './schema';
import { segmentDocument, type SegmentedDocument } from './segment';
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

function wordCountOf(sections: SegmentedDocument['sections']): number {
  let words = 0;
  for (const section of sections) {
    if (section.headingDe) words += countWords(section.headingDe);
    for (const paragraph of section.paragraphs) for (const sentence of paragraph) words += countWords(sentence);
  }
  return words;
}

/** Today as a date (the schema needs an original publication date; the teacher's import day stands in). */
function today(): Date {
  return new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
}

/**
 * Writes a planned draft: article, sections, paragraphs and sentence groups in one transaction with
 * a handful of bulk inserts (ids made here, so children need no round trip). All or nothing.
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
      await tx.section.createMany({ data: sections });
      await tx.paragraph.createMany({ data: paragraphs });
      // Bounded batches: PostgreSQL allows 65,535 bind parameters per statement.
      for (let i = 0; i < sentences.length; i += 2000)
        await tx.sentence.createMany({ data: sentences.slice(i, i + 2000) });
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** The first sentence as a title, cut at a word boundary. */
function titleFrom(sections: SegmentedDocument['sections']): string {
  const first = sections[0]?.headingDe ?? sections[0]?.paragraphs[0]?.[0] ?? '';
  if (first.length <= TITLE_MAX) return first;
  const cut = first.slice(0, TITLE_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}

/** The source itself is refused: its reason is the form's message and the text field's. */
const unusable = (key: string) => new InvalidInputError(key, { fieldErrors: { text: key } });

/**
 * A teacher's or admin's new draft from pasted text or a file's text (HTML, Markdown, plain text):
 * extracted, cleaned of boilerplate, split into paragraphs and sentences, stored all or nothing.
 */
export const createDraft = command({
  input: CreateDraftSchema,
  invalid: INVALID,
  guard: teacher('teach:errors.forbidden'),
  run: async ({ userId }, { format, text, title, fileName }) => {
    if (looksBinary(text)) throw unusable('teach:errors.unreadable');
    const doc = extractDocument(format, text);
    // HTML that yields no text at all is not a page we can read; anything else is simply empty.
    if (doc.blocks.length === 0)
      throw unusable(doc.removed.length === 0 && format === 'html' ? 'teach:errors.unreadable' : 'teach:errors.empty');
    const extractedLength = doc.blocks.reduce((sum, block) => sum + block.text.length, 0);
    if (extractedLength > TEXT_MAX) throw unusable('teach:errors.tooLong');
    const { sections } = segmentDocument(doc);
    if (sections.length === 0) throw unusable('teach:errors.empty');

    const fileTitle = fileName?.replace(/\.(txt|md|markdown|html?)$/iu, '').trim();
    const titleDe =
      (title || doc.title || titleFrom(sections) || fileTitle || '').slice(0, TITLE_MAX).trim() || 'Artikel';
    const plan: DraftPlan = {
      slug: articleSlug(titleDe, randomBytes(4).toString('hex')),
      titleDe,
      ownerId: userId,
      sourceFormat: format,
      removed: doc.removed,
      contentHash: createHash('sha256').update(text).digest('hex'),
      wordCount: wordCountOf(sections),
      sections,
    };
    await storeDraft(db, plan);
    return { slug: plan.slug };
  },
});
