import type { StoredToken } from '@/lib/annotation/tokens';
import type { PartOfSpeech } from '@/lib/text';

export type StoredOccurrence = { start: number; end: number; term: string; kind: string };

/** What the reader renders: plain text, a word with its lemma, or a glossary term occurrence. */
export type Segment =
  | { type: 'text'; text: string }
  | { type: 'word'; text: string; lemma: string; pos: PartOfSpeech }
  | { type: 'term'; text: string; term: string; partial: boolean };

/**
 * Cuts a German text into segments from its stored annotation. Term occurrences win over the words
 * they cover; an occurrence overlapping an earlier one is dropped; a compound-part occurrence leaves
 * the rest of its word as text.
 */
export function toSegments(text: string, tokens: readonly StoredToken[], occurrences: readonly StoredOccurrence[]): Segment[] {
  const terms = [...occurrences].sort((a, b) => a.start - b.start || b.end - a.end).filter((o, i, all) => i === 0 || o.start >= all[i - 1]!.end);
  const segments: Segment[] = [];
  let at = 0;
  const pushText = (end: number) => {
    if (end > at) segments.push({ type: 'text', text: text.slice(at, end) });
    at = Math.max(at, end);
  };
  let t = 0;
  for (const term of [...terms, null]) {
    const limit = term ? term.start : text.length;
    for (; t < tokens.length && tokens[t]![0] < limit; t++) {
      const [start, end, lemma, pos] = tokens[t]!;
      if (start < at) continue; // inside the previous term
      if (end > limit) break; // a word the next term starts inside
      pushText(start);
      segments.push({ type: 'word', text: text.slice(start, end), lemma, pos });
      at = end;
    }
    if (!term) break;
    pushText(term.start);
    segments.push({ type: 'term', text: text.slice(term.start, term.end), term: term.term, partial: term.kind === 'compound-part' });
    at = term.end;
    while (t < tokens.length && tokens[t]![0] < at) t++;
  }
  pushText(text.length);
  return segments;
}
