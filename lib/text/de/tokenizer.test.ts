import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { tokenize } from './tokenizer';

type Token = ReturnType<typeof tokenize>[number];
type TokenKind = Token['kind'];

const pairs = (text: string): [string, TokenKind][] => tokenize(text).map((t) => [t.surface, t.kind]);
const surfaces = (text: string): string[] => tokenize(text).map((t) => t.surface);
const words = (...ws: string[]): [string, TokenKind][] => ws.map((w) => [w, 'word']);

/** The contract of types.ts: exact slices, increasing, non-overlapping, never empty, never whitespace. */
function expectWellFormed(text: string, tokens: readonly Token[]): void {
  let previousEnd = 0;
  for (const t of tokens) {
    expect(t.start).toBeGreaterThanOrEqual(previousEnd);
    expect(t.end).toBeGreaterThan(t.start);
    expect(text.slice(t.start, t.end)).toBe(t.surface);
    expect(t.surface).not.toMatch(/^\s|\s$/u);
    previousEnd = t.end;
  }
}

/** Whatever lies between tokens is whitespace or invisible control/format characters. */
function expectNothingVisibleSkipped(text: string, tokens: readonly Token[]): void {
  let at = 0;
  for (const t of [...tokens, { start: text.length, end: text.length }]) {
    expect(text.slice(at, t.start)).toMatch(/^[\s\p{Cc}\p{Cf}]*$/u);
    at = t.end;
  }
}

describe('words', () => {
  test.each([
    'US-Dollar',
    'F-16-Kampfflugzeuge',
    'G7-Gesprächen',
    "King's",
    'King’s',
    'Biden-Regierung',
    'Natsec-Wurst',
    'E-Mail',
    'U-2-Cockpit',
    'G-7',
    'MAGGIE',
    'MILLER-Berichte',
    'Social-Media-Analyseunternehmens',
    'Straße',
    'ÖSTERREICH',
    'Übungen',
    'naïve',
    'Москва',
    'Mu\u0308ller', // decomposed ü
    'Ver\u00ADteidigung', // soft hyphen
    '16-jährige',
    '16-17-jährige',
    '1,5-Grad-Ziel',
    '3:0-Sieg',
    '2023er',
    'magmill95',
    'm²',
    'geht‘s',
  ])('%j is one word', (w) => {
    expect(pairs(w)).toEqual([[w, 'word']]);
  });

  test('compounds with a hyphen stay whole inside a sentence', () => {
    expect(pairs('900 Millionen US-Dollar an Werkzeugmaschinen')).toEqual([
      ['900', 'number'],
      ...words('Millionen', 'US-Dollar', 'an', 'Werkzeugmaschinen'),
    ]);
    expect(surfaces('bei den G7-Gesprächen in Capri')).toEqual(['bei', 'den', 'G7-Gesprächen', 'in', 'Capri']);
  });

  test('a truncated compound keeps its hyphen', () => {
    expect(pairs('Chinesische Staats- und Regierungschefs')).toEqual(
      words('Chinesische', 'Staats-', 'und', 'Regierungschefs'),
    );
    expect(surfaces('Russlands Verteidigungs- und Technologieindustrie')).toEqual([
      'Russlands',
      'Verteidigungs-',
      'und',
      'Technologieindustrie',
    ]);
    expect(surfaces('Energie- und Umweltpolitik- und Politiknachrichten')).toEqual([
      'Energie-',
      'und',
      'Umweltpolitik-',
      'und',
      'Politiknachrichten',
    ]);
    expect(surfaces('Ein-, Aus- und Umsteiger')).toEqual(['Ein-', ',', 'Aus-', 'und', 'Umsteiger']);
    expect(surfaces('Ein-/Ausgang')).toEqual(['Ein-', '/', 'Ausgang']);
    expect(surfaces('Links- oder Rechtsextremismus')).toEqual(['Links-', 'oder', 'Rechtsextremismus']);
  });

  test('a backward truncation keeps its hyphen', () => {
    expect(pairs('Kinderbetreuung und -erziehung')).toEqual(words('Kinderbetreuung', 'und', '-erziehung'));
  });

  test('any other hyphen at the edge of a word is punctuation', () => {
    expect(pairs('Bundes-')).toEqual([
      ['Bundes', 'word'],
      ['-', 'punct'],
    ]);
    expect(surfaces('Ost- West')).toEqual(['Ost', '-', 'West']);
    expect(surfaces('Er kam - und ging')).toEqual(['Er', 'kam', '-', 'und', 'ging']);
    expect(surfaces('„eher wahrscheinlich als unwahrscheinlich“-Entscheidung')).toEqual([
      '„',
      'eher',
      'wahrscheinlich',
      'als',
      'unwahrscheinlich',
      '“',
      '-',
      'Entscheidung',
    ]);
    expect(surfaces('ANTI-US-„HEGEMONIE-SCHREI“')).toEqual(['ANTI-US', '-', '„', 'HEGEMONIE-SCHREI', '“']);
  });

  test('apostrophes and quotes at the edge of a word are punctuation', () => {
    expect(pairs('’Nein')).toEqual([
      ['’', 'punct'],
      ['Nein', 'word'],
    ]);
    expect(surfaces("'Ja'")).toEqual(["'", 'Ja', "'"]);
    expect(surfaces('‚Ja‘')).toEqual(['‚', 'Ja', '‘']);
    expect(surfaces("Hans' Auto")).toEqual(['Hans', "'", 'Auto']);
    expect(surfaces('»Nein«')).toEqual(['»', 'Nein', '«']);
  });

  test('dotted abbreviations are letters and dots', () => {
    expect(surfaces('z.B. und z. B.')).toEqual(['z', '.', 'B', '.', 'und', 'z', '.', 'B', '.']);
  });
});

