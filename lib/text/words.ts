import { tokenize } from './de/tokenizer';

/** The number of words in a text: its word and number tokens ("US-Dollar", "2.000", "11:30" count once each). */
export function countWords(text: string): number {
  let count = 0;
  for (const token of tokenize(text)) if (token.kind !== 'punct') count++;
  return count;
}
