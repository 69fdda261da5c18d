import { germanArticle } from '@/lib/glossary/grammar';
import { adjectivalNominatives, adjectivalNounStem, ADJECTIVE_ENDINGS, type Lexicon } from '@/lib/text';
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
  /** The glossary's plural and genitive, when given: they tell an adjectival noun (Verbündeter: Verbündete, des Verbündeten). */
  plural?: string | null;
  genitive?: string | null;
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
  /** Other answers that are as right as `expected`: the other forms an article allows (ein Verbündeter, die Verbündeten). */
  accepted: readonly string[];
  /** en-de adjectival nouns: the stem every form shares ("verbündet"), lower case; else null. */
  stem: string | null;
};

/** Looks a word up in the lemma table: lib/text's lemmatizer (createGermanEngine(...).lemmatize). */
export type Lemmatize = (word: string) => readonly { lemma: string }[];

// A whole word is the best blank; a phrase or a part of a compound only when the term has no other.
const KIND_RANK: Readonly<Record<string, number>> = { word: 0, separable: 1, phrase: 2, 'compound-part': 3 };
const collator = new Intl.Collator('de', { sensitivity: 'variant' });

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where a sentence group is in the article: occurrences with one key are in the same group. */
const sentenceKey = (o: Pick<QuizOccurrence, 'paragraph' | 'sentence'>) => `${o.paragraph}:${o.sentence}`;

/** A usable blank: the offsets slice back to the surface, and it is more than white space. */
const usable = (o: QuizOccurrence) => o.textDe.slice(o.start, o.end) === o.surface && o.surface.trim() !== '';

/** The term's occurrences a cloze may be made from, best first: the best kind, then the first in the article. */
function clozeCandidates(occurrences: readonly QuizOccurrence[]): QuizOccurrence[] {
  return occurrences
    .filter(usable)
    .sort(
      (a, b) =>
        (KIND_RANK[a.kind] ?? 9) - (KIND_RANK[b.kind] ?? 9) ||
        a.paragraph - b.paragraph ||
        a.sentence - b.sentence ||
        a.start - b.start,
    );
}

/** The occurrence a cloze is made from: the best kind, then the first in the article. */
export function clozeSource(occurrences: readonly QuizOccurrence[]): QuizOccurrence | null {
  return clozeCandidates(occurrences)[0] ?? null;
}

