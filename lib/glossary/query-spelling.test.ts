import { describe, expect, test } from 'vitest';
import { createGermanEngine, parseLexicon } from '@/lib/text';
import { querySpellings, searchFold } from './query-spelling';

// A small lemma table in the table's format: form, lemma|POS.
const TSV = [
  'Außenminister\tAußenminister|NOUN',
  'Außenministers\tAußenminister|NOUN',
  'Minister\tMinister|NOUN',
  'Frühjahr\tFrühjahr|NOUN',
  'Offensive\tOffensive|NOUN',
  'Öl\tÖl|NOUN',
  'Feuer\tFeuer|NOUN',
  'feuer\tfeuern|VERB',
  'Krieg\tKrieg|NOUN',
  'krieg\tkriegen|VERB',
  'Linie\tLinie|NOUN',
  'rote\trot|ADJ',
  'gießen\tgießen|VERB',
  'Masse\tMasse|NOUN',
  'Quelle\tQuelle|NOUN',
].join('\n');
const engine = createGermanEngine(parseLexicon(TSV));

describe('searchFold', () => {
  test('case, ß/ss and umlauts/ae fold to one form', () => {
    expect(searchFold('Außenminister')).toBe('aussenminister');
    expect(searchFold('AUSSENMINISTER')).toBe('aussenminister');
    expect(searchFold('Öl ins Feuer gießen')).toBe(searchFold('OEL INS FEUER GIESSEN'));
  });
});

describe('querySpellings', () => {
  test('ae/oe/ue/ss become ä/ö/ü/ß where that makes a known word', () => {
    expect(querySpellings(engine, 'Aussenministers')).toEqual(['Aussenministers', 'Außenministers']);
    expect(querySpellings(engine, 'Oel ins Feuer')).toEqual(['Oel ins Feuer', 'Öl ins Feuer']);
    // A compound of known parts beats one with an unknown part.
    expect(querySpellings(engine, 'Fruehjahrsoffensive')).toEqual(['Fruehjahrsoffensive', 'Frühjahrsoffensive']);
  });

  test('real ss and ue stay: Masse, Quelle, Feuer', () => {
    expect(querySpellings(engine, 'Masse')).toEqual(['Masse']);
    expect(querySpellings(engine, 'Quelle am Feuer')).toEqual(['Quelle am Feuer']);
  });

  test('words in capitals are recased: nouns capitalised, other words lower case, both where both are known', () => {
    expect(querySpellings(engine, 'ROTE LINIE')).toEqual(['ROTE LINIE', 'rote Linie']);
    expect(querySpellings(engine, 'KRIEG')).toEqual(['KRIEG', 'Krieg', 'krieg']);
    expect(querySpellings(engine, 'OEL INS FEUER GIESSEN')).toEqual([
      'OEL INS FEUER GIESSEN',
      'Öl Ins Feuer gießen',
      'Öl Ins feuer gießen',
      'Öl ins Feuer gießen',
      'Öl ins feuer gießen',
    ]);
  });

  test('a query in ordinary spelling is read as typed', () => {
    expect(querySpellings(engine, 'die roten Linien')).toEqual(['die roten Linien']);
    expect(querySpellings(engine, 'G7')).toEqual(['G7']);
  });
});
