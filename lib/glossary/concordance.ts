import type { ConcordanceGroup, ConcordanceLine, ConcordancePlace } from './types';

/**
 * The place an anchor names: "p3-s2" → paragraph 3, sentence 2; "section-4" → the heading of section 4.
 * The inverse of paths.sentenceAnchor and paths.sectionAnchor (a test keeps them in step).
 */
export function placeOf(anchor: string): ConcordancePlace | null {
  const sentence = /^p(\d+)-s(\d+)$/.exec(anchor);
  if (sentence) return { kind: 'sentence', paragraph: Number(sentence[1]), sentence: Number(sentence[2]) };
  const section = /^section-(\d+)$/.exec(anchor);
  return section ? { kind: 'heading', section: Number(section[1]) } : null;
}

/**
 * Concordance lines (in reading order, one per occurrence) grouped by article in order of first
 * appearance; occurrences in the same sentence become one sentence with several marks.
 */
export function groupByArticle(lines: readonly ConcordanceLine[]): ConcordanceGroup[] {
  const groups = new Map<string, ConcordanceGroup>();
  for (const line of lines) {
    let group = groups.get(line.articleSlug);
    if (!group)
      groups.set(
        line.articleSlug,
        (group = { articleSlug: line.articleSlug, articleTitle: line.articleTitle, occurrences: 0, sentences: [] }),
      );
    group.occurrences++;
    let sentence = group.sentences.find((s) => s.anchor === line.anchor);
    if (!sentence) {
      sentence = {
        anchor: line.anchor,
        place: placeOf(line.anchor),
        textDe: line.textDe,
        textEn: line.textEn,
        marks: [],
      };
      group.sentences.push(sentence);
    }
    sentence.marks.push({ start: line.start, end: line.end });
  }
  for (const group of groups.values()) {
    for (const sentence of group.sentences) sentence.marks = mergeMarks(sentence.marks);
  }
  return [...groups.values()];
}

/** Sorted, with overlapping or touching ranges joined. */
function mergeMarks(marks: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...marks].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const mark of sorted) {
    const last = merged.at(-1);
    if (last && mark.start <= last.end) last.end = Math.max(last.end, mark.end);
    else merged.push({ ...mark });
  }
  return merged;
}

/** A text cut into plain and marked pieces; offsets outside the text are clamped. */
export function splitAtMarks(
  text: string,
  marks: readonly { start: number; end: number }[],
): { text: string; marked: boolean }[] {
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const mark of mergeMarks(marks)) {
    const from = Math.max(at, Math.min(mark.start, text.length));
    const to = Math.max(from, Math.min(mark.end, text.length));
    if (from > at) pieces.push({ text: text.slice(at, from), marked: false });
    if (to > from) pieces.push({ text: text.slice(from, to), marked: true });
    at = to;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