const wordPattern = (surface: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(surface)}(?![\\p{L}\\p{N}])`, 'gu');

/**
 * The sentence group with the occurrence blanked, and every other use of the term in it too: the
 * same form as a whole word anywhere, and `alsoBlank` (the term's other occurrences in this group,
 * other inflected forms included). One left standing would give the answer away.
 */
export function blankOccurrence(o: QuizOccurrence, alsoBlank: readonly QuizOccurrence[] = []): string {
  const spans = [o, ...alsoBlank.filter((x) => x.textDe === o.textDe && usable(x))]
    .map((x) => [x.start, x.end] as const)
    .sort((a, b) => b[0] - a[0]);
  // From the end, so that earlier offsets stay valid; overlapping spans after the first are skipped.
  let text = o.textDe;
  let limit = Infinity;
  for (const [start, end] of spans) {
    if (end > limit) continue;
    text = `${text.slice(0, start)}\u0000${text.slice(end)}`;
    limit = start;
  }
  return text.replace(wordPattern(o.surface), CLOZE_BLANK).split('\u0000').join(CLOZE_BLANK);
}

/** The letters of a text as words, lower case. */
const wordsOf = (text: string) => text.toLocaleLowerCase('de').match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [];

/** The lemmas of a sentence group's words (lower case), by the lemma table; memoised per quiz. */
type SentenceLemmas = (text: string) => ReadonlySet<string>;

function sentenceLemmas(lemmatize: Lemmatize | undefined): SentenceLemmas {
  const memo = new Map<string, ReadonlySet<string>>();
  return (text) => {
    let found = memo.get(text);
    if (!found) {
      const lemmas = new Set<string>();
      if (lemmatize) for (const word of wordsOf(text)) for (const l of lemmasOf(word, lemmatize)) lemmas.add(l);
      found = lemmas;
      memo.set(text, found);
    }
    return found;
  };
}

/**
 * True when `text` shows the answer to a question about `other`: one of its occurrences is in this
 * sentence group, one of its known forms stands in it as a word, or (with the lemma table) a word of
 * it has the term's lemma ("Verbündeten" for Verbündeter).
 */
function shows(text: string, key: string, other: QuizTerm, lemmas: SentenceLemmas): boolean {
  if (other.occurrences.some((o) => sentenceKey(o) === key && o.textDe === text)) return true;
  const forms = new Set(other.occurrences.filter(usable).map((o) => o.surface.toLocaleLowerCase('de')));
  forms.add(other.lemma.toLocaleLowerCase('de'));
  const lower = text.toLocaleLowerCase('de');
  for (const form of forms) if (wordPattern(form).test(lower)) return true;
  return !other.lemma.includes(' ') && lemmas(text).has(other.lemma.toLocaleLowerCase('de'));
}

/**
 * The occurrence a term's cloze is made from, among those whose sentence group gives away no other
 * question of the quiz (another focus term's answer, in any inflected form); null when every one does
 * (the term then has only its English→German item).
 */
function gapSource(term: QuizTerm, others: readonly QuizTerm[], lemmas: SentenceLemmas): QuizOccurrence | null {
  for (const candidate of clozeCandidates(term.occurrences)) {
    const key = sentenceKey(candidate);
    if (!others.some((other) => shows(candidate.textDe, key, other, lemmas))) return candidate;
  }
  return null;
}

/** The article an en-de answer needs: der/die/das by gender; die for plural-only nouns (die Streitkräfte). */
export function answerArticle(term: Pick<QuizTerm, 'kind' | 'gender'>): string | null {
  if (term.kind !== 'noun') return null;
  return germanArticle(term.gender) ?? 'die';
}

/** What the quiz builder may know of German: the lemma table (adjectival nouns, inflected forms). */
export type QuizLanguage = { lexicon?: Lexicon; lemmatize?: Lemmatize };

/** The English→German item of a term, or null without an English translation. */
function englishItem(term: QuizTerm, lexicon: Lexicon | undefined): QuizItem | null {
  const english = term.englishPreferred.trim();
  if (!english) return null;
  const base = { id: `${term.id}:en-de`, termId: term.id, kind: 'en-de' as const, prompt: english, hint: null };
  const stem = term.kind === 'noun' ? adjectivalNounStem(lexicon, term) : undefined;
  if (stem) {
    // An adjectival noun: every nominative its article allows (der Verbündete, ein Verbündeter, …).
    const [first, ...rest] = adjectivalNominatives(stem, term.gender).map((n) =>
      n.article ? `${n.article} ${n.word}` : n.word,
    );
    return {
      ...base,
      expected: first!,
      accepted: rest,
      lemma: term.lemma,
      article: first!.split(' ')[0]!,
      stem: stem.toLocaleLowerCase('de'),
    };
  }
  const article = answerArticle(term);
  return {
    ...base,
    expected: article ? `${article} ${term.lemma}` : term.lemma,
    accepted: [],
    lemma: term.lemma,
    article,
    stem: null,
  };
}

/**
 * Per focus term (by lemma), a cloze from the first best occurrence in the article whose sentence
 * shows no other focus term (hint: the aligned English), and an English→German item (when the term
 * has an English translation). At most ANSWERS_MAX items, so that every item can be answered in one
 * submission. `language` adds what the lemma table knows: adjectival nouns, inflected forms.
 */
export function buildQuiz(terms: readonly QuizTerm[], language: QuizLanguage = {}): QuizItem[] {
  const items: QuizItem[] = [];
  const sorted = [...terms].sort(
    (a, b) => collator.compare(a.lemma, b.lemma) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const lemmas = sentenceLemmas(language.lemmatize);
  for (const term of sorted) {
    const others = sorted.filter((other) => other.id !== term.id);
    const source = gapSource(term, others, lemmas);
    if (source) {
      const sameGroup = term.occurrences.filter((o) => o !== source && sentenceKey(o) === sentenceKey(source));
      items.push({
        id: `${term.id}:cloze`,
        termId: term.id,
        kind: 'cloze',
        prompt: blankOccurrence(source, sameGroup),
        hint: source.textEn.trim() || null,
        expected: source.surface,
        accepted: [],
        lemma: term.lemma,
        article: null,
        stem: null,
      });
    }
    const english = englishItem(term, language.lexicon);
    if (english) items.push(english);
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

/** Umlauts and ß as written without a German keyboard: ä → ae, ö → oe, ü → ue, ß → ss. */
const transliterate = (text: string) =>
  text.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');

/** Umlauts and ß without their marks: ä → a, ö → o, ü → u, ß → ss (and ae → a … for transliterations). */
const withoutUmlauts = (text: string) =>
  transliterate(text).replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');

/** The answers as right as the expected one, normalised. */
const rightAnswers = (item: Pick<QuizItem, 'expected' | 'accepted'>) =>
  [item.expected, ...(item.accepted ?? [])].map(normalizeAnswer);

/** A word that is the adjectival noun's stem with an adjective ending ("verbündeter" for verbündet). */
const isAdjectivalForm = (word: string, stem: string) =>
  word.startsWith(stem) && (ADJECTIVE_ENDINGS as readonly string[]).includes(word.slice(stem.length));

/**
 * The verdict on one answer. correct: the expected form or another accepted one (case, spacing and
 * quotes aside; ae/oe/ue/ss for ä/ö/ü/ß too, as typed without a German keyboard); a cloze wants the
 * inflected form of the sentence, an en-de noun its article, an adjectival noun the ending its article
 * asks for (der Verbündete, ein Verbündeter, die Verbündeten). near-umlaut: right but for a missing or
 * extra umlaut ("Schlussel"). near-ending: the same word with another ending (by the lemma table, or a
 * stem with another inflectional ending; an adjectival noun whose ending does not fit its article).
 * near-article: the right noun with a missing or wrong article, or the right word with an article where
 * none belongs (a cloze whose sentence already has it, a verb). Else wrong.
 */
export function scoreAnswer(
  item: Pick<QuizItem, 'kind' | 'expected' | 'lemma' | 'article'> & Partial<Pick<QuizItem, 'accepted' | 'stem'>>,
  given: string,
  lemmatize?: Lemmatize,
): QuizVerdict {
  const answer = normalizeAnswer(given);
  const expected = normalizeAnswer(item.expected);
  if (!answer) return 'wrong';
  const right = rightAnswers({ expected: item.expected, accepted: item.accepted ?? [] });
  if (right.includes(answer)) return 'correct';
  if (right.some((r) => transliterate(r) === transliterate(answer))) return 'correct';
  if (right.some((r) => withoutUmlauts(r) === withoutUmlauts(answer))) return 'near-umlaut';
  const [givenArticle, givenWord] = splitArticle(answer);
  if (item.stem && isAdjectivalForm(givenWord, item.stem)) {
    // An adjectival noun: an article it takes with another ending is an ending miss ("der Verbündeter").
    const articles = new Set(right.map((r) => splitArticle(r)[0]));
    return givenArticle && articles.has(givenArticle) ? 'near-ending' : 'near-article';
  }
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
  'near-umlaut': 'classroom:verdict.nearUmlaut',
  wrong: 'classroom:verdict.wrong',
} as const satisfies Record<QuizVerdict, string>;
