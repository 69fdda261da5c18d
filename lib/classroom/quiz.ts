import { germanArticle } from '@/lib/glossary/grammar';
import { ANSWERS_MAX } from './schema';
import type { QuizItemKind, QuizItemView, QuizVerdict } from './types';

// The quiz of an assignment, from its focus terms, and its scoring. Pure and deterministic: the same
// terms and occurrences give the same items with the same ids; scoring takes the lemmatizer as data.

/** What a blank looks like in a cloze prompt (as in the review cards); the UI may style it. */
export const CLOZE_BLANK = '_____';

/** A place a term occurs in the article: a sentence group, with the occurrence's offsets into its German. */
export type QuizOccurrence = {
  textDe: string;
  textEn: string;
  start: number;
  end: number;
  surface: string;
  /** word | phrase | separable | compound-part */
  kind: string;
  paragraph: number;
  sentence: number;
};

export type QuizTerm = {
  id: string;
  lemma: string;
  /** noun | verb | adjective | phrase | idiom */
  kind: string;
  gender: 'm' | 'f' | 'n' | null;
  englishPreferred: string;
  occurrences: readonly QuizOccurrence[];
};

export type QuizItem = {
  id: string;
  termId: string;
  kind: QuizItemKind;
  prompt: string;
  hint: string | null;
  /** The answer as shown after scoring: the surface form (cloze), article + lemma (en-de nouns), or the lemma. */
  expected: string;
  /** The term's lemma: a given word of the same lemma is a near miss. */
  lemma: string;
  /** en-de nouns: the article the answer needs. */
  article: string | null;
};

/** Looks a word up in the lemma table: lib/text's lemmatizer (createGermanEngine(...).lemmatize). */
export type Lemmatize = (word: string) => readonly { lemma: string }[];

// A whole word is the best blank; a phrase or a part of a compound only when the term has no other.
const KIND_RANK: Readonly<Record<string, number>> = { word: 0, separable: 1, phrase: 2, 'compound-part': 3 };
const collator = new Intl.Collator('de', { sensitivity: 'variant' });

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The occurrence a cloze is made from: the best kind, then the first in the article. */
export function clozeSource(occurrences: readonly QuizOccurrence[]): QuizOccurrence | null {
  const usable = occurrences.filter((o) => o.textDe.slice(o.start, o.end) === o.surface && o.surface.trim() !== '');
  const sorted = [...usable].sort(
    (a, b) =>
      (KIND_RANK[a.kind] ?? 9) - (KIND_RANK[b.kind] ?? 9) ||
      a.paragraph - b.paragraph ||
      a.sentence - b.sentence ||
      a.start - b.start,
  );
  return sorted[0] ?? null;
}

/**
 * The sentence group with the occurrence blanked, and every other whole-word use of the same form
 * too (one left standing would give the answer away).
 */
export function blankOccurrence(o: QuizOccurrence): string {
  const text = `${o.textDe.slice(0, o.start)}\u0000${o.textDe.slice(o.end)}`;
  const others = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(o.surface)}(?![\\p{L}\\p{N}])`, 'gu');
  return text.replace(others, CLOZE_BLANK).replace('\u0000', CLOZE_BLANK);
}

/** The article an en-de answer needs: der/die/das by gender; die for plural-only nouns (die Streitkräfte). */
export function answerArticle(term: Pick<QuizTerm, 'kind' | 'gender'>): string | null {
  if (term.kind !== 'noun') return null;
  return germanArticle(term.gender) ?? 'die';
}

/**
 * Per focus term (by lemma), a cloze from the first best occurrence in the article (hint: the aligned
 * English) and an English→German item (when the term has an English translation). At most
 * ANSWERS_MAX items, so that every item can be answered in one submission.
 */
export function buildQuiz(terms: readonly QuizTerm[]): QuizItem[] {
  const items: QuizItem[] = [];
  const sorted = [...terms].sort(
    (a, b) => collator.compare(a.lemma, b.lemma) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const term of sorted) {
    const source = clozeSource(term.occurrences);
    if (source) {
      items.push({
        id: `${term.id}:cloze`,
        termId: term.id,
        kind: 'cloze',
        prompt: blankOccurrence(source),
        hint: source.textEn.trim() || null,
        expected: source.surface,
        lemma: term.lemma,
        article: null,
      });
    }
    const english = term.englishPreferred.trim();
    if (english) {
      const article = answerArticle(term);
      items.push({
        id: `${term.id}:en-de`,
        termId: term.id,
        kind: 'en-de',
        prompt: english,
        hint: null,
        expected: article ? `${article} ${term.lemma}` : term.lemma,
        lemma: term.lemma,
        article,
      });
    }
  }
  return items.slice(0, ANSWERS_MAX);
}

/** What a student sees: never the answer. */
export function toItemView(item: QuizItem): QuizItemView {
  return { id: item.id, kind: item.kind, prompt: item.prompt, hint: item.hint };
}

/**
 * An answer as compared: Unicode-composed, typographic quotes made straight, surrounding quotes and
 * final punctuation dropped, whitespace collapsed, lower case.
 */
export function normalizeAnswer(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[„“”‟«»″]/g, '"')
    .replace(/[‚‘’‛‹›`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'\s]+|["'\s.,;:!?]+$/g, '')
    .toLocaleLowerCase('de');
}