describe('numbers', () => {
  test.each(['2.000', '47.000', '164.000', '11:30', '70', '2023', '1,5', '23.02.2023', '1.000.000,50', '½'])(
    '%j is one number',
    (n) => {
      expect(pairs(n)).toEqual([[n, 'number']]);
    },
  );

  test('an ordinal is a number and a dot', () => {
    expect(pairs('des 21. Jahrhunderts')).toEqual([
      ['des', 'word'],
      ['21', 'number'],
      ['.', 'punct'],
      ['Jahrhunderts', 'word'],
    ]);
    expect(pairs('im Jahr 2023.')).toEqual([...words('im', 'Jahr'), ['2023', 'number'], ['.', 'punct']]);
  });

  test('numbers in a seed sentence', () => {
    expect(pairs('Mehr als 2.000 abgefangene Anrufe, 11:30 Uhr')).toEqual([
      ...words('Mehr', 'als'),
      ['2.000', 'number'],
      ...words('abgefangene', 'Anrufe'),
      [',', 'punct'],
      ['11:30', 'number'],
      ['Uhr', 'word'],
    ]);
  });

  test('digit groups joined like a word but without a letter are one number', () => {
    expect(pairs('zwischen 100-200 Soldaten')).toEqual([
      ['zwischen', 'word'],
      ['100-200', 'number'],
      ['Soldaten', 'word'],
    ]);
    expect(pairs("1'000'000")).toEqual([["1'000'000", 'number']]);
  });

  test('a percentage, a list and a number before other punctuation', () => {
    expect(pairs('70%')).toEqual([
      ['70', 'number'],
      ['%', 'punct'],
    ]);
    expect(surfaces('1,5, 2')).toEqual(['1,5', ',', '2']);
    expect(surfaces('2.000.')).toEqual(['2.000', '.']);
    expect(surfaces('(2023)')).toEqual(['(', '2023', ')']);
  });

  test('a long chain of digits and joiners is matched in linear time', () => {
    const text = '1-'.repeat(50_000) + "1'a";
    expect(pairs(text)).toEqual([[text, 'word']]);
    expect(tokenize('1-'.repeat(50_000))).toHaveLength(2);
  });
});

