import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { loadLexicon } from '@/lib/annotation/queries.server';
import { createLemmatizer } from '@/lib/text';
import {
  blankOccurrence,
  buildQuiz,
  CLOZE_BLANK,
  normalizeAnswer,
  type QuizOccurrence,
  type QuizTerm,
  scoreAnswer,
  toItemView,
} from './quiz';

// Sentences of the seed articles (prisma/content/articles/), as the reader stores them.
const EXPORT_DE =
  'Beamte enthüllten die Ergebnisse der USA und sagten, China helfe Russland in einer Reihe von Bereichen, darunter bei der gemeinsamen Produktion von Drohnen, weltraumgestützten Fähigkeiten und dem Export von Werkzeugmaschinen, die für die Herstellung ballistischer Raketen von entscheidender Bedeutung seien.';
const EXPORT_EN =
  'Officials revealed the US findings, saying China was helping Russia in a range of areas, including the joint production of drones, space-based capabilities and the export of machine tools that are critical for making ballistic missiles.';
const SUPPLIED_DE =
  'US-Beamte sagten, China habe mehr als 70 Prozent der 900 Millionen US-Dollar an Werkzeugmaschinen bereitgestellt, die Russland im letzten Quartal 2023 wahrscheinlich für den Bau ballistischer Raketen verwendet habe.';
const SANCTIONS_DE =
  'Die Vereinigten Staaten werden am Freitag „umfassende“ Sanktionen gegen Russland ankündigen, die sich gegen die Wirtschaft Moskaus und seine Verbündeten richten.';
const SANCTIONS_EN =
  'The United States will announce “sweeping” sanctions against Russia on Friday, targeting Moscow’s economy and its allies.';
const SETBACKS_DE =
  'Die Ukraine hat ihre ersten Rückschläge auf dem Schlachtfeld seit Monaten erlitten, da ihre Streitkräfte Munition rationieren und die Vereinigten Staaten aufgrund einer Pattsituation im von den Republikanern geführten Repräsentantenhaus keine neue Unterstützung genehmigen konnten.';

function at(textDe: string, textEn: string, surface: string, paragraph: number, kind = 'word'): QuizOccurrence {
  const start = textDe.indexOf(surface);
  if (start < 0) throw new Error(`${surface} not in sentence`);
  return { textDe, textEn, start, end: start + surface.length, surface, kind, paragraph, sentence: 0 };
}

const machineTool: QuizTerm = {
  id: 't-wzm',
  lemma: 'Werkzeugmaschine',
  kind: 'noun',
  gender: 'f',
  englishPreferred: 'machine tool',
  // Listed out of order: the first in the article is chosen.
  occurrences: [
    at(SUPPLIED_DE, 'US officials said …', 'Werkzeugmaschinen', 7),
    at(EXPORT_DE, EXPORT_EN, 'Werkzeugmaschinen', 2),
  ],
};
const sanction: QuizTerm = {
  id: 't-sank',
  lemma: 'Sanktion',
  kind: 'noun',
  gender: 'f',
  englishPreferred: 'sanction',
  occurrences: [at(SANCTIONS_DE, SANCTIONS_EN, 'Sanktionen', 18)],
};
const setback: QuizTerm = {
  id: 't-rs',
  lemma: 'Rückschlag',
  kind: 'noun',
  gender: 'm',
  englishPreferred: 'setback',
  occurrences: [at(SETBACKS_DE, 'Ukraine has suffered …', 'Rückschläge', 16)],
};
const ration: QuizTerm = {
  id: 't-rat',
  lemma: 'rationieren',
  kind: 'verb',
  gender: null,
  englishPreferred: 'to ration',
  occurrences: [at(SETBACKS_DE, 'Ukraine has suffered …', 'rationieren', 16)],
};
const forces: QuizTerm = {
  id: 't-sk',
  lemma: 'Streitkräfte',
  kind: 'noun',
  gender: null,
  englishPreferred: 'armed forces',
  occurrences: [at(SETBACKS_DE, '…', 'Streitkräfte', 16)],
};
const stalemate: QuizTerm = {
  id: 't-ps',
  lemma: 'Pattsituation',
  kind: 'noun',
  gender: 'f',
  englishPreferred: '',
  occurrences: [],
};

