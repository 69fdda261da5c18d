import { describe, expect, test } from 'vitest';
import { parseLexicon } from '../lexicon';
import { adjectivalNominatives, adjectivalNounStem } from './adjectival-nouns';

// Lines as the real table has them (npm run text:build-lexicon): the package files adjectival nouns
// under the weak or the strong form, and participles as adjectives beside their verb.
const lexicon = parseLexicon(`
Verbündete\tVerbündete|NOUN:n,Verbündeter|NOUN:m
Verbündeten\tVerbündete|NOUN:n,Verbündeter|NOUN:m
Verbündeter\tVerbündeter|NOUN:m
verbündet\tverbünden|VERB,verbündet|ADJ
Beamte\tBeamte|NOUN:m
Beamter\tBeamte|NOUN:m
Abgeordnete\tAbgeordnete|NOUN:n
abgeordnet\tabordnen|VERB,abgeordnet|ADJ
Deutsche\tDeutsche|NOUN:n,Deutsch|NOUN:n
deutsch\tdeutsch|ADJ
fremd\tfremd|ADJ
Fremder\tFremder|NOUN:m
Tiefe\tTiefe|NOUN:n,Tief|NOUN:n
tief\ttief|ADJ
Junge\tJunge|NOUN:n
jung\tjung|ADJ
Kunde\tKunde|NOUN:m
Lehrer\tLehrer|NOUN:m
Lehre\tLehre|NOUN:f
Alter\tAlter|NOUN:n
alt\talt|ADJ
`);

describe('adjectival nouns', () => {
  test('found under either form, from the glossary or the lemma table', () => {
    // The glossary's plural and genitive decide (the seed glossary's Verbündeter).
    expect(
      adjectivalNounStem(lexicon, {
        lemma: 'Verbündeter',
        gender: 'm',
        plural: 'Verbündete',
        genitive: 'des Verbündeten',
      }),
    ).toBe('Verbündet');
    expect(adjectivalNounStem(lexicon, { lemma: 'Verbündete', gender: 'f' })).toBe('Verbündet');
    expect(adjectivalNounStem(lexicon, { lemma: 'Beamte', gender: 'm' })).toBe('Beamt');
    expect(adjectivalNounStem(lexicon, { lemma: 'Beamter', gender: 'm' })).toBe('Beamt');
    expect(adjectivalNounStem(lexicon, { lemma: 'Abgeordnete', gender: 'f' })).toBe('Abgeordnet');
    expect(adjectivalNounStem(lexicon, { lemma: 'Abgeordnete', gender: 'm' })).toBe('Abgeordnet');
    expect(
      adjectivalNounStem(lexicon, { lemma: 'Deutsche', gender: 'f', plural: 'Deutschen', genitive: 'der Deutschen' }),
    ).toBe('Deutsch');
    expect(adjectivalNounStem(lexicon, { lemma: 'Fremder', gender: 'm' })).toBe('Fremd');
    // Without the lemma table, the glossary's facts alone.
    const ally = { lemma: 'Verbündeter', gender: 'm', plural: 'Verbündete', genitive: 'des Verbündeten' } as const;
    expect(adjectivalNounStem(undefined, ally)).toBe('Verbündet');
    expect(adjectivalNounStem(undefined, { lemma: 'Beamte', gender: 'm' })).toBeUndefined();
  });

  test('other nouns on -e or -er are not', () => {
    // Weak nouns: "ein Kunde", "ein Junge", never "ein Kunder".
    expect(adjectivalNounStem(lexicon, { lemma: 'Kunde', gender: 'm' })).toBeUndefined();
    expect(adjectivalNounStem(lexicon, { lemma: 'Junge', gender: 'm' })).toBeUndefined();
    // An abstract noun on an adjective: die Tiefe, der Tiefe.
    expect(adjectivalNounStem(lexicon, { lemma: 'Tiefe', gender: 'f' })).toBeUndefined();
    expect(adjectivalNounStem(lexicon, { lemma: 'Tiefe', gender: 'f', genitive: 'der Tiefe' })).toBeUndefined();
    expect(
      adjectivalNounStem(lexicon, { lemma: 'Lehrer', gender: 'm', plural: 'Lehrer', genitive: 'des Lehrers' }),
    ).toBeUndefined();
    expect(adjectivalNounStem(lexicon, { lemma: 'Lehrer', gender: 'm' })).toBeUndefined();
    expect(adjectivalNounStem(lexicon, { lemma: 'Alter', gender: 'n' })).toBeUndefined();
    expect(adjectivalNounStem(lexicon, { lemma: 'Werkzeugmaschine', gender: 'f' })).toBeUndefined();
  });

  test('the nominatives each article allows, the dictionary form first', () => {
    const show = (stem: string, gender: 'm' | 'f' | 'n' | null) =>
      adjectivalNominatives(stem, gender).map((n) => (n.article ? `${n.article} ${n.word}` : n.word));
    expect(show('Verbündet', 'm')).toEqual([
      'der Verbündete',
      'ein Verbündeter',
      'die Verbündete',
      'eine Verbündete',
      'die Verbündeten',
      'Verbündete',
    ]);
    expect(show('Abgeordnet', 'f')[0]).toBe('die Abgeordnete');
    expect(show('Gut', 'n')).toEqual(['das Gute', 'ein Gutes']);
  });
});
