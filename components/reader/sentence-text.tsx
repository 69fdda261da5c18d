import { Fragment, type ReactNode } from 'react';
import type { StoredToken } from '@/lib/annotation/tokens';
import type { Segment } from '@/lib/articles/segments';
import type { VocabularyStatus } from '@/lib/vocabulary/status';

/** A signed-in learner's view: the text's words with their lemmas, and the learner's status of each lemma. */
export type WordColouring = { tokens: readonly StoredToken[]; statuses: Readonly<Record<string, VocabularyStatus>> };

// The characters glued to a term without a space: an opening „ or ( before it, the rest of a compound, a
// closing “ or a comma after it. A button is laid out as one box, and a line may break on either side
// of it; these stay on the term's line (a nowrap span), so no „ is left alone at a line end.
const GLUED_BEFORE = /\S+$/u;
const GLUED_AFTER = /^\S+/u;

/**
 * German text from its stored annotation: every glossary occurrence is a button for its card; the rest
 * is text. With a colouring, each word is also marked with the learner's status (or as unknown); the
 * text itself is unchanged, so offsets into it stay valid. `termsTabbable: false` takes the term
 * buttons out of the tab order (the reader's roving focus puts only the current sentence's in it).
 */
export function SentenceText({
  segments,
  colouring,
  termsTabbable = true,
}: {
  segments: Segment[];
  colouring?: WordColouring;
  termsTabbable?: boolean;
}) {
  const starts: number[] = [];
  let at = 0;
  for (const segment of segments) {
    starts.push(at);
    at += segment.text.length;
  }
  // Of each text segment: how many leading characters join the term before it, how many trailing the term after it.
  const glued = segments.map(() => ({ head: 0, tail: 0 }));
  segments.forEach((segment, index) => {
    if (segment.type !== 'term') return;
    const before = segments[index - 1];
    const after = segments[index + 1];
    if (before?.type === 'text') {
      const tail = GLUED_BEFORE.exec(before.text)?.[0].length ?? 0;
      glued[index - 1]!.tail = Math.min(tail, before.text.length - glued[index - 1]!.head);
    }
    if (after?.type === 'text') glued[index + 1]!.head = GLUED_AFTER.exec(after.text)?.[0].length ?? 0;
  });
  const text = (index: number, from: number, to: number): ReactNode => {
    const slice = segments[index]!.text.slice(from, to);
    return colouring ? colouredWords(slice, starts[index]! + from, colouring) : slice;
  };

  return segments.map((segment, index) => {
    const length = segment.text.length;
    if (segment.type === 'text') {
      const { head, tail } = glued[index]!;
      return <Fragment key={index}>{text(index, head, length - tail)}</Fragment>;
    }
    const button = (
      // Outside any form, so no type; the reader island says it opens a card (body-dom.ts announceCards).
      <button
        className={segment.partial ? 'term term--partial' : 'term'}
        data-term={segment.term}
        tabIndex={termsTabbable ? undefined : -1}
      >
        {text(index, 0, length)}
      </button>
    );
    const before = segments[index - 1];
    const lead =
      before && glued[index - 1]!.tail
        ? text(index - 1, before.text.length - glued[index - 1]!.tail, before.text.length)
        : null;
    const trail = segments[index + 1] && glued[index + 1]!.head ? text(index + 1, 0, glued[index + 1]!.head) : null;
    return lead !== null || trail !== null ? (
      <span key={index} className="nobr">
        {lead}
        {button}
        {trail}
      </span>
    ) : (
      <Fragment key={index}>{button}</Fragment>
    );
  });
}

/** `text` (starting at offset `from` of the sentence) with each word wrapped in a status-marked span. */
function colouredWords(text: string, from: number, { tokens, statuses }: WordColouring): ReactNode[] {
  const to = from + text.length;
  const nodes: ReactNode[] = [];
  let at = from;
  for (const [start, end, lemma] of tokens) {
    if (end <= at || start >= to) continue;
    const wordStart = Math.max(start, at);
    const wordEnd = Math.min(end, to);
    if (wordStart > at) nodes.push(text.slice(at - from, wordStart - from));
    nodes.push(
      <span key={wordStart} className="w" data-status={Object.hasOwn(statuses, lemma) ? statuses[lemma] : 'unknown'}>
        {text.slice(wordStart - from, wordEnd - from)}
      </span>,
    );
    at = wordEnd;
  }
  if (at < to) nodes.push(text.slice(at - from));
  return nodes;
}
