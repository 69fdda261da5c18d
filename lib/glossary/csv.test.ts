import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { glossaryToCsv, parseGlossaryCsv } from './csv';
import { EXCHANGE_FIELDS, formatOf } from './exchange';
import { GlossaryContentSchema, type TermContent } from './schema';

// The seed glossary as the database keeps it (domains in order).
const SEED = GlossaryContentSchema.parse(
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../prisma/content/glossary.json'), 'utf8')),
).map((entry) => ({ ...entry, domains: entry.domains.toSorted() }));

const noun: TermContent = {
  lemma: 'Abschreckung',
  kind: 'noun',
  gender: 'f',
  plural: 'Abschreckungen',
  genitive: 'der Abschreckung',
  separable: false,
  english: { preferred: 'deterrence', alternatives: ['deterrent effect', 'deterrent'] },
  definitionEn: 'Preventing an attack by the threat of retaliation.',
  definitionDe: 'Verhinderung eines Angriffs durch Androhung von Vergeltung.',
  usageNote: 'Often "nukleare Abschreckung".',
  domains: ['arms-control', 'military'],
  related: ['abschrecken', 'Vergeltung'],
  variants: ['Abschreckungswirkung'],
  source: 'Duden',
  sourceUrl: 'https://www.duden.de/rechtschreibung/Abschreckung',
  grammarOverride: 'Checked against Duden.',
};

const HEADER = EXCHANGE_FIELDS.join(',');
const rowsOf = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true }).data;

describe('glossaryToCsv', () => {
  test('one row per entry under stable column names, lists joined with " | "', () => {
    const csv = glossaryToCsv([noun]);
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(rowsOf(csv)[0]).toEqual({
      lemma: 'Abschreckung',
      kind: 'noun',
      gender: 'f',
      plural: 'Abschreckungen',
      genitive: 'der Abschreckung',
      separable: 'false',
      english_preferred: 'deterrence',
      english_alternatives: 'deterrent effect | deterrent',
      definition_en: noun.definitionEn,
      definition_de: noun.definitionDe,
      usage_note: noun.usageNote,
      domains: 'arms-control | military',
      related: 'abschrecken | Vergeltung',
      variants: 'Abschreckungswirkung',
      source: 'Duden',
      source_url: noun.sourceUrl,
      grammar_override: 'Checked against Duden.',
    });
    expect(formatOf(csv)).toBe('csv');
  });

  test('a cell a spreadsheet would run as a formula is defused, and read back as it was', () => {
    const formula: TermContent = { ...noun, source: '=HYPERLINK("http://evil")', usageNote: "'quoted" };
    const csv = glossaryToCsv([formula]);
    expect(rowsOf(csv)[0]).toMatchObject({ source: `'=HYPERLINK("http://evil")`, usage_note: "''quoted" });
    expect(parseGlossaryCsv(csv).entries[0]!.content).toEqual(formula);
  });

  test('commas, quotes and line breaks survive', () => {
    const tricky: TermContent = {
      ...noun,
      definitionEn: 'Line one, with "quotes"\nline two; and a tab\there',
      usageNote: null,
      sourceUrl: null,
      grammarOverride: null,
    };
    expect(parseGlossaryCsv(glossaryToCsv([tricky]))).toEqual({
      entries: [{ at: { line: 2 }, content: tricky }],
      errors: [],
    });
  });
});