const lexicon = loadLexicon();
const lemmatize = createLemmatizer(lexicon);

describe('quiz generation', () => {
  const items = buildQuiz([sanction, machineTool, setback, ration, forces, stalemate], { lemmatize });
  const byId = new Map(items.map((i) => [i.id, i]));

  test('per focus term (A–Z) a cloze and an English→German item, with stable ids', () => {
    expect(items.map((i) => i.id)).toEqual([
      // Rückschlag, rationieren and Streitkräfte share their only sentence: no gap for any of them.
      't-rat:en-de',
      't-rs:en-de',
      't-sank:cloze',
      't-sank:en-de',
      't-sk:en-de',
      't-wzm:cloze',
      't-wzm:en-de',
    ]);
    // A term without occurrences and English gets nothing; the same input gives the same quiz.
    expect(buildQuiz([machineTool, sanction, setback, ration, forces, stalemate], { lemmatize })).toEqual(items);
  });

  test('a cloze blanks the inflected form in the first sentence where the term occurs; the hint is its English', () => {
    const cloze = byId.get('t-wzm:cloze')!;
    expect(cloze.prompt).toBe(EXPORT_DE.replace('Werkzeugmaschinen', CLOZE_BLANK));
    expect(cloze).toMatchObject({ kind: 'cloze', hint: EXPORT_EN, expected: 'Werkzeugmaschinen' });
    expect(byId.get('t-sank:cloze')!.prompt).toContain(`„umfassende“ ${CLOZE_BLANK} gegen Russland`);
  });

  test('English→German wants the noun with its article (die for plural-only nouns), other words bare', () => {
    expect(byId.get('t-wzm:en-de')).toMatchObject({
      prompt: 'machine tool',
      expected: 'die Werkzeugmaschine',
      hint: null,
    });
    expect(byId.get('t-rs:en-de')!.expected).toBe('der Rückschlag');
    expect(byId.get('t-sk:en-de')!.expected).toBe('die Streitkräfte');
    expect(byId.get('t-rat:en-de')!.expected).toBe('rationieren');
  });

  test('what a student sees never holds the answer', () => {
    for (const item of items) {
      const view = toItemView(item);
      expect(Object.keys(view).sort()).toEqual(['hint', 'id', 'kind', 'prompt']);
      if (item.kind === 'cloze') expect(view.prompt).not.toContain(item.expected);
    }
  });

  test('every other use of the same form in the sentence is blanked too', () => {
    const text = 'Sanktionen helfen, aber Sanktionen allein reichen nicht; Sanktionsrunden folgen.';
    const o = {
      textDe: text,
      textEn: '',
      start: 0,
      end: 10,
      surface: 'Sanktionen',
      kind: 'word',
      paragraph: 0,
      sentence: 0,
    };
    expect(blankOccurrence(o)).toBe(
      `${CLOZE_BLANK} helfen, aber ${CLOZE_BLANK} allein reichen nicht; Sanktionsrunden folgen.`,
    );
  });

  test('a whole word is preferred to a phrase or a compound part', () => {
    const part = { ...at(EXPORT_DE, EXPORT_EN, 'Drohnen', 2), kind: 'compound-part' };
    const word = at(SUPPLIED_DE, '', 'Werkzeugmaschinen', 7);
    const [cloze] = buildQuiz([{ ...machineTool, occurrences: [part, word] }]);
    expect(cloze!.expected).toBe('Werkzeugmaschinen');
  });

  test('any occurrence list gives a blank that slices back', () => {
    // Once found by CI: a surface of white space only makes no cloze item.
    const spaceOnly = {
      textDe: ' ',
      textEn: 'x',
      start: 0,
      end: 1,
      surface: ' ',
      kind: 'word',
      paragraph: 0,
      sentence: 0,
    };
    expect(buildQuiz([{ ...sanction, englishPreferred: '', occurrences: [spaceOnly] }])[0]).toBeUndefined();
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        (word, before, after) => {
          const textDe = `${before}${word}${after}`;
          const [cloze] = buildQuiz([
            {
              ...sanction,
              englishPreferred: '',
              occurrences: [
                {
                  textDe,
                  textEn: 'x',
                  start: before.length,
                  end: before.length + word.length,
                  surface: word,
                  kind: 'word',
                  paragraph: 0,
                  sentence: 0,
                },
              ],
            },
          ]);
          if (!word.trim()) {
            expect(cloze).toBeUndefined();
            return;
          }
          expect(cloze!.prompt).toContain(CLOZE_BLANK);
          expect(cloze!.expected).toBe(word);
        },
      ),
    );
  });
});

