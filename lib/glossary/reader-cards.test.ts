import { describe, expect, test } from 'vitest';
import { packTermCards, unpackTermCards } from './reader-cards';
import type { ReaderTermCard } from './types';

const cards: ReaderTermCard[] = [
  {
    lemma: 'rote Linie',
    kind: 'phrase',
    gender: 'f',
    plural: 'rote Linien',
    englishPreferred: 'red line',
    englishAlternatives: ['redline', 'line in the sand'],
    definition: 'A limit that, if crossed, brings a response.',
  },
  {
    lemma: 'abschrecken',
    kind: 'verb',
    gender: null,
    plural: null,
    englishPreferred: 'to deter',
    englishAlternatives: [],
    definition: 'To discourage an action by the threat of consequences.',
  },
];

describe("the reader's packed term cards", () => {
  test('unpack to the cards that were packed, every field', () => {
    expect(unpackTermCards(packTermCards(cards))).toEqual(cards);
  });

  test('carry no key names', () => {
    const json = JSON.stringify(packTermCards(cards));
    for (const key of Object.keys(cards[0]!)) expect(json).not.toContain(`"${key}"`);
  });
});
