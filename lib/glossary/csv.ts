import Papa from 'papaparse';
import { escapeCell, headerName, readCsvRows, unescapeCell } from '@/lib/spreadsheet-csv';
import {
  checkEntry,
  errorKey,
  EXCHANGE_ENTRIES_MAX,
  EXCHANGE_FIELDS,
  type ExchangeError,
  type ExchangeField,
  type ParsedEntry,
  type ParsedFile,
} from './exchange';
import type { TermContent } from './schema';

// The glossary as CSV, one row per entry, and back. Pure. Columns are EXCHANGE_FIELDS, lists joined
// with " | " (no list item holds "|"), empty cells for absent values
// (docs/decisions/034-glossary-exchange-tbx-csv.md).

export const LIST_SEPARATOR = ' | ';
/** Columns a file must have; any other column it lacks reads as empty. */
const REQUIRED: readonly ExchangeField[] = [
  'lemma',
  'kind',
  'english_preferred',
  'definition_en',
  'definition_de',
  'domains',
  'source',
];

function cellsOf(entry: TermContent): Record<ExchangeField, string> {
  return {
    lemma: entry.lemma,
    kind: entry.kind,
    gender: entry.gender ?? '',
    plural: entry.plural ?? '',
    genitive: entry.genitive ?? '',
    separable: String(entry.separable),
    english_preferred: entry.english.preferred,
    english_alternatives: entry.english.alternatives.join(LIST_SEPARATOR),
    definition_en: entry.definitionEn,
    definition_de: entry.definitionDe,
    usage_note: entry.usageNote ?? '',
    domains: entry.domains.join(LIST_SEPARATOR),
    related: entry.related.join(LIST_SEPARATOR),
    variants: entry.variants.join(LIST_SEPARATOR),
    source: entry.source,
    source_url: entry.sourceUrl ?? '',
    grammar_override: entry.grammarOverride ?? '',
  };
}

/**
 * RFC 4180 CSV (CRLF, quoted where needed) with a header row and a UTF-8 byte order mark, so that
 * Excel reads umlauts; a cell a spreadsheet would run as a formula starts with `'` (as the vocabulary's).
 */
export function glossaryToCsv(entries: readonly TermContent[]): string {
  const rows = entries.map((entry) => {
    const cells = cellsOf(entry);
    return EXCHANGE_FIELDS.map((field) => escapeCell(cells[field]));
  });
  return `\uFEFF${Papa.unparse({ fields: [...EXCHANGE_FIELDS], data: rows }, { newline: '\r\n' })}\r\n`;
}

const KNOWN: ReadonlySet<string> = new Set(EXCHANGE_FIELDS);
const list = (cell: string) =>
  cell.trim() === ''
    ? []
    : cell
        .split('|')
        .map((item) => item.trim())
        .filter(Boolean);
const orNull = (cell: string) => (cell.trim() === '' ? null : cell);

/**
 * Reads a glossary CSV (as glossaryToCsv writes it, or a spreadsheet's: `,` `;` or tab separated, BOM
 * tolerated, columns in any order, unknown ones ignored). Each problem is reported with its line
 * (1 = the header; a quoted cell may span lines) and column.
 */
export function parseGlossaryCsv(input: string): ParsedFile {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const entries: ParsedEntry[] = [];
  const errors: ExchangeError[] = [];
  if (text.includes('\u0000')) return { entries, errors: [{ at: null, messageKey: errorKey('notCsv') }] };

  let header: (ExchangeField | null)[] | null = null;
  let rows = 0;
  readCsvRows(text, ({ line, cells }) => {
    const at = { line };
    if (!cells) {
      errors.push({ at, messageKey: errorKey('malformedCsv') });
      return;
    }
    if (!header) {
      header = cells
        .map(headerName)
        .map((name, i, all) => (KNOWN.has(name) && all.indexOf(name) === i ? (name as ExchangeField) : null));
      const missing = REQUIRED.filter((column) => !header!.includes(column));
      if (missing.length) {
        errors.push({ at, messageKey: errorKey('missingColumns'), values: { columns: missing.join(', ') } });
        return 'stop';
      }
      return;
    }
    if (++rows > EXCHANGE_ENTRIES_MAX) {
      errors.push({ at, messageKey: errorKey('tooManyEntries'), values: { max: EXCHANGE_ENTRIES_MAX } });
      return 'stop';
    }
    if (cells.length !== header.length) {
      errors.push({
        at,
        messageKey: errorKey('fieldCount'),
        values: { expected: header.length, found: cells.length },
      });
      return;
    }
    const cell = Object.fromEntries(EXCHANGE_FIELDS.map((field) => [field, ''])) as Record<ExchangeField, string>;
    header.forEach((name, i) => {
      if (name) cell[name] = unescapeCell(cells[i]!);
    });
    const lemma = cell.lemma.trim();
    const separable = cell.separable.trim().toLowerCase();
    if (separable !== '' && separable !== 'true' && separable !== 'false') {
      errors.push({ at, ...(lemma && { lemma }), field: 'separable', messageKey: errorKey('unknownValue') });
      return;
    }
    const gender = cell.gender.trim();
    const checked = checkEntry(
      {
        lemma: cell.lemma,
        kind: cell.kind.trim(),
        // An unknown gender is passed on as it is, for the entry's check to refuse.
        gender: (gender === '' ? null : gender) as TermContent['gender'],
        plural: orNull(cell.plural),
        genitive: orNull(cell.genitive),
        separable: separable === 'true',
        englishPreferred: cell.english_preferred,
        englishAlternatives: list(cell.english_alternatives),
        definitionEn: cell.definition_en,
        definitionDe: cell.definition_de,
        usageNote: orNull(cell.usage_note),
        domains: list(cell.domains),
        related: list(cell.related),
        variants: list(cell.variants),
        source: cell.source,
        sourceUrl: orNull(cell.source_url)?.trim() ?? null,
        grammarOverride: orNull(cell.grammar_override),
      },
      at,
    );
    if ('errors' in checked) errors.push(...checked.errors);
    else entries.push({ at, content: checked.content });
  });
  if (!header)
    errors.push({ at: { line: 1 }, messageKey: errorKey('missingColumns'), values: { columns: REQUIRED.join(', ') } });
  else if (!errors.length && entries.length === 0) errors.push({ at: null, messageKey: errorKey('noEntries') });
  return { entries, errors };
}
