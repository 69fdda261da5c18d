import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { ankiFront, CSV_COLUMNS, entriesToAnki, entriesToCsv, IMPORT_ROWS_MAX, parseVocabularyCsv } from './csv';
import type { ExportEntry } from './types';

const machine: ExportEntry = {
  lemma: 'Werkzeugmaschine',
  status: 'learning-2',
  translation: 'machine tool',
  notes: 'Line one\nline "two", with comma',
  tags: ['Rüstung', 'Kapitel 3'],
  contextDe: 'China liefert Werkzeugmaschinen.',
  contextEn: 'China supplies machine tools.',
  article: 'china-hilft-russland-aufruestung',
  gender: 'f',
  plural: 'Werkzeugmaschinen',
};
const formula: ExportEntry = {
  lemma: 'essen',
  status: 'known',
  translation: '=HYPERLINK("http://x")',
  notes: "'quoted already",
  tags: [],
  contextDe: null,
  contextEn: null,
  article: null,
  gender: null,
  plural: null,
};

test('CSV: BOM, header, CRLF, RFC 4180 quoting; cells that start a formula are defused', () => {
  const csv = entriesToCsv([machine, formula]);
  expect(
    csv.startsWith('\uFEFFlemma,status,translation,notes,tags,context_de,context_en,article,gender,plural\r\n'),
  ).toBe(true);
  const cells = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
  expect(cells[0]).toEqual([...CSV_COLUMNS]);
  expect(cells[1]![3]).toBe(machine.notes);
  expect(cells[1]![4]).toBe('Rüstung; Kapitel 3');
  expect(cells[2]![2]).toBe(`'=HYPERLINK("http://x")`);
  expect(cells[2]![3]).toBe("''quoted already");
  for (const start of ['+1', '-1', '@SUM(A1)'])
    expect(entriesToCsv([{ ...formula, notes: start }])).toContain(`'${start}`);
});

test('CSV round trip: what is exported is read back unchanged', () => {
  const { rows, errors } = parseVocabularyCsv(entriesToCsv([machine, formula]));
  expect(errors).toEqual([]);
  expect(rows).toEqual([
    {
      line: 2,
      lemma: 'Werkzeugmaschine',
      status: 'learning-2',
      translation: 'machine tool',
      notes: machine.notes,
      tags: ['Rüstung', 'Kapitel 3'],
      contextDe: machine.contextDe,
      contextEn: machine.contextEn,
      article: machine.article,
    },
    // Line 4, not 3: the notes of line 2 span two lines.
    {
      line: 4,
      lemma: 'essen',
      status: 'known',
      translation: formula.translation,
      notes: formula.notes,
      tags: [],
      contextDe: null,
      contextEn: null,
      article: null,
    },
  ]);
});

test('Anki: file headers, noun with article and plural, tags without spaces, quoted fields', () => {
  const lines = entriesToAnki([machine, formula]).split('\n');
  expect(lines.slice(0, 4)).toEqual([
    '#separator:tab',
    '#html:false',
    '#columns:Front\tBack\tContext\tContextEnglish\tNotes\tTags',
    '#tags column:6',
  ]);
  const note = Papa.parse<string[]>(lines.slice(4).join('\n'), { delimiter: '\t', skipEmptyLines: true }).data;
  expect(note[0]).toEqual([
    'die Werkzeugmaschine, die Werkzeugmaschinen',
    'machine tool',
    machine.contextDe,
    machine.contextEn,
    machine.notes,
    'lesebruecke status::learning-2 Rüstung Kapitel_3',
  ]);
  expect(note[1]![0]).toBe('essen');
  expect(ankiFront({ lemma: 'Panzer', gender: 'm', plural: null })).toBe('der Panzer');
  expect(ankiFront({ lemma: 'Abkommen', gender: 'n', plural: 'Abkommen' })).toBe('das Abkommen, die Abkommen');
});