const ARTICLES = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines']);

/** A leading article split off: "die werkzeugmaschine" → ['die', 'werkzeugmaschine']. */
function splitArticle(text: string): [string | null, string] {
  const space = text.indexOf(' ');
  if (space > 0 && ARTICLES.has(text.slice(0, space))) return [text.slice(0, space), text.slice(space + 1)];
  return [null, text];
}

const capitalize = (word: string) => word.charAt(0).toLocaleUpperCase('de') + word.slice(1);

function lemmasOf(word: string, lemmatize: Lemmatize | undefined): Set<string> {
  const out = new Set<string>();
  if (!lemmatize || !word) return out;
  for (const form of new Set([word, capitalize(word)]))
    for (const c of lemmatize(form)) out.add(c.lemma.toLocaleLowerCase('de'));
  return out;
}

/** The longest shared beginning of two words. */
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Inflectional endings (nouns, adjectives, verbs): a stem with one of these instead of another is the
 * same word ("Werkzeugmaschine" for "Werkzeugmaschinen", "tödliche" for "tödlichen"); a longer or other
 * tail is another word ("Außenminister" is not "Außenministerium").
 */
const ENDINGS = new Set([
  '',
  'e',
  'n',
  'en',
  'er',
  'es',
  'em',
  'ern',
  's',
  'ns',
  'ens',
  'nen',
  'st',
  'est',
  't',
  'et',
  'te',
  'ten',
  'tet',
  'test',
]);
const STEM_MIN = 4;

/** Same word, other ending: the same lemma in the lemma table, or the same stem with another inflectional ending. */
function sameWordOtherEnding(
  given: string,
  expected: string,
  lemma: string,
  lemmatize: Lemmatize | undefined,
): boolean {
  const p = commonPrefix(given, expected);
  if (p >= STEM_MIN && ENDINGS.has(given.slice(p)) && ENDINGS.has(expected.slice(p))) return true;
  const target = lemmasOf(expected, lemmatize);
  target.add(lemma.toLocaleLowerCase('de'));
  for (const l of lemmasOf(given, lemmatize)) if (target.has(l)) return true;
  return false;
}

/** Several words (a phrase): each the same word, some with another ending. */
function nearEnding(given: string, expected: string, lemma: string, lemmatize: Lemmatize | undefined): boolean {
  if (!given) return false;
  const g = given.split(' ');
  const e = expected.split(' ');
  if (g.length !== e.length) return false;
  if (g.length === 1) return sameWordOtherEnding(given, expected, lemma, lemmatize);
  const lemmaWords = lemma.toLocaleLowerCase('de').split(' ');
  return g.every((word, i) => word === e[i] || sameWordOtherEnding(word, e[i]!, lemmaWords[i] ?? e[i]!, lemmatize));
}

/**
 * The verdict on one answer. correct: the expected form (case, spacing and quotes aside); a cloze
 * wants the inflected form of the sentence, an en-de noun its article. near-ending: the same word with
 * another ending (by the lemma table, or a stem with another inflectional ending). near-article: the right
 * noun with a missing or wrong article, or the right word with an article where none belongs (a cloze
 * whose sentence already has it, a verb). Else wrong.
 */
export function scoreAnswer(
  item: Pick<QuizItem, 'kind' | 'expected' | 'lemma' | 'article'>,
  given: string,
  lemmatize?: Lemmatize,
): QuizVerdict {
  const answer = normalizeAnswer(given);
  const expected = normalizeAnswer(item.expected);
  if (!answer) return 'wrong';
  if (answer === expected) return 'correct';
  const [givenArticle, givenWord] = splitArticle(answer);
  if (item.kind === 'cloze' || !item.article) {
    if (givenArticle && givenWord === expected) return 'near-article';
    return nearEnding(answer, expected, item.lemma, lemmatize) ? 'near-ending' : 'wrong';
  }
  const noun = normalizeAnswer(item.lemma);
  if (givenWord === noun) return 'near-article'; // the article is missing or wrong (right article and noun is correct)
  return nearEnding(givenWord, noun, item.lemma, lemmatize) ? 'near-ending' : 'wrong';
}

/** The i18n key of each verdict (namespace `classroom`). */
export const VERDICT_MESSAGE_KEYS = {
  correct: 'classroom:verdict.correct',
  'near-ending': 'classroom:verdict.nearEnding',
  'near-article': 'classroom:verdict.nearArticle',
  wrong: 'classroom:verdict.wrong',
} as const satisfies Record<QuizVerdict, string>;
