import { splitAtMarks } from '@/lib/glossary/concordance';

/** A sentence with the term's occurrences marked. The text stays text: it is cut, never parsed as HTML. */
export function MarkedText({ text, marks }: { text: string; marks: readonly { start: number; end: number }[] }) {
  return splitAtMarks(text, marks).map((piece, index) =>
    piece.marked ? <mark key={index}>{piece.text}</mark> : piece.text,
  );
}