describe('parseGlossaryCsv', () => {
  test('reads back every entry of the seed glossary as it was, each with its line', () => {
    const parsed = parseGlossaryCsv(glossaryToCsv(SEED));
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((entry) => entry.content)).toEqual(SEED);
    // Lines count the line breaks inside quoted cells.
    const text = glossaryToCsv(SEED).replace(/\r\n/g, '\n');
    const last = parsed.entries.at(-1)!;
    expect(text.split('\n')[(last.at as { line: number }).line - 1]!.startsWith(last.content.lemma)).toBe(true);
  });

  test('a spreadsheet file: semicolons, columns in another order, optional columns missing', () => {
    const csv = [
      'Kind;Lemma;English preferred;Definition EN;Definition DE;Domains;Source;Separable',
      'verb;abschrecken;deter;To discourage.;Abhalten.;military;DWDS;TRUE',
    ].join('\n');
    expect(parseGlossaryCsv(csv)).toEqual({
      entries: [
        {
          at: { line: 2 },
          content: {
            lemma: 'abschrecken',
            kind: 'verb',
            gender: null,
            plural: null,
            genitive: null,
            separable: true,
            english: { preferred: 'deter', alternatives: [] },
            definitionEn: 'To discourage.',
            definitionDe: 'Abhalten.',
            usageNote: null,
            domains: ['military'],
            related: [],
            variants: [],
            source: 'DWDS',
            sourceUrl: null,
            grammarOverride: null,
          },
        },
      ],
      errors: [],
    });
  });

  test('a file without the required columns is refused at line 1', () => {
    expect(parseGlossaryCsv('lemma,kind\nKrieg,noun\n').errors).toEqual([
      {
        at: { line: 1 },
        messageKey: 'glossaryExchange:errors.missingColumns',
        values: { columns: 'english_preferred, definition_en, definition_de, domains, source' },
      },
    ]);
  });

  test('each bad row is reported with its line, column and lemma; the good ones are read', () => {
    const lines = glossaryToCsv([noun, { ...noun, lemma: 'Vergeltung' }, { ...noun, lemma: 'abschrecken' }])
      .replace(/\r\n/g, '\n')
      .split('\n');
    lines[2] = lines[2]!.replace(',f,', ',x,').replace('arms-control | military', 'arms-control | weather');
    lines[3] = lines[3]!.replace(',false,', ',maybe,');
    const parsed = parseGlossaryCsv(lines.join('\n'));
    expect(parsed.entries.map((entry) => entry.content.lemma)).toEqual(['Abschreckung']);
    expect(parsed.errors).toEqual([
      { at: { line: 3 }, lemma: 'Vergeltung', field: 'gender', messageKey: 'glossaryExchange:errors.unknownValue' },
      { at: { line: 3 }, lemma: 'Vergeltung', field: 'domains', messageKey: 'glossaryExchange:errors.unknownValue' },
      {
        at: { line: 4 },
        lemma: 'abschrecken',
        field: 'separable',
        messageKey: 'glossaryExchange:errors.unknownValue',
      },
    ]);
  });

  test('a row with too few cells, an unclosed quote and an empty required cell', () => {
    const csv = [HEADER, 'Krieg,noun', `Frieden,noun,m,,,false,peace,,"unclosed,,,,,,,,,`].join('\n');
    expect(parseGlossaryCsv(csv).errors).toMatchObject([
      { at: { line: 2 }, messageKey: 'glossaryExchange:errors.fieldCount', values: { expected: 17, found: 2 } },
      { at: { line: 3 }, messageKey: 'glossaryExchange:errors.malformedCsv' },
    ]);
    const empty = glossaryToCsv([{ ...noun, source: 'x' }]).replace(',x,', ', ,');
    expect(parseGlossaryCsv(empty).errors).toEqual([
      { at: { line: 2 }, lemma: 'Abschreckung', field: 'source', messageKey: 'glossaryExchange:errors.required' },
    ]);
  });

  test('the entry rules: grammar only for nouns, separable only for verbs, one to three domains, a web address', () => {
    const bad = glossaryToCsv([
      { ...noun, kind: 'adjective', gender: null, plural: 'x', genitive: null },
      { ...noun, lemma: 'B', domains: ['military', 'politics', 'media', 'economy'] },
      { ...noun, lemma: 'C', sourceUrl: 'javascript:alert(1)' },
    ]);
    expect(parseGlossaryCsv(bad).errors).toEqual([
      { at: { line: 2 }, lemma: 'Abschreckung', messageKey: 'glossaryExchange:errors.nounGrammarOnly' },
      { at: { line: 3 }, lemma: 'B', field: 'domains', messageKey: 'glossaryExchange:errors.domainCount' },
      { at: { line: 4 }, lemma: 'C', field: 'source_url', messageKey: 'glossaryExchange:errors.invalidUrl' },
    ]);
  });

  test('an empty or binary file', () => {
    expect(parseGlossaryCsv(`${HEADER}\n`).errors).toEqual([
      { at: null, messageKey: 'glossaryExchange:errors.noEntries' },
    ]);
    expect(parseGlossaryCsv('a\u0000b').errors).toEqual([{ at: null, messageKey: 'glossaryExchange:errors.notCsv' }]);
  });
});
