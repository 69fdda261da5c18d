import { normalizeWhitespace } from './plain-text';
import type { ExtractedBlock } from './types';

// A pasted article usually starts with its headline. The headline becomes the article's title and is
// taken out of the body, so that the reader does not show it twice (as title and as first paragraph).
// Pure: the importer's worker (tasks.server.ts) and its tests call it.

/** Characters a headline may have; longer first lines are body text. */
const HEADLINE_MAX = 300;

/** For comparing: one space, no case, no closing punctuation or quotes. */
const comparable = (text: string) =>
  normalizeWhitespace(text)
    .replace(/[\s.:!?…"'„“”«»‹›‚‘’]+$/u, '')
    .toLocaleLowerCase('de');

/** One line short enough for a title that does not end as a sentence does (. ! ? … : ; ,). */
export function looksLikeHeadline(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && text.length <= HEADLINE_MAX && !/[.!?…:;,]["'“”»«’)\]]*$/u.test(text);
}

/** The first line of a plain-text or Markdown source that is not blank. */
export function firstLineOf(text: string): string {
  return (
    text
      .replace(/\r\n?/gu, '\n')
      .split('\n')
      .find((line) => line.trim() !== '') ?? ''
  );
}

export type Headline = {
  /** The article's title: the given one, else the headline found; null when there is neither. */
  title: string | null;
  /** The body without its headline. */
  blocks: ExtractedBlock[];
  /** The text taken out of the body, if any. */
  dropped: string | null;
};

/** `blocks` without the head `text` of its first block (the whole block when that is all of it). */
function withoutHead(blocks: ExtractedBlock[], text: string): ExtractedBlock[] | null {
  const [first, ...rest] = blocks;
  if (!first) return null;
  if (comparable(first.text) === comparable(text)) return rest;
  // A headline followed by a single line break is joined with the first paragraph: cut it off there.
  const head = normalizeWhitespace(text);
  if (first.kind === 'paragraph' && first.text.startsWith(`${head} `)) {
    return [{ kind: 'paragraph', text: first.text.slice(head.length).trim() }, ...rest];
  }
  return null;
}

/**
 * Takes the headline out of the body. With a `title` (the teacher's, or the page's own), a first block
 * (or first line) repeating it is dropped. Without one, a first heading, or a `firstLine` that looks
 * like a headline, becomes the title and leaves the body. A body is never emptied: a source that is only
 * its headline keeps it as text.
 */
export function takeHeadline(blocks: ExtractedBlock[], title: string | null, firstLine?: string): Headline {
  const given = title?.trim() || null;
  const candidates: string[] = [];
  if (given) candidates.push(given);
  else {
    if (blocks[0]?.kind === 'heading') candidates.push(blocks[0].text);
    if (firstLine !== undefined && looksLikeHeadline(firstLine)) candidates.push(firstLine.trim());
  }
  for (const candidate of candidates) {
    const rest = withoutHead(blocks, candidate);
    if (rest && rest.some((block) => block.kind === 'paragraph'))
      return { title: given ?? normalizeWhitespace(candidate), blocks: rest, dropped: normalizeWhitespace(candidate) };
  }
  return { title: given, blocks, dropped: null };
}
