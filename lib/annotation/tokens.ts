import type { AnnotatedToken, NounGender, PartOfSpeech } from '@/lib/text';

/** A stored token: [start, end, lemma, pos, gender?], offsets into the sentence group's German text. */
export type StoredToken = readonly [start: number, end: number, lemma: string, pos: PartOfSpeech, gender?: NounGender];

export function encodeTokens(tokens: readonly AnnotatedToken[]): string {
  const stored: StoredToken[] = tokens
    .filter((t) => t.kind === 'word')
    .map((t) => (t.gender ? [t.start, t.end, t.lemma, t.pos, t.gender] : [t.start, t.end, t.lemma, t.pos]));
  return JSON.stringify(stored);
}

export function decodeTokens(json: string): StoredToken[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) throw new Error('stored tokens: not an array');
  return value as StoredToken[];
}
