import type { Segment } from '@/lib/articles/segments';

/**
 * German text from its stored annotation: every word carries its lemma for the word popover, every
 * glossary occurrence is a button for the term popover. All text renders as text.
 */
export function SentenceText({ segments }: { segments: Segment[] }) {
  return segments.map((segment, index) => {
    if (segment.type === 'text') return segment.text;
    if (segment.type === 'word') {
      return (
        <span key={index} className="w" data-lemma={segment.lemma} data-pos={segment.pos}>
          {segment.text}
        </span>
      );
    }
    return (
      <button key={index} type="button" className={segment.partial ? 'term term--partial' : 'term'} data-term={segment.term} data-partial={segment.partial || undefined} aria-haspopup="dialog">
        {segment.text}
      </button>
    );
  });
}
