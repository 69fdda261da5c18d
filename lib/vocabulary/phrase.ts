import type { StoredToken } from '@/lib/annotation/tokens';

// A phrase the learner selected in a sentence ("öffentlichen Druck"): the words it covers and the
// form it is saved under. Pure: the stored tokens of the sentence come in.

/** A phrase has 2 to PHRASE_WORDS_MAX words. */
export const PHRASE_WORDS_MAX = 8;

export type Phrase = {
  /** The words' base forms: "öffentlicher Druck" (adjectives before a noun agree with it), else the lemmas in order. */
  lemma: string;
  /** The text as met, from its first word's start to its last word's end. */
  surface: string;
  start: number;
  end: number;
};

// The strong ending an adjective takes before a noun of this gender without article: the form
// glossaries cite ("rote Linie", "ballistische Rakete", "öffentlicher Druck").
const STRONG_ENDING = { m: 'er', f: 'e', n: 'es' } as const;

/**
 * The phrase made by the words that overlap [start, end) of the text, or null unless they are 2 to
 * PHRASE_WORDS_MAX words. Adjectives followed only by adjectives up to a final noun of known gender
 * are cited in agreement with it; any other phrase is its lemmas in order.
 */
export function phraseAt(tokens: readonly StoredToken[], text: string, start: number, end: number): Phrase | null {
  const words = tokens.filter(([s, e]) => s < end && e > start);
  if (words.length < 2 || words.length > PHRASE_WORDS_MAX) return null;
  const first = words[0]!;
  const last = words.at(-1)!;
  const noun = last[3] === 'NOUN' ? last[4] : undefined;
  const agrees = noun !== undefined && words.slice(0, -1).every((w) => w[3] === 'ADJ');
  const lemmas = words.map(([, , lemma, pos]) => {
    if (!agrees || pos !== 'ADJ') return lemma;
    const ending = STRONG_ENDING[noun];
    return lemma.endsWith('e') ? lemma + ending.slice(1) : lemma + ending;
  });
  return { lemma: lemmas.join(' '), surface: text.slice(first[0], last[1]), start: first[0], end: last[1] };
}