describe('scoring', () => {
  // One term at a time, so that every term has its cloze (terms sharing a sentence would drop it).
  const items = new Map(
    [sanction, machineTool, setback, ration, forces].flatMap((term) => buildQuiz([term])).map((i) => [i.id, i]),
  );
  const verdict = (id: string, given: string) => scoreAnswer(items.get(id)!, given, lemmatize);

  test('a cloze wants the inflected form of the sentence; case, spacing and quotes do not matter', () => {
    expect(verdict('t-wzm:cloze', 'Werkzeugmaschinen')).toBe('correct');
    expect(verdict('t-wzm:cloze', '  werkzeugmaschinen ')).toBe('correct');
    expect(verdict('t-wzm:cloze', '„Werkzeugmaschinen“')).toBe('correct');
    expect(verdict('t-sank:cloze', 'Sanktionen.')).toBe('correct');
  });

  test('the right word with a wrong ending is a near miss, not the lemma accepted as correct', () => {
    expect(verdict('t-wzm:cloze', 'Werkzeugmaschine')).toBe('near-ending');
    expect(verdict('t-sank:cloze', 'Sanktion')).toBe('near-ending');
    // Umlaut plural: only the lemma table knows that Rückschläge is Rückschlag.
    expect(verdict('t-rs:cloze', 'Rückschlag')).toBe('near-ending');
    expect(verdict('t-rs:cloze', 'Rückschlägen')).toBe('near-ending');
    expect(verdict('t-rat:cloze', 'rationiert')).toBe('near-ending');
    expect(verdict('t-rat:cloze', 'rationierten')).toBe('near-ending');
  });

  test('another word is wrong, also one that only starts the same', () => {
    expect(verdict('t-wzm:cloze', 'Maschinen')).toBe('wrong');
    expect(verdict('t-sank:cloze', 'Sanktionsrunden')).toBe('wrong');
    expect(verdict('t-rs:cloze', 'Fortschritte')).toBe('wrong');
    expect(verdict('t-rs:cloze', '')).toBe('wrong');
    expect(verdict('t-rs:cloze', '   ')).toBe('wrong');
  });

  test('English→German: the noun with its article is correct; without it or with another one, a near miss', () => {
    expect(verdict('t-wzm:en-de', 'die Werkzeugmaschine')).toBe('correct');
    expect(verdict('t-wzm:en-de', 'Die werkzeugmaschine')).toBe('correct');
    expect(verdict('t-wzm:en-de', 'Werkzeugmaschine')).toBe('near-article');
    expect(verdict('t-wzm:en-de', 'der Werkzeugmaschine')).toBe('near-article');
    expect(verdict('t-wzm:en-de', 'eine Werkzeugmaschine')).toBe('near-article');
    expect(verdict('t-rs:en-de', 'die Rückschlag')).toBe('near-article');
    expect(verdict('t-sk:en-de', 'Streitkräfte')).toBe('near-article');
    // A wrong ending weighs more than the article.
    expect(verdict('t-wzm:en-de', 'die Werkzeugmaschinen')).toBe('near-ending');
    expect(verdict('t-rs:en-de', 'Rückschläge')).toBe('near-ending');
    expect(verdict('t-wzm:en-de', 'die Maschine')).toBe('wrong');
  });

  test('English→German of a verb wants the infinitive; another form is a near miss', () => {
    expect(verdict('t-rat:en-de', 'rationieren')).toBe('correct');
    expect(verdict('t-rat:en-de', 'rationiert')).toBe('near-ending');
    // The right word with an article where none belongs: an article miss, as in a cloze.
    expect(verdict('t-rat:en-de', 'die rationieren')).toBe('near-article');
    expect(verdict('t-rat:en-de', 'verteilen')).toBe('wrong');
  });

  test('a cloze answered with an article the sentence already has is a near miss of the article', () => {
    expect(verdict('t-sank:cloze', 'die Sanktionen')).toBe('near-article');
  });

  test('without a lemma table the stem rule still finds regular endings', () => {
    expect(scoreAnswer(items.get('t-wzm:cloze')!, 'Werkzeugmaschine')).toBe('near-ending');
    expect(scoreAnswer(items.get('t-rs:cloze')!, 'Rückschlag')).toBe('wrong');
  });

  test('normalisation', () => {
    expect(normalizeAnswer('  „Die   Sanktionen“! ')).toBe('die sanktionen');
    expect(normalizeAnswer('‚Öl‘')).toBe('öl');
  });
});

