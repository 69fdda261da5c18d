import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitSentences } from './sentences';
import { tokenize } from './tokenizer';

type Token = ReturnType<typeof tokenize>[number];
type SentenceSpan = ReturnType<typeof splitSentences>[number];

const sentences = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splits', () => {
  test('after a period, question mark and exclamation mark before an uppercase word', () => {
    expect(sentences('Er kam. Sie ging! Warum? Niemand weiß es.')).toEqual([
      'Er kam.',
      'Sie ging!',
      'Warum?',
      'Niemand weiß es.',
    ]);
  });

  test('the seed quotation holds three sentences, the closing quote belongs to the last', () => {
    expect(
      sentences('„Sie lagen da, gerade 18 oder 19 Jahre alt. Unterscheide ich mich von ihnen? Nein, bin ich nicht.“'),
    ).toEqual([
      '„Sie lagen da, gerade 18 oder 19 Jahre alt.',
      'Unterscheide ich mich von ihnen?',
      'Nein, bin ich nicht.“',
    ]);
  });

  test('a span runs from the first to the last non-space character', () => {
    const text = '  \t„Nein, bin ich nicht.“  Dann ging er.\n';
    expect(splitSentences(text)).toEqual([
      { start: 3, end: 25 },
      { start: 27, end: 40 },
    ]);
  });

  test('before an opening quote, bracket or digit', () => {
    expect(sentences('Er schwieg. „Nein“, sagte sie.')).toEqual(['Er schwieg.', '„Nein“, sagte sie.']);
    expect(sentences('Er schwieg. (Sie auch.) Dann ging er.')).toEqual(['Er schwieg.', '(Sie auch.)', 'Dann ging er.']);
    expect(sentences('Sie kamen 2022. 2023 gingen sie.')).toEqual(['Sie kamen 2022.', '2023 gingen sie.']);
  });

  test('after an ellipsis before an uppercase word, not before a lowercase one', () => {
    expect(sentences('Er wartete … Dann ging er.')).toEqual(['Er wartete …', 'Dann ging er.']);
    expect(sentences('Ein Selfie ist echt … und erfordert Fähigkeiten.')).toHaveLength(1);
    expect(sentences('Er wartete... Dann ging er... und kam wieder.')).toEqual([
      'Er wartete...',
      'Dann ging er... und kam wieder.',
    ]);
  });

  test('a quoted sentence followed by its speech tag stays one sentence', () => {
    expect(sentences('„Absolut. Ich würde damit beginnen …“, sagte Pence')).toEqual([
      '„Absolut.',
      'Ich würde damit beginnen …“, sagte Pence',
    ]);
    expect(sentences('„Wirklich?“ fragte er. Sie nickte.')).toEqual(['„Wirklich?“ fragte er.', 'Sie nickte.']);
    expect(sentences('berichten (für Profis!) unsere Freunde.')).toHaveLength(1);
  });

  test('closing brackets and quotes after the final period belong to the sentence', () => {
    expect(sentences('Von Morning Cybersecurity (for Pros!). Laut Untersuchungen.')).toEqual([
      'Von Morning Cybersecurity (for Pros!).',
      'Laut Untersuchungen.',
    ]);
    expect(sentences('Er sagte: »Nein.« Dann ging er.')).toEqual(['Er sagte: »Nein.«', 'Dann ging er.']);
  });

  test('at line breaks and blank lines, also without final punctuation', () => {
    expect(sentences('China bewegt sich auf einem schmalen Grat\n\nDie Vereinigten Staaten warnen.')).toEqual([
      'China bewegt sich auf einem schmalen Grat',
      'Die Vereinigten Staaten warnen.',
    ]);
    expect(sentences('Ausgegeben am:\n\n2 Minuten\r\n(AFP)')).toEqual(['Ausgegeben am:', '2 Minuten', '(AFP)']);
    expect(sentences('– Rep. SETH MOULTON: Drei Gründe\n– ADELA RAZ ist jetzt Gastwissenschaftlerin.')).toHaveLength(2);
  });

  test('not without a space after the period, nor before a lowercase word', () => {
    expect(sentences('Schreiben Sie an www.politico.eu oder nicht. und so weiter')).toHaveLength(1);
    expect(sentences('Das Ende.Der Anfang')).toHaveLength(1);
  });

  test('a sentence of punctuation only is still a sentence', () => {
    expect(sentences('* * *\nWeiter.')).toEqual(['* * *', 'Weiter.']);
  });

  test('empty and blank texts have no sentences', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n\t ')).toEqual([]);
  });
});

