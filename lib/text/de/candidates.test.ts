import { describe, expect, test } from 'vitest';
import { parseLexicon } from '../lexicon';
import { extractCandidates, rankCandidates, type TermCandidate } from './candidates';

// A hand-made lemma table in the build format; tests/text/candidates.test.ts runs the real one.
const nouns: Record<string, [gender: string, forms: string[]]> = {
  Abschreckung: ['f', []],
  Kontrolle: ['f', []],
  Rüstung: ['f', []],
  Rüstungskontrolle: ['f', []],
  Vertrag: ['m', ['Vertrags', 'Verträge']],
  Kraft: ['f', ['Kräfte']],
  Verfügung: ['f', []],
  Frage: ['f', ['Fragen']],
  Druck: ['m', []],
  Waffe: ['f', ['Waffen']],
  Lieferung: ['f', ['Lieferungen']],
  Regierung: ['f', []],
  Feuer: ['n', []],
  Öl: ['n', []],
  Haus: ['n', []],
  Berlin: ['n', []],
  NATO: ['f', []],
  Minister: ['m', []],
  Verteidigung: ['f', []],
  Mai: ['m', []],
};
const TSV = [
  ...Object.entries(nouns).flatMap(([lemma, [gender, forms]]) =>
    [lemma, ...forms].map((form) => `${form}\t${lemma}|NOUN:${gender}`),
  ),
  'nukleare\tnuklear|ADJ',
  'nuklearen\tnuklear|ADJ',
  'nuklear\tnuklear|ADJ',
  'nuklearer\tnuklear|ADJ',
  'droht\tdrohen|VERB',
  'warnt\twarnen|VERB',
  'Vor\tvor|OTHER',
  'neue\tneu|ADJ',
  'neuen\tneu|ADJ',
  'rüstungspolitische\trüstungspolitisch|ADJ',
  'rüstungspolitisch\trüstungspolitisch|ADJ',
  'tritt\ttreten|VERB',
  'treten\ttreten|VERB',
  'stellt\tstellen|VERB',
  'stellen\tstellen|VERB',
  'gestellt\tstellen|VERB',
  'setzt\tsetzen|VERB',
  'gießt\tgießen|VERB',
  'gießen\tgießen|VERB',
  'hört\thören|VERB',
  'hören\thören|VERB',
  'hört+auf\taufhören|VERB',
  'aufhören\taufhören|VERB',
  'aufgehört\taufhören|VERB',
  'hat\thaben|VERB',
  'sagt\tsagen|VERB',
  'nichts\tnichts|OTHER',
  'ist\tsein|VERB',
  'wird\twerden|VERB',
  'der\tder|OTHER',
  'die\tder|OTHER',
  'das\tder|OTHER',
  'den\tder|OTHER',
  'dem\tder|OTHER',
  'Die\tder|OTHER',
  'in\tin|OTHER',
  'ins\tin|OTHER',
  'zur\tzu|OTHER',
  'unter\tunter|OTHER',
  'und\tund|OTHER',
  'nicht\tnicht|OTHER',
  'damit\tdamit|OTHER',
  'auf\tauf|OTHER',
  'mit\tmit|OTHER',
  '2025\t2025|OTHER',
].join('\n');
const lexicon = parseLexicon(TSV);

const lemmas = (candidates: readonly TermCandidate[]) => candidates.map((c) => `${c.kind}:${c.lemma}`).sort();
const find = (candidates: readonly TermCandidate[], lemma: string) => candidates.find((c) => c.lemma === lemma);