// The seed glossary's entry, as quizItems() reads it from the database.
const ally: QuizTerm = {
  id: 't-vb',
  lemma: 'Verbündeter',
  kind: 'noun',
  gender: 'm',
  plural: 'Verbündete',
  genitive: 'des Verbündeten',
  englishPreferred: 'ally',
  occurrences: [at(SANCTIONS_DE, SANCTIONS_EN, 'Verbündeten', 18)],
};

describe('adjectival nouns', () => {
  const item = buildQuiz([ally], { lexicon, lemmatize }).find((i) => i.kind === 'en-de')!;
  const verdict = (given: string) => scoreAnswer(item, given, lemmatize);

  test('the dictionary form with der is expected (not "der Verbündeter")', () => {
    expect(item.expected).toBe('der Verbündete');
  });

  test('every nominative an article allows is correct', () => {
    for (const given of [
      'der Verbündete',
      'ein Verbündeter',
      'die Verbündete',
      'eine Verbündete',
      'die Verbündeten',
      'Verbündete',
    ])
      expect(verdict(given), given).toBe('correct');
  });

  test('an ending its article does not take is an ending miss; no article, an article miss', () => {
    expect(verdict('der Verbündeter')).toBe('near-ending');
    expect(verdict('ein Verbündete')).toBe('near-ending');
    expect(verdict('eine Verbündeter')).toBe('near-ending');
    expect(verdict('die Verbündeter')).toBe('near-ending');
    expect(verdict('Verbündeter')).toBe('near-article');
    expect(verdict('das Verbündete')).toBe('near-article');
    expect(verdict('der Bündnispartner')).toBe('wrong');
  });

  test('the Abgeordnete, Beamte and Deutsche types, from the lemma table', () => {
    const quiz = (lemma: string, gender: 'm' | 'f', english: string) =>
      buildQuiz([{ id: lemma, lemma, kind: 'noun', gender, englishPreferred: english, occurrences: [] }], {
        lexicon,
      })[0]!;
    const member = quiz('Abgeordnete', 'f', 'member of parliament');
    expect(member.expected).toBe('die Abgeordnete');
    expect(scoreAnswer(member, 'ein Abgeordneter')).toBe('correct');
    expect(scoreAnswer(member, 'der Abgeordnete')).toBe('correct');
    expect(scoreAnswer(member, 'die Abgeordneten')).toBe('correct');
    expect(scoreAnswer(member, 'ein Abgeordnete')).toBe('near-ending');
    const official = quiz('Beamte', 'm', 'official');
    expect(official.expected).toBe('der Beamte');
    expect(scoreAnswer(official, 'ein Beamter')).toBe('correct');
    expect(scoreAnswer(official, 'der Beamter')).toBe('near-ending');
    const german = buildQuiz(
      [
        {
          id: 'd',
          lemma: 'Deutsche',
          kind: 'noun',
          gender: 'f',
          plural: 'Deutschen',
          genitive: 'der Deutschen',
          englishPreferred: 'German (person)',
          occurrences: [],
        },
      ],
      { lexicon },
    )[0]!;
    expect(scoreAnswer(german, 'eine Deutsche')).toBe('correct');
    expect(scoreAnswer(german, 'ein Deutscher')).toBe('correct');
    // A noun that only looks like one keeps its one article.
    const [machine] = buildQuiz([{ ...machineTool, occurrences: [] }], { lexicon });
    expect(machine!.accepted).toEqual([]);
    expect(scoreAnswer(machine!, 'eine Werkzeugmaschine')).toBe('near-article');
  });
});

