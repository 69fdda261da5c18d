import { describe, expect, test } from 'vitest';
import {
  checkGrammar,
  compareGrammar,
  type GrammarEntry,
  type GrammarFacts,
  genitiveAlternatives,
  grammarVerdict,
} from './grammar-check';

const noun = (
  lemma: string,
  gender: GrammarEntry['gender'],
  plural: string | null,
  genitive: string | null,
  grammarOverride: string | null = null,
): GrammarEntry => ({ lemma, kind: 'noun', gender, plural, genitive, separable: false, grammarOverride });
const verb = (lemma: string, separable: boolean, grammarOverride: string | null = null): GrammarEntry => ({
  lemma,
  kind: 'verb',
  gender: null,
  plural: null,
  genitive: null,
  separable,
  grammarOverride,
});
const facts = (
  gender: GrammarFacts['gender'],
  plural: string | null,
  genitive: string | null,
  separable: boolean | null = null,
): GrammarFacts => ({ gender, plural, genitive, separable, basis: 'test' });

describe('checkGrammar', () => {
  test('an entry that states the table’s grammar agrees', () => {
    expect(
      checkGrammar(noun('Regierung', 'f', 'Regierungen', 'der Regierung'), facts('f', 'Regierungen', 'der Regierung')),
    ).toEqual([]);
    expect(checkGrammar(verb('aufhören', true), facts(null, null, null, true))).toEqual([]);
  });

  test('each differing field is reported with what the table expects and what the entry has', () => {
    expect(
      checkGrammar(noun('Offensive', 'n', 'Offensiven', 'des Offensiven'), facts('f', 'Offensiven', 'der Offensive')),
    ).toEqual([
      { field: 'gender', expected: 'f', actual: 'n' },
      { field: 'genitive', expected: 'der Offensive', actual: 'des Offensiven' },
    ]);
    expect(
      checkGrammar(noun('Gegenwind', 'm', 'Gegenwinde', 'des Gegenwinds'), facts('m', null, 'des Gegenwinds')),
    ).toEqual([{ field: 'plural', expected: '—', actual: 'Gegenwinde' }]);
    expect(checkGrammar(verb('umgehen', false), facts(null, null, null, true))).toEqual([
      { field: 'separable', expected: 'true', actual: 'false' },
    ]);
  });

  test('the genitive is compared with its article', () => {
    expect(checkGrammar(noun('Krieg', 'm', 'Kriege', 'der Krieges'), facts('m', 'Kriege', 'des Krieges'))).toEqual([
      { field: 'genitive', expected: 'des Krieges', actual: 'der Krieges' },
    ]);
  });

  test('-es and -s genitives are both right where German allows both', () => {
    const krieg = facts('m', 'Kriege', 'des Kriegs');
    expect(checkGrammar(noun('Krieg', 'm', 'Kriege', 'des Krieges'), krieg)).toEqual([]);
    expect(checkGrammar(noun('Krieg', 'm', 'Kriege', 'des Kriegs'), krieg)).toEqual([]);
    // A compound alternates like its head.
    expect(
      checkGrammar(
        noun('Stellvertreterkrieg', 'm', 'Stellvertreterkriege', 'des Stellvertreterkrieges'),
        facts('m', 'Stellvertreterkriege', 'des Stellvertreterkriegs'),
      ),
    ).toEqual([]);
    // After a sibilant -es only; after -el, -er and a vowel -s only.
    expect(
      checkGrammar(noun('Einsatz', 'm', 'Einsätze', 'des Einsatzs'), facts('m', 'Einsätze', 'des Einsatzes')),
    ).toHaveLength(1);
    expect(
      checkGrammar(noun('Gipfel', 'm', 'Gipfel', 'des Gipfeles'), facts('m', 'Gipfel', 'des Gipfels')),
    ).toHaveLength(1);
    // Feminine nouns have no -s genitive.
    expect(checkGrammar(noun('Wahl', 'f', 'Wahlen', 'der Wahls'), facts('f', 'Wahlen', 'der Wahl'))).toHaveLength(1);
  });

  test('genitive alternatives', () => {
    expect(genitiveAlternatives('Krieg', 'Kriegs')).toEqual(['Krieges', 'Kriegs']);
    expect(genitiveAlternatives('Block', 'Blockes')).toEqual(['Blockes', 'Blocks']);
    expect(genitiveAlternatives('Einmarsch', 'Einmarsches')).toEqual(['Einmarsches']);
    expect(genitiveAlternatives('Panzer', 'Panzers')).toEqual(['Panzers']);
    expect(genitiveAlternatives('Komitee', 'Komitees')).toEqual(['Komitees']);
    expect(genitiveAlternatives('Präsident', 'Präsidenten')).toEqual(['Präsidenten']);
  });

  test('a plural-only noun has no gender and no plural; its genitive is the plural’s', () => {
    const streitkraefte = facts(null, null, 'der Streitkräfte');
    expect(checkGrammar(noun('Streitkräfte', null, null, 'der Streitkräfte'), streitkraefte)).toEqual([]);
    expect(checkGrammar(noun('Streitkräfte', 'f', 'Streitkräfte', 'der Streitkräfte'), streitkraefte)).toEqual([
      { field: 'gender', expected: '—', actual: 'f' },
      { field: 'plural', expected: '—', actual: 'Streitkräfte' },
    ]);
  });

  test('an adjectival noun keyed by its strong form takes a plural with or without article', () => {
    const beamter = facts('m', 'Beamten', 'des Beamten');
    expect(checkGrammar(noun('Beamter', 'm', 'Beamte', 'des Beamten'), beamter)).toEqual([]);
    expect(checkGrammar(noun('Beamter', 'm', 'Beamten', 'des Beamten'), beamter)).toEqual([]);
    expect(checkGrammar(noun('Beamter', 'm', 'Beamtern', 'des Beamten'), beamter)).toHaveLength(1);
    // A weak noun gets no such leeway: the plural of "Kunde" is "Kunden" only.
    expect(checkGrammar(noun('Kunde', 'm', 'Kunde', 'des Kunden'), facts('m', 'Kunden', 'des Kunden'))).toHaveLength(1);
  });

  test('an override counts as overridden, not as a disagreement, and is told apart from agreeing', () => {
    const umgehen = verb('umgehen', false, 'inseparable in the sense of circumvent ("umgeht")');
    const table = facts(null, null, null, true);
    expect(checkGrammar(umgehen, table)).toEqual([]);
    expect(compareGrammar(umgehen, table)).toEqual([{ field: 'separable', expected: 'true', actual: 'false' }]);
    expect(grammarVerdict(umgehen, table)).toEqual({
      status: 'overridden',
      disagreements: [{ field: 'separable', expected: 'true', actual: 'false' }],
    });
    expect(grammarVerdict(verb('umgehen', false, '  '), table).status).toBe('disagrees');
    expect(grammarVerdict(verb('aufhören', true, 'stale reason'), table).status).toBe('agrees');
  });

  test('nouns and verbs without facts are unknown; other kinds are not checked', () => {
    expect(checkGrammar(noun('Xyzkrieg', 'm', null, null), null)).toEqual([]);
    expect(grammarVerdict(noun('Xyz', 'm', null, null), null).status).toBe('unknown');
    expect(grammarVerdict(noun('Xyz', 'm', null, null, 'checked in Duden'), null).status).toBe('overridden');
    expect(grammarVerdict(verb('umgehen', false), facts(null, null, null, null)).status).toBe('unknown');
    const idiom: GrammarEntry = { ...verb('Öl ins Feuer gießen', false), kind: 'idiom' };
    expect(grammarVerdict(idiom, null)).toEqual({ status: 'not-checked', disagreements: [] });
  });
});
