// Where a saved word stands in the sentence it was met in, for showing it there in bold (as text,
// never as HTML: components/vocabulary/word-row.tsx cuts the sentence at this span).

const LETTER = /[\p{L}\p{N}]/u;

/** The first occurrence of `word` in `sentence` as a whole word (letters or digits on neither side), or null. */
function wholeWord(sentence: string, word: string, fold: (text: string) => string) {
  const haystack = fold(sentence);
  const needle = fold(word);
  if (!needle || haystack.length !== sentence.length) return null;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (!LETTER.test(sentence[at - 1] ?? '') && !LETTER.test(sentence[end] ?? '')) return { start: at, end };
  }
  return null;
}

const same = (text: string) => text;
const lower = (text: string) => text.toLocaleLowerCase('de');

/**
 * The span of the saved word in its sentence: the form it was met in (`surface`, as it was clicked),
 * else the lemma, each first as written, then ignoring case ("Die" at a sentence's start); null when
 * neither is there as a whole word (an imported sentence, or a separable verb "hört … auf").
 */
export function wordSpan(
  sentence: string,
  surface: string | null,
  lemma: string,
): { start: number; end: number } | null {
  for (const word of [surface, lemma]) {
    if (!word) continue;
    const span = wholeWord(sentence, word, same) ?? wholeWord(sentence, word, lower);
    if (span) return span;
  }
  return null;
}