test('Anki: fields that would start a spreadsheet formula are defused as in the CSV', () => {
  for (const start of ['=HYPERLINK("http://x")', '+1', '-1', '@SUM(A1)', '\tcmd', "'quoted"]) {
    const entry = { ...formula, lemma: start, translation: start, notes: start, contextDe: start, contextEn: start };
    const lines = entriesToAnki([entry]).split('\n');
    const [note] = Papa.parse<string[]>(lines.slice(4).join('\n'), { delimiter: '\t', skipEmptyLines: true }).data;
    expect(note!.slice(0, 5), start).toEqual(Array(5).fill(`'${start}`));
  }
  // A noun's front starts with its article, so it never needs it.
  expect(entriesToAnki([{ ...formula, lemma: '=Panzer', gender: 'm' }])).toContain('der =Panzer\t');
});

test('spreadsheet files: semicolons, any column order, only lemma required, BOM and CRLF tolerated', () => {
  const { rows, errors } = parseVocabularyCsv('\uFEFFStatus;Lemma;Extra\r\nknown;Panzer;x\r\n\r\n;Essen;y\r\n');
  expect(errors).toEqual([]);
  expect(rows).toEqual(
    [
      { line: 2, lemma: 'Panzer', status: 'known' },
      { line: 4, lemma: 'Essen', status: 'new' },
    ].map((r) => ({
      ...r,
      translation: undefined,
      notes: undefined,
      tags: undefined,
      contextDe: undefined,
      contextEn: undefined,
      article: undefined,
    })),
  );
});

test('bad rows are reported with line, field and key; good rows still parse', () => {
  const text = [
    'lemma,status,translation',
    'Panzer,known,tank',
    ',new,',
    'Essen,gelernt,',
    `${'x'.repeat(101)},new,`,
    'Panzer,new,',
    'Essen,new',
    'essen,"new,x',
    'ok,new,',
  ].join('\n');
  const { rows, errors } = parseVocabularyCsv(text);
  expect(rows.map((r) => r.lemma)).toEqual(['Panzer']);
  expect(errors).toEqual([
    { line: 3, field: 'lemma', messageKey: 'vocabulary:errors.lemmaRequired' },
    { line: 4, field: 'status', messageKey: 'vocabulary:errors.status' },
    { line: 5, field: 'lemma', messageKey: 'vocabulary:errors.lemmaTooLong' },
    { line: 6, field: 'lemma', messageKey: 'vocabulary:import.duplicateLemma' },
    { line: 7, messageKey: 'vocabulary:import.fieldCount' },
    { line: 8, messageKey: 'vocabulary:import.malformed' },
  ]);
});

test('files that are not vocabulary CSV are refused with one clear error', () => {
  expect(parseVocabularyCsv('').errors).toEqual([{ line: 1, messageKey: 'vocabulary:import.empty' }]);
  expect(parseVocabularyCsv('word,meaning\nPanzer,tank').errors).toEqual([
    { line: 1, messageKey: 'vocabulary:import.missingHeader' },
  ]);
  expect(parseVocabularyCsv('\u0089PNG\r\n\u001a\n\u0000\u0000').errors).toEqual([
    { line: 1, messageKey: 'vocabulary:import.notCsv' },
  ]);
  expect(parseVocabularyCsv('{"lemma": "Panzer"}').errors).toEqual([
    { line: 1, messageKey: 'vocabulary:import.missingHeader' },
  ]);
  expect(parseVocabularyCsv('lemma\n').errors).toEqual([{ line: 2, messageKey: 'vocabulary:import.empty' }]);
  const many = ['lemma', ...Array.from({ length: IMPORT_ROWS_MAX + 1 }, (_, i) => `w${i}`)].join('\n');
  expect(parseVocabularyCsv(many).errors).toEqual([
    { line: IMPORT_ROWS_MAX + 2, messageKey: 'vocabulary:import.tooManyRows' },
  ]);
});
