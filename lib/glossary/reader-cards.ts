import type { ReaderTermCard } from './types';

/**
 * A reader's term cards as the page ships them to its island: one tuple a card instead of an object.
 * Every key of every card would otherwise travel in the RSC payload, about a third of the cards' bytes
 * (docs/decisions/046-article-text-sent-once.md).
 */
export type PackedTermCard = readonly [
  lemma: string,
  kind: ReaderTermCard['kind'],
  gender: ReaderTermCard['gender'],
  plural: string | null,
  englishPreferred: string,
  englishAlternatives: string[],
  definition: string,
];

export const packTermCards = (cards: readonly ReaderTermCard[]): PackedTermCard[] =>
  cards.map((card) => [
    card.lemma,
    card.kind,
    card.gender,
    card.plural,
    card.englishPreferred,
    card.englishAlternatives,
    card.definition,
  ]);

export const unpackTermCards = (packed: readonly PackedTermCard[]): ReaderTermCard[] =>
  packed.map(([lemma, kind, gender, plural, englishPreferred, englishAlternatives, definition]) => ({
    lemma,
    kind,
    gender,
    plural,
    englishPreferred,
    englishAlternatives,
    definition,
  }));
