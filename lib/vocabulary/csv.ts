import Papa from 'papaparse';
import { z } from 'zod';
import { germanArticle } from '@/lib/glossary/grammar';
import { escapeCell, headerName, readCsvRows, unescapeCell } from '@/lib/spreadsheet-csv';
import { CONTEXT_MAX, LemmaSchema, NotesSchema, TagsSchema, TranslationSchema } from './schema';
import { VocabularyStatusSchema, type VocabularyStatus } from './status';
import type { ExportEntry, ImportError } from './types';

// Export and import of a learner's words. Pure: text in, text or rows out.

export const CSV_COLUMNS = [
  'lemma',
  'status',
  'translation',
  'notes',
  'tags',
  'context_de',
  'context_en',
  'article',
  'gender',
  'plural',
] as const;
/** Most rows one import takes: a larger file is refused whole. */
export const IMPORT_ROWS_MAX = 5000;
/** Tags in one CSV cell are separated by `; ` (tags may hold spaces, never `;`). */
const TAG_SEPARATOR = '; ';

/**
 * RFC 4180 CSV (CRLF, quoted where needed) with a header row and a UTF-8 byte order mark, so that
 * Excel reads umlauts right. Tags are `; `-separated.
 */
export function entriesToCsv(entries: readonly ExportEntry[]): string {
  const rows = entries.map((e) =>
    [
      e.lemma,
      e.status,
      e.translation,
      e.notes,
      e.tags.join(TAG_SEPARATOR),
      e.contextDe ?? '',
      e.contextEn ?? '',
      e.article ?? '',
      e.gender ?? '',
      e.plural ?? '',
    ].map(escapeCell),
  );
  return `\uFEFF${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`;
}

/** "die Werkzeugmaschine, die Werkzeugmaschinen" for a noun with known gender; the bare lemma otherwise. */
export function ankiFront(entry: Pick<ExportEntry, 'lemma' | 'gender' | 'plural'>): string {
  const article = germanArticle(entry.gender);
  if (!article) return entry.lemma;
  return entry.plural ? `${article} ${entry.lemma}, die ${entry.plural}` : `${article} ${entry.lemma}`;
}

/** An Anki tag: no spaces (Anki separates tags by them). */
const ankiTag = (tag: string) => tag.trim().replace(/\s+/g, '_');

// Anki's text importer reads fields like CSV: a field with the separator, a quote or a line break is
// quoted, quotes doubled. html:false makes Anki show the text as text. The file is tab-separated text
// a spreadsheet opens just as well, so a field that would start a formula is defused as in the CSV.
const ankiField = (cell: string) => {
  const value = escapeCell(cell);
  return /[\t\n\r"]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
};

/**
 * A tab-separated notes file that Anki (2.1.55+) imports as it is: Front (German, nouns with article
 * and plural), Back, Context, ContextEnglish, Notes, and tags (`lesebruecke`, the status, the learner's
 * tags). Columns are named, so a note type with these field names maps itself; Basic takes Front/Back.
 */
export function entriesToAnki(entries: readonly ExportEntry[]): string {
  const header = [
    '#separator:tab',
    '#html:false',
    '#columns:Front\tBack\tContext\tContextEnglish\tNotes\tTags',
    '#tags column:6',
  ];
  const lines = entries.map((e) =>
    [
      ankiFront(e),
      e.translation,
      e.contextDe ?? '',
      e.contextEn ?? '',
      e.notes,
      ['lesebruecke', `status::${e.status}`, ...e.tags.map(ankiTag)].join(' '),
    ]
      .map(ankiField)
      .join('\t'),
  );
  return `${[...header, ...lines].join('\n')}\n`;
}

/** A valid import row. A field whose column the file lacks is undefined: importing leaves it as it is. */
export type ImportRow = {
  line: number;
  lemma: string;
  status: VocabularyStatus;
  translation?: string;
  notes?: string;
  tags?: string[];
  contextDe?: string | null;
  contextEn?: string | null;
  article?: string | null;
};

export type ParsedImport = { rows: ImportRow[]; errors: ImportError[] };

const optionalText = z
  .string()
  .trim()
  .max(CONTEXT_MAX, 'vocabulary:import.contextTooLong')
  .transform((text) => text || null);

const RowSchema = z.object({
  lemma: LemmaSchema,
  status: z
    .string()
    .optional()
    .transform((status) => status?.trim() || 'new')
    .pipe(VocabularyStatusSchema),
  translation: TranslationSchema.optional(),
  notes: NotesSchema.optional(),
  tags: z
    .string()
    .transform((cell) =>
      cell
        .split(';')
        .map((tag) => tag.trim())
        .filter(Boolean),
    )
    .pipe(TagsSchema)
    .optional(),
  context_de: optionalText.optional(),
  context_en: optionalText.optional(),
  article: z
    .string()
    .trim()
    .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/, 'vocabulary:errors.article')
    .transform((slug) => slug || null)
    .optional(),
});

const KNOWN_COLUMNS: ReadonlySet<string> = new Set(CSV_COLUMNS);

/**
 * Reads a vocabulary CSV (as written by entriesToCsv, or by a spreadsheet: `,` `;` or tab separated,
 * BOM tolerated, columns in any order, unknown columns ignored, only `lemma` required). Each bad row is
 * reported with its line number (1 = the header) and field; valid rows come back parsed.
 */
export function parseVocabularyCsv(input: string): ParsedImport {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.includes('\u0000')) return { rows: [], errors: [{ line: 1, messageKey: 'vocabulary:import.notCsv' }] };
  if (text.trim() === '') return { rows: [], errors: [{ line: 1, messageKey: 'vocabulary:import.empty' }] };

  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  const seen = new Set<string>();
  let header: (string | null)[] | null = null;
  let dataRows = 0;

  readCsvRows(text, ({ line, cells }) => {
    if (!cells) {
      errors.push({ line, messageKey: 'vocabulary:import.malformed' });
      return;
    }
    if (!header) {
      header = cells
        .map(headerName)
        .map((name, i, all) => (KNOWN_COLUMNS.has(name) && all.indexOf(name) === i ? name : null));
      if (!header.includes('lemma')) {
        errors.push({ line, messageKey: 'vocabulary:import.missingHeader' });
        return 'stop';
      }
      return;
    }
    if (++dataRows > IMPORT_ROWS_MAX) {
      errors.push({ line, messageKey: 'vocabulary:import.tooManyRows' });
      return 'stop';
    }
    if (cells.length !== header.length) {
      errors.push({ line, messageKey: 'vocabulary:import.fieldCount' });
      return;
    }
    const record: Record<string, string> = {};
    header.forEach((name, i) => {
      if (name) record[name] = unescapeCell(cells[i]!);
    });
    const parsed = RowSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        errors.push({
          line,
          field,
          messageKey: issue.message.startsWith('vocabulary:') ? issue.message : 'vocabulary:import.invalidValue',
        });
      }
      return;
    }
    const {
      lemma,
      status,
      translation,
      notes,
      tags,
      context_de: contextDe,
      context_en: contextEn,
      article,
    } = parsed.data;
    if (seen.has(lemma)) {
      errors.push({ line, field: 'lemma', messageKey: 'vocabulary:import.duplicateLemma' });
      return;
    }
    seen.add(lemma);
    rows.push({ line, lemma, status, translation, notes, tags, contextDe, contextEn, article });
  });
  if (!header) errors.push({ line: 1, messageKey: 'vocabulary:import.missingHeader' });
  else if (!errors.length && rows.length === 0) errors.push({ line: 2, messageKey: 'vocabulary:import.empty' });
  return { rows, errors };
}
