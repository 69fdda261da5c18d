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
};

export type CardFace = { prompt: string; answer: string; hint?: string };

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

function englishSide(entry: CardEntry, term?: CardTerm | null): string {
  return entry.translation.trim() || term?.englishPreferred.trim() || '';
}

function withHint(face: { prompt: string; answer: string }, hint: string | null | undefined): CardFace {
  const text = hint?.trim();
  return text ? { ...face, hint: text } : face;
}

/**
 * A card's two sides. The hint is the context sentence in the prompt's language; for a cloze it is
 * the English sentence. A cloze whose word is no longer in the sentence (edited entry) falls back to
 * the German→English face rather than showing nothing.
 */
export function cardFace(direction: CardDirection, entry: CardEntry, term?: CardTerm | null): CardFace {
  const german = germanSide(entry.lemma, term);
  const english = englishSide(entry, term);
  if (direction === 'en-de') return withHint({ prompt: english, answer: german }, entry.contextEn);
  if (direction === 'cloze') {
    const cloze = buildCloze(entry);
    if (cloze) return withHint({ prompt: cloze.text, answer: cloze.answer }, entry.contextEn);
  }
  return withHint({ prompt: german, answer: english }, entry.contextDe);
}
