/** A stored glossary occurrence: offsets into the German text. */
export type StoredOccurrence = { start: number; end: number; term: string; kind: string };

/** What the reader renders: plain text, or a glossary term occurrence (a button). */
export type Segment = { type: 'text'; text: string } | { type: 'term'; text: string; term: string; partial: boolean };

/**
 * Cuts a German text into plain text and term occurrences from its stored annotation. An occurrence
 * overlapping an earlier one is dropped. (Words get their lemmas on demand: see getArticleWords.)
 */
export function toSegments(text: string, occurrences: readonly StoredOccurrence[]): Segment[] {
  const sorted = [...occurrences].sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  let at = 0;
  for (const term of sorted) {
    if (term.start < at) continue; // overlaps an occurrence already shown
    if (term.start > at) segments.push({ type: 'text', text: text.slice(at, term.start) });
    segments.push({
      type: 'term',
      text: text.slice(term.start, term.end),
      term: term.term,
      partial: term.kind === 'compound-part',
    });
    at = term.end;
  }
  if (at < text.length) segments.push({ type: 'text', text: text.slice(at) });
  return segments;
}
