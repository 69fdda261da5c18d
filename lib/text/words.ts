import { tokenize } from './de/tokenizer';

/** The number of words in a text: its word and number tokens ("US-Dollar", "2.000", "11:30" count once each). */
export function countWords(text: string): number {
  let count = 0;
  for (const token of tokenize(text)) if (token.kind !== 'punct') count++;
  return count;
}

/**
 * A lemma that names a word: one with a letter. Stored tokens are words only (numbers and punctuation
 * are dropped at annotation); a lemma without a letter is skipped all the same wherever running words
 * are counted (coverage, the library's per-article word counts), so no stray token inflates a count.
 */
export const WORD_LEMMA = /\p{L}/u;
