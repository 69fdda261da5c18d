import type { Segment } from '@/lib/articles/segments';

/** German text from its stored annotation: every glossary occurrence is a button for its card; the rest is text. */
export function SentenceText({ segments }: { segments: Segment[] }) {
  return segments.map((segment, index) =>
    segment.type === 'text' ? (
      segment.text
    ) : (
      <button key={index} type="button" className={segment.partial ? 'term term--partial' : 'term'} data-term={segment.term} data-partial={segment.partial || undefined} aria-haspopup="dialog">
        {segment.text}
      </button>
    ),
  );
}
