import { type GermanEngine, tokenize } from '@/lib/text';

// How a glossary search reads what was typed: in capitals (the newsletter's headings are all caps:
// "STELLVERTRETERKRIEG", "ROTE LINIE") or with ae, oe, ue, ss for ä, ö, ü, ß ("Aussenminister",
// "Oel ins Feuer", "Fruehjahrsoffensive"). Pure: the language engine decides which spelling of a word
// is German, so the search finds the same entries as for the proper spelling.

/** Case-, ß/ss- and umlaut/ae-insensitive comparison form: "AUSSENMINISTER" and "Außenminister" → "aussenminister". */
export function searchFold(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('de')
    .replace(/ß/g, 'ss')
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue');
}

const UMLAUTS: Readonly<Record<string, string>> = {
  ae: 'ä',
  oe: 'ö',
  ue: 'ü',
  ss: 'ß',
  Ae: 'Ä',
  Oe: 'Ö',
  Ue: 'Ü',
};
/** At most this many ae/oe/ue/ss in one word are tried both ways (2^4 spellings). */
const MAX_PAIRS = 4;
/** At most this many spellings of a whole query are annotated. */
const MAX_SPELLINGS = 16;

/** Every spelling of a word with some of its ae/oe/ue/ss as ä/ö/ü/ß; "eue" and "aue" (Feuer, blaue) stay. */
function transliterations(word: string): string[] {
  const at: number[] = [];
  for (let i = 0; i < word.length - 1 && at.length < MAX_PAIRS; i++) {
    const pair = word.slice(i, i + 2);
    if (!UMLAUTS[pair]) continue;
    if (pair === 'ue' && /[aeq]/i.test(word[i - 1] ?? '')) continue;
    at.push(i);
    i++; // pairs do not overlap: "sss"
  }
  let spellings = [''];
  let from = 0;
  for (const i of at) {
    const between = word.slice(from, i);
    const pair = word.slice(i, i + 2);
    spellings = spellings.flatMap((s) => [s + between + pair, s + between + UMLAUTS[pair]!]);
    from = i + 2;
  }
  return spellings.map((s) => s + word.slice(from));
}

const upperFirst = (word: string) => word.charAt(0).toLocaleUpperCase('de') + word.slice(1);

/**
 * How well the lemma table knows a spelling: 3 as a form of the table, 2 as a compound of known
 * parts ("Frühjahrsoffensive", not "Fruehjahrsoffensive"), 1 as any other compound or comparative,
 * 0 not at all. Recasing a word in capitals, a capitalised spelling counts only as a noun ("Ins" is no
 * reading of "ins") and a lower-case one only as another word ("linie" is no reading of "Linie").
 */
function known(engine: GermanEngine, word: string, reading: 'noun' | 'other' | 'any'): number {
  const readings = engine
    .lemmatize(word)
    .filter((c) => reading === 'any' || (c.pos === 'NOUN') === (reading === 'noun'));
  if (readings.some((c) => c.source === 'lexicon')) return 3;
  if (!readings.some((c) => c.source === 'compound' || c.source === 'degree')) return 0;
  const parts = engine.splitCompound(word);
  const allKnown = parts?.every((p) => engine.lemmatize(p.lemma).some((c) => c.source === 'lexicon'));
  return allKnown ? 2 : 1;
}

/** The spellings of one word the table knows best (the word itself when it knows none). */
function bestSpellings(engine: GermanEngine, word: string, allCaps: boolean): string[] {
  const lower = word.toLocaleLowerCase('de');
  const cased = allCaps && word.length > 1 ? [upperFirst(lower), lower] : [word];
  let best = 0;
  let spellings: string[] = [];
  for (const casing of cased) {
    for (const spelling of transliterations(casing)) {
      const score = known(engine, spelling, cased.length === 1 ? 'any' : casing === lower ? 'other' : 'noun');
      if (score > best) [best, spellings] = [score, [spelling]];
      else if (score === best && score > 0) spellings.push(spelling);
    }
  }
  return best > 0 ? spellings : cased;
}

/**
 * The query as typed and the spellings of it the lemma table knows better: each word in capitals
 * recased (a noun capitalised, any other word lower case) and each ae/oe/ue/ss read as ä/ö/ü/ß where
 * that makes a known word. Words keep their places, so the i-th word of each spelling is the same word.
 */
export function querySpellings(engine: GermanEngine, text: string): string[] {
  const allCaps = /\p{Lu}.*\p{Lu}/su.test(text) && !/\p{Ll}/u.test(text);
  const words = tokenize(text).filter((t) => t.kind === 'word');
  let spellings = [''];
  let from = 0;
  for (const word of words) {
    const between = text.slice(from, word.start);
    const options = bestSpellings(engine, word.surface, allCaps);
    spellings = spellings.flatMap((s) => options.map((o) => s + between + o)).slice(0, MAX_SPELLINGS);
    from = word.end;
  }
  return [...new Set([text, ...spellings.map((s) => s + text.slice(from))])];
}