describe('umlauts', () => {
  const key: QuizTerm = {
    id: 't-key',
    lemma: 'Schlüssel',
    kind: 'noun',
    gender: 'm',
    englishPreferred: 'key',
    occurrences: [],
  };
  const [enDe] = buildQuiz([key]);
  const [cloze] = buildQuiz([setback]);

  test('a missing umlaut is a near miss of its own, in a cloze and with an article', () => {
    expect(scoreAnswer(enDe!, 'der Schlussel', lemmatize)).toBe('near-umlaut');
    expect(scoreAnswer(cloze!, 'Ruckschlage', lemmatize)).toBe('near-umlaut');
    expect(scoreAnswer(buildQuiz([sanction])[0]!, 'Sänktionen', lemmatize)).toBe('near-umlaut');
  });

  test('ae/oe/ue/ss, as typed without a German keyboard, are correct', () => {
    expect(scoreAnswer(enDe!, 'der Schluessel', lemmatize)).toBe('correct');
    expect(scoreAnswer(cloze!, 'Rueckschlaege', lemmatize)).toBe('correct');
    const [street] = buildQuiz([{ ...key, id: 's', lemma: 'Straße', gender: 'f', englishPreferred: 'street' }]);
    expect(scoreAnswer(street!, 'die Strasse')).toBe('correct');
    expect(scoreAnswer(street!, 'die Strase')).toBe('wrong');
  });
});

describe('gap sentences', () => {
  test('no gap sentence shows another question’s answer, in any inflected form', () => {
    // Sanktion occurs in the sentence with Verbündeten and in a second one without it.
    const later = 'Die neuen Sanktionen treffen vor allem Banken.';
    const sanctions: QuizTerm = {
      ...sanction,
      occurrences: [...sanction.occurrences, at(later, 'The new sanctions hit banks above all.', 'Sanktionen', 20)],
    };
    const items = buildQuiz([sanctions, ally], { lexicon, lemmatize });
    const clozes = items.filter((i) => i.kind === 'cloze');
    expect(clozes.find((i) => i.termId === 't-sank')!.prompt).toBe(
      `Die neuen ${CLOZE_BLANK} treffen vor allem Banken.`,
    );
    // Verbündeter's only sentence shows "Sanktionen": no gap for it, its English→German item stays.
    expect(clozes.find((i) => i.termId === 't-vb')).toBeUndefined();
    expect(items.find((i) => i.id === 't-vb:en-de')).toBeDefined();
    for (const c of clozes)
      for (const other of items.filter((i) => i.termId !== c.termId))
        expect(c.prompt.toLowerCase()).not.toContain(normalizeAnswer(other.lemma).slice(0, 8));
  });

  test('a form no stored occurrence names is found by the lemma table', () => {
    // "Verbündete" stands in the sentence, but the term's stored occurrences are elsewhere.
    const text = 'Die Verbündete Moskaus verhängte keine Sanktionen.';
    const other: QuizTerm = { ...sanction, occurrences: [at(text, 'x', 'Sanktionen', 3)] };
    const withLemmas = buildQuiz([other, ally], { lemmatize }).filter((i) => i.kind === 'cloze');
    expect(withLemmas.map((i) => i.termId)).toEqual([]);
  });

  test('every other form of the term in its gap sentence is blanked too', () => {
    const text = 'Eine Sanktion folgt der anderen, und die Sanktionen wirken.';
    const term: QuizTerm = {
      ...sanction,
      englishPreferred: '',
      occurrences: [at(text, 'x', 'Sanktion', 1), { ...at(text, 'x', 'Sanktionen', 1), sentence: 0 }],
    };
    const [cloze] = buildQuiz([term]);
    expect(cloze!.prompt).toBe(`Eine ${CLOZE_BLANK} folgt der anderen, und die ${CLOZE_BLANK} wirken.`);
  });
});
