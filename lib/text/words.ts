// A word: letters (with inner hyphens, apostrophes or dots as in "US-Dollar", "King's", "z.B."), or a
// number with its separators ("2.000", "11:30", "F-16"). Punctuation and dashes are not words.
const WORD = /[\p{L}\p{N}]+(?:['’.:,\-][\p{L}\p{N}]+)*/gu;

export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count++;
  return count;
}
