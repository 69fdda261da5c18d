import 'server-only';
import { createHash } from 'node:crypto';
import { countWords } from '@/lib/text';
import { docxToHtml } from './docx.server';
import { extractDocument } from './extract.server';
import { firstLineOf, takeHeadline } from './headline';
import { looksBinary } from './plain-text';
import { TEXT_MAX, TITLE_MAX } from './schema';
import { segmentDocument, type SegmentedDocument } from './segment';
import type { RemovedBlock, SourceFormat } from './types';

// The importer's CPU-heavy part (HTML parsing with jsdom and Readability, sentence splitting), run in
// a worker thread (lib/workers.server.ts): a page of two million characters takes seconds.

/** A source worked out into a draft's text, or the reason it cannot be one (an i18n key). */
export type DraftOutline =
  | {
      refused?: undefined;
      /** The given title, else the page's own (HTML) or the headline the source starts with, if any. */
      title: string | null;
      /** The first heading or sentence, cut to a title's length. */
      firstLine: string;
      removed: RemovedBlock[];
      sections: SegmentedDocument['sections'];
      wordCount: number;
      contentHash: string;
    }
  | { refused: string };

function wordCountOf(sections: SegmentedDocument['sections']): number {
  let words = 0;
  for (const section of sections) {
    if (section.headingDe) words += countWords(section.headingDe);
    for (const paragraph of section.paragraphs) for (const sentence of paragraph) words += countWords(sentence);
  }
  return words;
}

/** The first sentence as a title, cut at a word boundary. */
function titleFrom(sections: SegmentedDocument['sections']): string {
  const first = sections[0]?.headingDe ?? sections[0]?.paragraphs[0]?.[0] ?? '';
  if (first.length <= TITLE_MAX) return first;
  const cut = first.slice(0, TITLE_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}

/**
 * A teacher's source (HTML, Markdown, plain text; for 'docx' the HTML of the Word file, see
 * outlineDocx) as a draft's sections, paragraphs and sentences, with what was removed and why; or the
 * reason it is refused.
 */
export function outlineDraft({
  format,
  text,
  title,
}: {
  format: SourceFormat;
  text: string;
  /** The teacher's title, if given: a source starting with it does not keep it as body text. */
  title?: string;
}): DraftOutline {
  if (looksBinary(text)) return { refused: 'teach:errors.unreadable' };
  const extracted = extractDocument(format, text);
  // The headline is the title, not also the first paragraph.
  const headline = takeHeadline(
    extracted.blocks,
    title?.trim() || extracted.title,
    format === 'html' || format === 'docx' ? undefined : firstLineOf(text),
  );
  const doc = {
    title: headline.title,
    blocks: headline.blocks,
    removed: headline.dropped
      ? [{ text: headline.dropped, reason: 'title' as const }, ...extracted.removed]
      : extracted.removed,
  };
  // HTML that yields no text at all is not a page we can read; anything else is simply empty.
  if (doc.blocks.length === 0)
    return {
      refused: doc.removed.length === 0 && format === 'html' ? 'teach:errors.unreadable' : 'teach:errors.empty',
    };
  const extractedLength = doc.blocks.reduce((sum, block) => sum + block.text.length, 0);
  if (extractedLength > TEXT_MAX) return { refused: 'teach:errors.tooLong' };
  const { sections } = segmentDocument(doc);
  if (sections.length === 0) return { refused: 'teach:errors.empty' };
  return {
    title: doc.title,
    firstLine: titleFrom(sections),
    removed: doc.removed,
    sections,
    wordCount: wordCountOf(sections),
    contentHash: createHash('sha256').update(text).digest('hex'),
  };
}

/** A Word file (base64, as the form sends it) as a draft's outline: converted to HTML, then as outlineDraft. */
export async function outlineDocx({ data, title }: { data: string; title?: string }): Promise<DraftOutline> {
  const html = await docxToHtml(Buffer.from(data, 'base64'));
  if (html === null) return { refused: 'teach:errors.brokenDocx' };
  return outlineDraft({ format: 'docx', text: html, ...(title ? { title } : {}) });
}