describe('does not split after', () => {
  test.each([
    ['an ordinal before a month', 'Seien Sie dabei, wenn wir am Donnerstag, den 15. Juni, starten.'],
    ['an ordinal before a month', 'Nach dem Erdbeben vom 6. Februar sind mehr als 47.000 Menschen gestorben.'],
    ['an ordinal before an abbreviated month', 'Er kam am 15. Jan. 2023 an.'],
    [
      'an ordinal before Jahrhundert',
      'Durch unsere Vision der Sicherheit des 21. Jahrhunderts beschleunigt Lockheed Martin Innovationen.',
    ],
    ['an ordinal before another counted noun', 'Der 2. Weltkrieg endete, zum 3. Mal im 4. Quartal.'],
    ['an ordinal before a lowercase word', 'Die 3. größte Stadt liegt am 2. längsten Fluss.'],
    ['z. B.', 'Er kam z. B. am Montag.'],
    ['z.B.', 'Er kam z.B. Montag an.'],
    ['z. B. before a noun', 'Man kann z. B. Äpfel essen.'],
    ['u. a.', 'Die USA u. a. Staaten kamen.'],
    ['d. h.', 'Er kam spät, d. h. nach Mitternacht.'],
    ['Dr.', 'Dr. Müller sagte: „Nein, bin ich nicht.“'],
    ['Prof.', 'Prof. Schmidt lehrt hier.'],
    ['Nr.', 'Er wohnt in Nr. 5.'],
    ['Rep.', '– Rep. SETH MOULTON, The Boston Globe: Drei Gründe'],
    ['bzw.', 'Der Rat bzw. Das Gremium entscheidet.'],
    ['ca.', 'Es kamen ca. 300 Menschen.'],
    ['vgl.', 'Siehe oben, vgl. Abschnitt 2.'],
    ['usw. before a lowercase word', 'Äpfel, Birnen usw. sind Obst.'],
    ['etc. before a lowercase word', 'Äpfel, Birnen etc. sind Obst.'],
    ['St.', 'Er spielt für St. Pauli.'],
    ['Abs. and Art.', 'Nach Art. 5 Abs. 3 GG ist das erlaubt.'],
    ['Mio. and Mrd. before a noun', 'Es kostet 3 Mio. Euro und 2 Mrd. Dollar.'],
    ['Jh.', 'Im 19. Jh. Europas herrschte Krieg.'],
    ['Hr. and Fr.', 'Hr. Meier und Fr. Schulz kamen.'],
    ['Gen.', 'Gen. Milley sprach.'],
    ['Sen.', 'Sen. Graham sprach.'],
    ['an initial', 'John F. Kennedy war Präsident.'],
    ['dotted initials', 'Die U. S. Army kam.'],
    ['a number with dots', 'Mehr als 2.000 abgefangene Anrufe russischer Soldaten.'],
    ['a date', 'Am 23.02.2023 um 16:08 Uhr kam er.'],
    ['a list number', '1. Die Lage ist ernst.'],
    ['a Roman list numeral', 'II. Die Folgen sind ernst.'],
  ])('%s: %j', (_, text) => {
    expect(sentences(text)).toEqual([text]);
  });

  test('but does split after an abbreviation-like word before a sentence opener', () => {
    expect(sentences('Das ist eine neue Art. Die alte war besser.')).toEqual([
      'Das ist eine neue Art.',
      'Die alte war besser.',
    ]);
    expect(sentences('Der Umsatz stieg auf 5 Mrd. Das ist viel.')).toEqual([
      'Der Umsatz stieg auf 5 Mrd.',
      'Das ist viel.',
    ]);
    expect(sentences('Äpfel, Birnen etc. Das ist Obst.')).toEqual(['Äpfel, Birnen etc.', 'Das ist Obst.']);
    expect(sentences('Er kam 2023. Juni war kalt.')).toEqual(['Er kam 2023.', 'Juni war kalt.']); // a year is no ordinal
    expect(sentences('Am Ende waren es 47.000. Die Zahl steigt.')).toEqual([
      'Am Ende waren es 47.000.',
      'Die Zahl steigt.',
    ]);
    expect(sentences('Er wurde 21. Das feierte er.')).toEqual(['Er wurde 21.', 'Das feierte er.']);
  });
});

// The cleaned articles are stored one sentence per group; a paragraph's groups joined with a space
// must split back into exactly those sentences. Bundled by Vite like any static import: no I/O here.
type Article = { slug: string; sections: { paragraphs: { de: string }[][] }[] };
const articles = Object.values(
  import.meta.glob<Article>('../../../prisma/content/articles/*.json', { eager: true, import: 'default' }),
);
// Groups whose `de` holds more than one sentence, keyed "slug/section/paragraph/group", with their
// sentence count. None at the moment: every group of both articles was checked to be one sentence.
const MULTI_SENTENCE_GROUPS: ReadonlyMap<string, number> = new Map();
const groupKey = (slug: string, section: number, paragraph: number, group: number) =>
  `${slug}/${section}/${paragraph}/${group}`;

