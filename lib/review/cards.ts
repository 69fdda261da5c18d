import { germanArticle } from '@/lib/glossary/grammar';

// Which cards an entry gets and what each shows: pure data, rendered by the review page.

export const CARD_DIRECTIONS = ['de-en', 'en-de', 'cloze'] as const;
export type CardDirection = (typeof CARD_DIRECTIONS)[number];

/** What a blank looks like in a cloze prompt; the UI may style it. */
export const CLOZE_BLANK = '_____';

/** The entry fields cards are built from. */
export type CardEntry = {
  lemma: string;
  translation: string;
  contextDe: string | null;
  contextEn: string | null;
  surface: string | null;
};

/** The linked glossary term, when there is one. */
export type CardTerm = {
  gender: 'm' | 'f' | 'n' | null;
  plural: string | null;
  englishPreferred: string;
  /** noun | verb | adjective | phrase | idiom (Term.kind); absent for callers that do not read it. */
  kind?: string;
};

/** What kind of German word an en→de card asks for. */
export const CUE_KINDS = ['noun', 'verb', 'adjective', 'phrase', 'word'] as const;
export type CueKind = (typeof CUE_KINDS)[number];

/**
 * What an en→de card asks the learner to produce, so that "weapon" is not answered with a synonym:
 * the kind of word, whether its article (and plural) belong to the answer, its first letter and length.
 */
export type ProduceCue = {
  kind: CueKind;
  /** none: the bare word; article: "die Waffe"; plural: "die Waffe, die Waffen". */
  with: 'none' | 'article' | 'plural';
  first: string;
  /** Letters of the word (of every word, for a phrase). */
  letters: number;
  words: number;
};

export type CardFace = { prompt: string; answer: string; hint?: string; cue?: ProduceCue };

export type Cloze = { text: string; answer: string };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// JavaScript's \b knows only ASCII letters, so "Öl" would match inside "Erdöl"; letters and digits
// of any script count as word characters here.
function wordPattern(word: string, flags: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, `g${flags}u`);
}

/**
 * The context sentence with the word blanked: the surface form met in the text, else the lemma;
 * whole words, case-sensitive first, then case-insensitive (a noun's lemma at sentence start, a
 * verb's capitalised at the start). Every occurrence of the found form is blanked: a second one
 * left standing would give the answer away. Null when the word is not in the sentence.
 */
export function buildCloze(entry: Pick<CardEntry, 'contextDe' | 'surface' | 'lemma'>): Cloze | null {
  const context = entry.contextDe?.trim();
  if (!context) return null;
  const words = [entry.surface?.trim(), entry.lemma.trim()].filter((w): w is string => Boolean(w));
  for (const flags of ['', 'i']) {
    for (const word of words) {
      const pattern = wordPattern(word, flags);
      const found = context.match(pattern);
      if (found) return { text: context.replace(pattern, CLOZE_BLANK), answer: found[0] };
    }
  }
  return null;
}

/** de-en and en-de always; cloze only when the context sentence contains the word. */
export function cardDirections(entry: CardEntry): CardDirection[] {
  return buildCloze(entry) ? ['de-en', 'en-de', 'cloze'] : ['de-en', 'en-de'];
}

/** "die Werkzeugmaschine, die Werkzeugmaschinen" for a glossary noun; the bare lemma otherwise. */
export function germanSide(lemma: string, term?: CardTerm | null): string {
  const article = term ? germanArticle(term.gender) : null;
  if (!article) return lemma;
  return term?.plural ? `${article} ${lemma}, die ${term.plural}` : `${article} ${lemma}`;
}

const KIND_OF_TERM: Record<string, CueKind> = {
  noun: 'noun',
  verb: 'verb',
  adjective: 'adjective',
  phrase: 'phrase',
  idiom: 'phrase',
};

/**
 * The cue of an en→de card. The glossary term's kind when linked; else a lemma of several words is a
 * phrase, a capitalised one a noun (German capitalises every noun), anything else just a word.
 */
export function produceCue(lemma: string, term?: CardTerm | null): ProduceCue {
  const word = lemma.trim();
  const parts = word.split(/\s+/).filter(Boolean);
  const first = [...word][0] ?? '';
  const kind: CueKind =
    (term?.kind && KIND_OF_TERM[term.kind]) ||
    (parts.length > 1 ? 'phrase' : first && first !== first.toLowerCase() ? 'noun' : 'word');
  const article = term ? germanArticle(term.gender) : null;
  return {
    kind,
    with: !article ? 'none' : term?.plural ? 'plural' : 'article',
    first,
    letters: (word.match(/\p{L}/gu) ?? []).length,
    words: Math.max(1, parts.length),
  };
}

function englishSide(entry: CardEntry, term?: CardTerm | null): string {
  return entry.translation.trim() || term?.englishPreferred.trim() || '';
}

function withHint(face: { prompt: string; answer: string }, hint: string | null | undefined): CardFace {
  const text = hint?.trim();
  return text ? { ...face, hint: text } : face;
}

/**
 * A card's two sides. The hint is the context sentence in the prompt's language; for a cloze it is
 * the English sentence. An en→de card also says which German word it wants (its cue). A cloze whose word is no longer in the sentence (edited entry) falls back to
 * the German→English face rather than showing nothing.
 */
export function cardFace(direction: CardDirection, entry: CardEntry, term?: CardTerm | null): CardFace {
  const german = germanSide(entry.lemma, term);
  const english = englishSide(entry, term);
  if (direction === 'en-de')
    return { ...withHint({ prompt: english, answer: german }, entry.contextEn), cue: produceCue(entry.lemma, term) };
  if (direction === 'cloze') {
    const cloze = buildCloze(entry);
    if (cloze) return withHint({ prompt: cloze.text, answer: cloze.answer }, entry.contextEn);
  }
  return withHint({ prompt: german, answer: english }, entry.contextDe);
}
