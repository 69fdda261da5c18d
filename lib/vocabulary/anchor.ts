// The inverse of lib/paths.ts sentenceAnchor/sectionAnchor: "p3-s2" is paragraph 3, sentence 2 (from
// one), "section-4" the fourth section's heading. Positions returned are the stored 0-based ones.

export type AnchorPlace =
  { kind: 'sentence'; paragraph: number; sentence: number } | { kind: 'heading'; section: number };

const SENTENCE = /^p([1-9]\d{0,5})-s([1-9]\d{0,5})$/;
const HEADING = /^section-([1-9]\d{0,5})$/;

export function parseAnchor(anchor: string): AnchorPlace | null {
  const sentence = SENTENCE.exec(anchor);
  if (sentence) return { kind: 'sentence', paragraph: Number(sentence[1]) - 1, sentence: Number(sentence[2]) - 1 };
  const heading = HEADING.exec(anchor);
  if (heading) return { kind: 'heading', section: Number(heading[1]) - 1 };
  return null;
}