describe('cleaned articles', () => {
  test('are present', () => {
    expect(articles.length).toBeGreaterThanOrEqual(2);
  });

  test('each paragraph splits into its sentence groups', () => {
    let agree = 0;
    let total = 0;
    const wrong: string[] = [];
    for (const article of articles) {
      article.sections.forEach((section, s) =>
        section.paragraphs.forEach((groups, p) => {
          total++;
          const text = groups.map((g) => g.de).join(' ');
          const expected = groups.reduce(
            (n, _, g) => n + (MULTI_SENTENCE_GROUPS.get(groupKey(article.slug, s, p, g)) ?? 1),
            0,
          );
          const got = sentences(text);
          if (got.length === expected) agree++;
          else wrong.push(`${article.slug}/${s}/${p}: expected ${expected}, got ${JSON.stringify(got)}`);
        }),
      );
    }
    console.info(`sentences: ${agree}/${total} article paragraphs split into their sentence groups`);
    expect(wrong).toEqual([]);
  });

  test('each paragraph is split exactly at its group boundaries', () => {
    for (const article of articles) {
      article.sections.forEach((section, s) =>
        section.paragraphs.forEach((groups, p) => {
          if (groups.some((_, g) => MULTI_SENTENCE_GROUPS.has(groupKey(article.slug, s, p, g)))) return;
          const text = groups.map((g) => g.de).join(' ');
          expect(sentences(text)).toEqual(groups.map((g) => g.de.trim()));
        }),
      );
    }
  });
});

// Sentences built to be unambiguous: a capitalised first word, words (no abbreviations) and a terminal.
const lower = fc.constantFrom(
  'hat',
  'ihre',
  'größten',
  'rückschläge',
  'erlitten',
  'und',
  'US-Dollar',
  'Staats-',
  '2.000',
  '11:30',
  '„grenzenlosen“',
  'Peking,',
  'Ukraine',
);
const sentence = fc
  .tuple(
    fc.constantFrom('Die', 'Er', 'China', 'US-Beamte', '„Das', 'Unterscheide', '2023'),
    fc.array(lower, { maxLength: 12 }),
    fc.constantFrom('.', '!', '?', '.“', '?“', ' …', '!)'),
  )
  .map(([first, rest, end]) => [first, ...rest].join(' ') + end);
const germanPieces = fc.constantFrom(
  'Die',
  'ukraine',
  'Rückschläge',
  'US-Dollar',
  'Staats-',
  'und',
  'z.',
  'B.',
  'Dr.',
  'u.',
  'a.',
  '2.000',
  '21',
  '15.',
  'Juni',
  'Jahrhunderts',
  'Nr.',
  'Art.',
  'etc.',
  'F.',
  '.',
  '...',
  ',',
  '!',
  '?',
  '…',
  '„',
  '“',
  '»',
  '«',
  '’',
  '(',
  ')',
  ':',
  '–',
  ' ',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '\u00A0',
  '\u200B',
  '👍',
);
const germanish = fc.array(germanPieces, { maxLength: 80 }).map((parts) => parts.join(''));

function expectWellFormed(text: string, spans: readonly SentenceSpan[], tokens: readonly Token[]): void {
  let previousEnd = -1;
  for (const span of spans) {
    expect(span.start).toBeGreaterThan(previousEnd);
    expect(span.end).toBeGreaterThan(span.start);
    const slice = text.slice(span.start, span.end);
    expect(slice).not.toMatch(/^\s|\s$/u);
    expect(slice).not.toMatch(/[\n\r\u2028\u2029]/u);
    previousEnd = span.end;
  }
  for (const t of tokens) {
    const containing = spans.filter((s) => s.start <= t.start && t.end <= s.end);
    expect(containing, `${t.surface}@${t.start}`).toHaveLength(1);
  }
  // Spans start and end on token boundaries.
  const starts = new Set(tokens.map((t) => t.start));
  const ends = new Set(tokens.map((t) => t.end));
  for (const s of spans) expect(starts.has(s.start) && ends.has(s.end)).toBe(true);
}

describe('properties', () => {
  const texts = [
    ['binary strings', fc.string({ unit: 'binary' })],
    ['grapheme strings', fc.string({ unit: 'grapheme' })],
    ['German-ish text', germanish],
  ] as const;

  test.each(texts)('%s: spans are ordered, non-overlapping, trimmed, and hold every token exactly once', (_, arb) => {
    fc.assert(
      fc.property(arb, (text) => {
        const tokens = tokenize(text);
        expectWellFormed(text, splitSentences(text), tokens);
      }),
      { numRuns: 300 },
    );
  });

  test.each(texts)('%s: deterministic, and the same with or without the tokens passed in', (_, arb) => {
    fc.assert(
      fc.property(arb, (text) => {
        const spans = splitSentences(text);
        expect(splitSentences(text)).toEqual(spans);
        expect(splitSentences(text, tokenize(text))).toEqual(spans);
      }),
      { numRuns: 300 },
    );
  });

  test('unambiguous sentences joined by spaces or line breaks split back into themselves', () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(' ', '  ', '\n', '\n\n', ' \u00A0'),
        (parts, gap) => {
          expect(sentences(parts.join(gap))).toEqual(parts);
        },
      ),
      { numRuns: 300 },
    );
  });
});