describe('punctuation and whitespace', () => {
  test.each([
    '.',
    ',',
    ';',
    ':',
    '!',
    '?',
    '„',
    '“',
    '”',
    '"',
    "'",
    '‚',
    '‘',
    '’',
    '»',
    '«',
    '–',
    '—',
    '…',
    '(',
    ')',
    '[',
    ']',
    '/',
    '|',
    '@',
    '%',
    '&',
  ])('%j is punctuation', (p) => {
    expect(pairs(p)).toEqual([[p, 'punct']]);
  });

  test('every punctuation character is its own token', () => {
    expect(surfaces('nicht.“')).toEqual(['nicht', '.', '“']);
    expect(surfaces('Wirklich?!')).toEqual(['Wirklich', '?', '!']);
  });

  test('three or more dots are one token, the ASCII ellipsis', () => {
    expect(pairs('beginnen... Dann')).toEqual([
      ['beginnen', 'word'],
      ['...', 'punct'],
      ['Dann', 'word'],
    ]);
    expect(surfaces('jemandem ... geben')).toEqual(['jemandem', '...', 'geben']);
    expect(surfaces('Ende.. Aus....')).toEqual(['Ende', '.', '.', 'Aus', '....']);
  });

  test('whitespace is never a token', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \t\n\r\u00A0\u2009\u202F\u2028\u3000\uFEFF')).toEqual([]);
    expect(pairs('Ausgegeben am:\n\n2 Minuten')).toEqual([
      ...words('Ausgegeben', 'am'),
      [':', 'punct'],
      ['2', 'number'],
      ['Minuten', 'word'],
    ]);
  });

  test('invisible control and format characters are skipped like whitespace', () => {
    expect(surfaces('a\u0000b\u200Bc\u200Ed')).toEqual(['a', 'b', 'c', 'd']);
  });

  test('emoji, flags, combining marks and lone surrogates are punctuation with exact offsets', () => {
    const text = 'Hallo 👋🏽 👨‍👩‍👧 🇩🇪 ❤️ \u0301 \uD800 x\uDC00';
    const tokens = tokenize(text);
    expectWellFormed(text, tokens);
    expect(tokens.map((t) => [t.surface, t.kind])).toEqual([
      ['Hallo', 'word'],
      ['👋🏽', 'punct'],
      ['👨‍👩‍👧', 'punct'],
      ['🇩🇪', 'punct'],
      ['❤️', 'punct'],
      ['\u0301', 'punct'],
      ['\uD800', 'punct'],
      ['x', 'word'],
      ['\uDC00', 'punct'],
    ]);
  });

  test('right-to-left text', () => {
    expect(pairs('שלום, עולם')).toEqual([
      ['שלום', 'word'],
      [',', 'punct'],
      ['עולם', 'word'],
    ]);
  });

  test('offsets of a quoted seed passage', () => {
    const text = '„Absolut. Ich würde damit beginnen …“, sagte Pence – am Mittwoch.';
    const tokens = tokenize(text);
    expectWellFormed(text, tokens);
    expect(tokens.slice(0, 3)).toEqual([
      { surface: '„', start: 0, end: 1, kind: 'punct' },
      { surface: 'Absolut', start: 1, end: 8, kind: 'word' },
      { surface: '.', start: 8, end: 9, kind: 'punct' },
    ]);
    expect(surfaces(text)).toEqual([
      '„',
      'Absolut',
      '.',
      'Ich',
      'würde',
      'damit',
      'beginnen',
      '…',
      '“',
      ',',
      'sagte',
      'Pence',
      '–',
      'am',
      'Mittwoch',
      '.',
    ]);
  });
});

// German-ish text: words, compounds, numbers, abbreviations, quotes and whitespace in any order.
const germanPieces = fc.constantFrom(
  'Die',
  'Ukraine',
  'hat',
  'größten',
  'Rückschläge',
  'Straße',
  'US-Dollar',
  'F-16-Kampfflugzeuge',
  'G7-Gesprächen',
  "King's",
  'Staats-',
  'und',
  '-politik',
  'z. B.',
  'z.B.',
  'Dr.',
  'u. a.',
  '2.000',
  '47.000',
  '11:30',
  '21.',
  '1,5',
  '.',
  ',',
  '!',
  '?',
  '…',
  '„',
  '“',
  '”',
  '»',
  '«',
  '’',
  "'",
  '-',
  '–',
  '—',
  '(',
  ')',
  '[',
  ']',
  ':',
  ';',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '\t',
  '\u00A0',
  '\u00AD',
  '\u200B',
  'é',
  '\u0301',
  '👍',
);
const germanish = fc.array(germanPieces, { maxLength: 60 }).map((parts) => parts.join(''));

describe('properties', () => {
  const texts = [
    ['binary strings', fc.string({ unit: 'binary' })],
    ['grapheme strings', fc.string({ unit: 'grapheme' })],
    ['German-ish text', germanish],
  ] as const;

  test.each(texts)('%s: offsets slice the text back, in order, without overlap or skipped characters', (_, arb) => {
    fc.assert(
      fc.property(arb, (text) => {
        const tokens = tokenize(text);
        expectWellFormed(text, tokens);
        expectNothingVisibleSkipped(text, tokens);
      }),
      { numRuns: 500 },
    );
  });

  test.each(texts)('%s: kinds are consistent and runs of letters are never cut', (_, arb) => {
    fc.assert(
      fc.property(arb, (text) => {
        const tokens = tokenize(text);
        tokens.forEach((t, i) => {
          if (t.kind === 'word') expect(t.surface).toMatch(/\p{L}/u);
          if (t.kind === 'number') expect(t.surface).toMatch(/^[^\p{L}]*\p{N}[^\p{L}]*$/u);
          if (t.kind === 'punct') expect(t.surface).not.toMatch(/^[\p{L}\p{N}]/u);
          const next = tokens[i + 1];
          // A word or number ends where its letters and digits end: the next token never continues them.
          if (next && next.start === t.end && t.kind !== 'punct')
            expect(next.surface).not.toMatch(/^[\p{L}\p{N}\p{M}]/u);
        });
      }),
      { numRuns: 500 },
    );
  });

  test('never throws on arbitrary Unicode, and is deterministic', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        expect(tokenize(text)).toEqual(tokenize(text));
      }),
      { numRuns: 500 },
    );
  });
});
