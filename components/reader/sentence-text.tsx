import { Fragment, type ReactNode } from 'react';
import type { StoredToken } from '@/lib/annotation/tokens';
import type { Segment } from '@/lib/articles/segments';
import type { VocabularyStatus } from '@/lib/vocabulary/status';

/** A signed-in learner's view: the text's words with their lemmas, and the learner's status of each lemma. */
export type WordColouring = { tokens: readonly StoredToken[]; statuses: Readonly<Record<string, VocabularyStatus>> };

/**
 * German text from its stored annotation: every glossary occurrence is a button for its card; the rest
 * is text. With a colouring, each word is also marked with the learner's status (or as unknown); the
 * text itself is unchanged, so offsets into it stay valid.
 */
export function SentenceText({
  segments,
  colouring,
  focus,
}: {
  segments: Segment[];
  colouring?: WordColouring;
  /** Reading for an assignment: its focus terms (lemmas), marked apart from the other terms. */
  focus?: ReadonlySet<string>;
}) {
  let at = 0;
  return segments.map((segment, index) => {
    const from = at;
    at += segment.text.length;
    const content = colouring ? colouredWords(segment.text, from, colouring) : segment.text;
    return segment.type === 'text' ? (
      <Fragment key={index}>{content}</Fragment>
    ) : (
      <button
        key={index}
        type="button"
        className={`${segment.partial ? 'term term--partial' : 'term'}${focus?.has(segment.term) ? ' term--focus' : ''}`}
        data-term={segment.term}
        data-partial={segment.partial || undefined}
        data-focus={focus?.has(segment.term) || undefined}
        aria-haspopup="dialog"
      >
        {content}
      </button>
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
