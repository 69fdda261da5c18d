import { describe, expect, test } from 'vitest';
import { loadLexicon } from '@/lib/annotation/queries.server';
import { createCompoundSplitter, createLemmatizer } from '@/lib/text';
import { isProperNoun, lookupSteps } from './meaning';

// The real lemma table (built at install), as the dictionary API uses it.
const lexicon = loadLexicon();
const tools = { lemmatize: createLemmatizer(lexicon), splitCompound: createCompoundSplitter(lexicon) };
const keys = (surface: string, lemma = surface) => lookupSteps({ surface, lemma }, tools).map((s) => s.key);
const steps = (surface: string, lemma = surface) =>
  lookupSteps({ surface, lemma }, tools).map((s) => `${s.via}:${s.headword}`);

describe('lookupSteps', () => {
  test('the lemma first, then the form as written', () => {
    expect(keys('Waffen', 'Waffe').slice(0, 2)).toEqual(['waffe', 'waffen']);
  });

  test('a contraction is looked up as its preposition', () => {
    expect(keys('im')).toContain('in');
    expect(keys('Zur', 'zur')).toContain('zu');
  });

  test('old spellings of the lemma table, inflected adjectives and adjectival nouns of the dictionary', () => {
    expect(keys('gewisse', 'gewiß')).toContain('gewiss');
    expect(keys('letzten', 'letzt')).toContain('letzte');
    expect(keys('Beamte')).toContain('beamter');
  });

  test('a zu-infinitive is also its infinitive', () => {
    expect(keys('herauszufinden')).toContain('herausfinden');
  });

  test("a compound's heads come after the word's own headwords, longest first", () => {
    const found = steps('Verteidigungsministerium');
    expect(found[0]).toBe('word:Verteidigungsministerium');
    const heads = found.filter((s) => s.startsWith('compound:'));
    expect(heads).toContain('compound:Ministerium');
    expect(heads.indexOf('compound:Ministerium')).toBeLessThan(heads.indexOf('compound:Sterium'));
  });

  test('a hyphenated word by its last part and that part’s forms', () => {
    expect(steps('US-Beamte')).toEqual(expect.arrayContaining(['compound:Beamte', 'compound:Beamter']));
  });

  test('the first half of "Staats- und …" by its noun', () => {
    expect(keys('Staats-')).toContain('staat');
  });

  test('a lowercase word has no short tails', () => {
    const tails = keys('beängstigend').filter((key) => 'beängstigend'.endsWith(key) && key !== 'beängstigend');
    expect(tails.length).toBeGreaterThan(0);
    expect(tails.every((key) => key.length >= 6)).toBe(true);
  });

  test('each key once', () => {
    for (const word of ['Verteidigungsministerium', 'US-Beamte', 'im', 'Waffen']) {
      const all = keys(word);
      expect(new Set(all).size).toBe(all.length);
    }
  });
});

describe('isProperNoun', () => {
  test('a capitalised word the lemma table does not know is a name', () => {
    expect(isProperNoun({ lemma: 'Biden', pos: 'OTHER' }, [])).toBe(true);
  });

  test('a noun is a name when the dictionary files it as a place under its own spelling', () => {
    const russland = [{ german: 'Russland {n}; Rußland [alt] {n} (Russische Föderation) /RU/ [geogr.]' }];
    expect(isProperNoun({ lemma: 'Russland', pos: 'NOUN' }, russland)).toBe(true);
    expect(isProperNoun({ lemma: 'Aussicht', pos: 'NOUN' }, [{ german: 'Aussicht {f} (auf etw.)' }])).toBe(false);
    // The word only inside another headword: not its own entry.
    expect(isProperNoun({ lemma: 'Russ', pos: 'NOUN' }, russland)).toBe(false);
  });

  test('lowercase words are never names', () => {
    expect(isProperNoun({ lemma: 'und', pos: 'OTHER' }, [])).toBe(false);
  });
});