describe('extractCandidates', () => {
  test('domain compounds by head or modifier, with the gender the table gives', () => {
    const texts = ['Der Rüstungskontrollvertrag tritt nicht in Kraft.', 'Die Waffenlieferungen und der Vertrag.'];
    const candidates = extractCandidates(lexicon, { texts, glossary: [] });
    const treaty = find(candidates, 'Rüstungskontrollvertrag');
    expect(treaty).toMatchObject({ kind: 'noun', grammar: { gender: 'm', separable: false } });
    expect(treaty!.affixes).toEqual(expect.arrayContaining(['vertrag', 'rüstungs']));
    expect(treaty!.occurrences).toEqual([{ text: 0, start: 4, end: 27 }]);
    expect(texts[0]!.slice(4, 27)).toBe('Rüstungskontrollvertrag');
    expect(find(candidates, 'Waffenlieferung')).toMatchObject({ kind: 'noun', affixes: ['waffen'] });
    // A plain noun once is nothing to propose.
    expect(find(candidates, 'Vertrag')).toBeUndefined();
  });

  test('adjective + noun phrases count inflected forms together, in the citation form', () => {
    const texts = ['Die nukleare Abschreckung wirkt.', 'Mit der nuklearen Abschreckung.', 'Das neue Haus.'];
    const candidates = extractCandidates(lexicon, { texts, glossary: [] });
    const phrase = find(candidates, 'nukleare Abschreckung');
    expect(phrase).toMatchObject({ kind: 'phrase', keys: ['nuklear', 'Abschreckung'] });
    expect(phrase!.occurrences.map((o) => texts[o.text]!.slice(o.start, o.end))).toEqual([
      'nukleare Abschreckung',
      'nuklearen Abschreckung',
    ]);
    // A noun the table lacks counts by its ending, which gives its gender.
    const unknown = extractCandidates(lexicon, {
      texts: ['Die nukleare Eskalation droht.', 'Vor nuklearer Eskalation warnt die Regierung.'],
      glossary: [],
    });
    expect(find(unknown, 'nukleare Eskalation')?.occurrences).toHaveLength(2);
    // General adjectives make no phrase.
    expect(find(candidates, 'neues Haus')).toBeUndefined();
  });

  test('an adjective + noun phrase once counts only with a domain noun (nominative ending by gender)', () => {
    const once = extractCandidates(lexicon, {
      texts: ['Mit nuklearem Feuer und nuklearer Rüstungskontrolle.'],
      glossary: [],
    });
    expect(find(once, 'nukleares Feuer')).toBeUndefined();
    expect(find(once, 'nukleare Rüstungskontrolle')).toMatchObject({
      kind: 'phrase',
      affixes: ['kontrolle', 'rüstungs'],
    });
  });

  test('Funktionsverbgefüge with the verb before, after or apart from the prepositional noun', () => {
    const texts = [
      'Der Vertrag tritt im Mai in Kraft.',
      'Die Regierung stellt die Lieferung in Frage.',
      'Die Waffen werden zur Verfügung gestellt.',
    ];
    const candidates = extractCandidates(lexicon, { texts, glossary: [] });
    expect(lemmas(candidates.filter((c) => c.kind === 'phrase'))).toEqual([
      'phrase:in Frage stellen',
      'phrase:in Kraft treten',
      'phrase:zur Verfügung stellen',
    ]);
    // A noun with an attribute, or a verb in another clause, makes none.
    const none = extractCandidates(lexicon, {
      texts: [
        'Die Regierung stellt die Waffen zur Verfügung der NATO.',
        'In Frage, sagt die Regierung, stellt das nichts.',
      ],
      glossary: [],
    });
    expect(none.filter((c) => c.kind === 'phrase')).toEqual([]);
    const kraft = find(candidates, 'in Kraft treten')!;
    expect(texts[0]!.slice(kraft.occurrences[0]!.start, kraft.occurrences[0]!.end)).toBe('tritt im Mai in Kraft');
    expect(kraft.keys).toEqual(['Kraft']);
  });

  test('separable verbs, split and joined, as the particle verb', () => {
    const texts = ['Die Regierung hört damit auf.', 'Die Lieferung hat aufgehört.'];
    const verb = find(extractCandidates(lexicon, { texts, glossary: [] }), 'aufhören');
    expect(verb).toMatchObject({ kind: 'verb', grammar: { gender: null, separable: true } });
    expect(verb!.occurrences.map((o) => texts[o.text]!.slice(o.start, o.end))).toEqual(['hört damit auf', 'aufgehört']);
  });

  test('idioms of the list, with the verb moved', () => {
    const texts = ['Die Regierung gießt damit Öl ins Feuer.'];
    const idiom = find(extractCandidates(lexicon, { texts, glossary: [] }), 'Öl ins Feuer gießen');
    expect(idiom).toMatchObject({ kind: 'idiom', keys: ['Öl', 'Feuer'] });
    expect(texts[0]!.slice(idiom!.occurrences[0]!.start, idiom!.occurrences[0]!.end)).toBe('gießt damit Öl ins Feuer');
  });

  test('leaves out approved entries and their variants, names, abbreviations, numbers and function words', () => {
    const texts = [
      'Die Rüstungskontrolle und die NATO in Berlin 2025.',
      'Die Rüstungskontrolle tritt in Kraft.',
      'Die Regierung gießt Öl ins Feuer.',
    ];
    const glossary = [
      { lemma: 'Rüstungskontrolle' },
      { lemma: 'in Kraft treten' },
      { lemma: 'Öl in den Krieg gießen', variants: ['Öl ins Feuer gießen'] },
    ];
    const candidates = extractCandidates(lexicon, { texts, glossary });
    expect(lemmas(candidates)).toEqual([]);
    // Without the glossary, the same texts have candidates.
    expect(lemmas(extractCandidates(lexicon, { texts, glossary: [] }))).toEqual([
      'idiom:Öl ins Feuer gießen',
      'noun:Rüstungskontrolle',
      'phrase:in Kraft treten',
    ]);
  });
});

