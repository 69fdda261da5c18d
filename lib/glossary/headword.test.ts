import { describe, expect, test } from 'vitest';
import { headwordOf } from './headword';

const noun = (lemma: string, gender: 'm' | 'f' | 'n' | null, plural: string | null) => ({
  lemma,
  kind: 'noun' as const,
  gender,
  plural,
});

describe('headwordOf', () => {
  test('nouns take the definite article of their gender', () => {
    expect(headwordOf(noun('Werkzeugmaschine', 'f', 'Werkzeugmaschinen'))).toEqual({
      article: 'die',
      text: 'Werkzeugmaschine',
      plural: 'die Werkzeugmaschinen',
      pluralOnly: false,
      adjectival: false,
    });
    expect(headwordOf(noun('Panzer', 'm', 'Panzer'))).toMatchObject({
      article: 'der',
      text: 'Panzer',
      plural: 'die Panzer',
    });
    expect(headwordOf(noun('Außenministerium', 'n', 'Außenministerien'))).toMatchObject({
      article: 'das',
      text: 'Außenministerium',
    });
    expect(headwordOf(noun('Mikroelektronik', 'f', null))).toMatchObject({ article: 'die', plural: null });
  });

  test('a noun without gender is plural only and takes "die"', () => {
    expect(headwordOf(noun('Streitkräfte', null, null))).toEqual({
      article: 'die',
      text: 'Streitkräfte',
      plural: null,
      pluralOnly: true,
      adjectival: false,
    });
  });

  test('an adjectival noun takes its weak forms after the article', () => {
    expect(headwordOf(noun('Verbündeter', 'm', 'Verbündete'))).toEqual({
      article: 'der',
      text: 'Verbündete',
      plural: 'die Verbündeten',
      pluralOnly: false,
      adjectival: true,
    });
    expect(headwordOf(noun('Außenminister', 'm', 'Außenminister'))).toMatchObject({
      text: 'Außenminister',
      adjectival: false,
    });
  });

  test('other kinds have no article', () => {
    expect(headwordOf({ lemma: 'rote Linie', kind: 'phrase', gender: null, plural: null })).toEqual({
      article: null,
      text: 'rote Linie',
      plural: null,
      pluralOnly: false,
      adjectival: false,
    });
  });
});
