import { describe, expect, test } from 'vitest';
import { groupByInitial, initialOf, letterOfSlug, letterSlug } from './alphabet';

describe('initialOf', () => {
  test.each([
    ['Werkzeugmaschine', 'W'],
    ['auffüllen', 'A'],
    ['Öl ins Feuer gießen', 'O'],
    ['Äquivalent', 'A'],
    ['über', 'U'],
    ['7-Punkte-Plan', '#'],
    ['…', '#'],
  ])('%s → %s', (lemma, letter) => {
    expect(initialOf(lemma)).toBe(letter);
  });
});

describe('groupByInitial', () => {
  test('keeps the order inside a letter, orders letters A–Z then #, leaves out empty letters', () => {
    const terms = ['auffüllen', 'Aggression', 'Öl ins Feuer gießen', 'Obacht', '3D-Druck', 'Zwischenwahl'].map(
      (lemma) => ({ lemma }),
    );
    expect(groupByInitial(terms).map((g) => [g.letter, g.terms.map((t) => t.lemma)])).toEqual([
      ['A', ['auffüllen', 'Aggression']],
      ['O', ['Öl ins Feuer gießen', 'Obacht']],
      ['Z', ['Zwischenwahl']],
      ['#', ['3D-Druck']],
    ]);
  });
});

describe('letterSlug and letterOfSlug', () => {
  test('a letter round-trips through its slug; anything else is no letter', () => {
    expect(['A', 'W', '#'].map(letterSlug)).toEqual(['a', 'w', 'other']);
    expect(['a', 'w', 'other'].map(letterOfSlug)).toEqual(['A', 'W', '#']);
    expect(['W', 'ä', '#', '', 'aa'].map(letterOfSlug)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
