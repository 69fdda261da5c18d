import { splitSentences } from '@/lib/text';
import type { ExtractedDocument } from './types';

// Paragraphs into sentences with the German engine; each sentence starts as its own aligned group.

export type SegmentedSection = { headingDe: string | null; paragraphs: string[][] };
export type SegmentedDocument = { sections: SegmentedSection[] };

/**
 * A paragraph's sentences. Cut at the start of each sentence the splitter finds, so that every
 * character of the paragraph stays in exactly one sentence, in order.
 */
export function sentencesOf(paragraph: string): string[] {
  const spans = splitSentences(paragraph);
  if (spans.length <= 1) return paragraph.trim() ? [paragraph.trim()] : [];
  const cuts = spans.map((span, index) => (index === 0 ? 0 : span.start));
  return cuts.map((start, index) => paragraph.slice(start, cuts[index + 1] ?? paragraph.length).trim()).filter(Boolean);
}

/** Headings start sections; text before the first heading forms a section without one. */
export function segmentDocument(doc: Pick<ExtractedDocument, 'blocks'>): SegmentedDocument {
  const sections: SegmentedSection[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'heading') {
      sections.push({ headingDe: block.text, paragraphs: [] });
      continue;
    }
    const sentences = sentencesOf(block.text);
    if (sentences.length === 0) continue;
    let section = sections.at(-1);
    if (!section) {
      section = { headingDe: null, paragraphs: [] };
      sections.push(section);
    }
    section.paragraphs.push(sentences);
  }
  // A heading with nothing under it (a trailing one, or two in a row) cannot stand beside a
  // translation on its own: it becomes the last paragraph of the section before, so no text is lost.
  const result: SegmentedSection[] = [];
  for (const section of sections) {
    if (section.paragraphs.length > 0) {
      result.push(section);
      continue;
    }
    const previous = result.at(-1);
    if (previous) previous.paragraphs.push([section.headingDe ?? '']);
    else result.push({ headingDe: null, paragraphs: [[section.headingDe ?? '']] });
  }
  return { sections: result };
}