describe('rankCandidates', () => {
  const candidate = (lemma: string, count: number, extra: Partial<TermCandidate> = {}): TermCandidate => ({
    lemma,
    kind: 'noun',
    occurrences: Array.from({ length: count }, (_, i) => ({ text: i, start: 0, end: 1 })),
    grammar: { gender: 'f', separable: false },
    affixes: [],
    keys: [lemma],
    unknownToTable: false,
    ...extra,
  });

  test('what few other articles have ranks first; then frequency in the article', () => {
    const ranked = rankCandidates([candidate('Allgemein', 3), candidate('Selten', 1), candidate('Selten2', 3)], {
      documentFrequency: new Map([
        ['Allgemein', 9],
        ['Selten', 0],
        ['Selten2', 0],
      ]),
      articleCount: 10,
    });
    expect(ranked.map((c) => c.lemma)).toEqual(['Selten2', 'Selten', 'Allgemein']);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  test('a phrase is as rare as its rarest key; domain affixes, unknown words and multi-word kinds weigh more', () => {
    const library = {
      documentFrequency: new Map([
        ['nuklear', 5],
        ['Abschreckung', 1],
      ]),
      articleCount: 10,
    };
    const [phrase] = rankCandidates(
      [candidate('nukleare Abschreckung', 1, { kind: 'phrase', keys: ['nuklear', 'Abschreckung'] })],
      library,
    );
    const [noun] = rankCandidates([candidate('Abschreckung', 1)], library);
    expect(phrase!.score).toBeCloseTo(noun!.score * 1.5, 2);
    const [plain, domain, unknown] = rankCandidates(
      [candidate('A', 1), candidate('B', 1, { affixes: ['politik'] }), candidate('C', 1, { unknownToTable: true })],
      { documentFrequency: new Map(), articleCount: 0 },
    ).sort((a, b) => a.lemma.localeCompare(b.lemma));
    expect(domain!.score).toBeCloseTo(plain!.score * 1.5, 2);
    expect(unknown!.score).toBeCloseTo(plain!.score * 1.3, 2);
  });
});
