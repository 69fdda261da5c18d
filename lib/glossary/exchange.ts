import { z } from 'zod';
import { type TermContent, TermContentSchema } from './schema';

// What the glossary's two exchange formats (TBX-Basic, lib/glossary/tbx.ts; CSV, lib/glossary/csv.ts)
// share: the field names, numbered errors, the check of one entry and of a whole file. Pure
// (docs/decisions/034-glossary-exchange-tbx-csv.md). Messages are i18n keys of `glossary-exchange`.

export const EXCHANGE_FORMATS = ['tbx', 'csv'] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

/** Characters an uploaded file may have: about 2 MB, sent once to preview and once to import (next.config.mjs allows 5 MB). */
export const EXCHANGE_TEXT_MAX = 2_000_000;
/** Entries one file may hold: a larger one is refused whole. */
export const EXCHANGE_ENTRIES_MAX = 5000;

/** An entry's fields by the names the CSV's columns and every error use. */
export const EXCHANGE_FIELDS = [
  'lemma',
  'kind',
  'gender',
  'plural',
  'genitive',
  'separable',
  'english_preferred',
  'english_alternatives',
  'definition_en',
  'definition_de',
  'usage_note',
  'domains',
  'related',
  'variants',
  'source',
  'source_url',
  'grammar_override',
] as const;
export type ExchangeField = (typeof EXCHANGE_FIELDS)[number];

/** Where in the file: a CSV line (1 = the header row), a TBX conceptEntry (1 = the first), or a line of malformed XML. */
export type ExchangePlace = { line: number } | { entry: number };

/** One problem of an imported file, with its place where it has one (a whole-file problem has none). */
export type ExchangeError = {
  at: ExchangePlace | null;
  messageKey: string;
  field?: ExchangeField;
  lemma?: string;
  /** Values for the message (a refused value, the parser's own words for malformed XML). */
  values?: Record<string, string | number>;
};

/** An entry the file holds, checked on its own, and where it is. */
export type ParsedEntry = { at: ExchangePlace; content: TermContent };
export type ParsedFile = { entries: ParsedEntry[]; errors: ExchangeError[] };

/** An entry as a format reads it, before its check: each field raw, as the format had it. */
export type RawEntry = {
  lemma: string;
  kind: string;
  gender: TermContent['gender'];
  plural: string | null;
  genitive: string | null;
  separable: boolean;
  englishPreferred: string;
  englishAlternatives: string[];
  definitionEn: string;
  definitionDe: string;
  usageNote: string | null;
  domains: string[];
  related: string[];
  variants: string[];
  source: string;
  sourceUrl: string | null;
  grammarOverride: string | null;
};

const K = 'glossaryExchange:errors.';
/** The i18n key of an error (`glossaryExchange:errors.<name>`). */
export const errorKey = (name: string) => `${K}${name}`;

/** The field a schema issue's path names. */
const FIELD_OF_PATH: Record<string, ExchangeField> = {
  lemma: 'lemma',
  kind: 'kind',
  gender: 'gender',
  plural: 'plural',
  genitive: 'genitive',
  separable: 'separable',
  definitionEn: 'definition_en',
  definitionDe: 'definition_de',
  usageNote: 'usage_note',
  domains: 'domains',
  related: 'related',
  variants: 'variants',
  source: 'source',
  sourceUrl: 'source_url',
  grammarOverride: 'grammar_override',
};
const fieldOfPath = (path: readonly PropertyKey[]): ExchangeField | undefined =>
  path[0] === 'english'
    ? path[1] === 'preferred'
      ? 'english_preferred'
      : 'english_alternatives'
    : FIELD_OF_PATH[String(path[0])];

// The whole-entry rules of TermContentSchema (its refinements), by their messages.
const ENTRY_RULES: Record<string, string> = {
  'only nouns have gender, plural and genitive': 'nounGrammarOnly',
  'only verbs are separable': 'separableVerbsOnly',
};

/** A schema issue as an exchange error. */
function errorOfIssue(issue: z.core.$ZodIssue, at: ExchangePlace, lemma: string): ExchangeError {
  const field = fieldOfPath(issue.path);
  const base = { at, ...(lemma && { lemma }), ...(field && { field }) };
  if (!field) return { ...base, messageKey: errorKey(ENTRY_RULES[issue.message] ?? 'invalidEntry') };
  if (field === 'domains' && (issue.code === 'too_small' || issue.code === 'too_big'))
    return { ...base, messageKey: errorKey('domainCount') };
  if (issue.code === 'invalid_value') return { ...base, messageKey: errorKey('unknownValue') };
  if (issue.code === 'invalid_format') return { ...base, messageKey: errorKey('invalidUrl') };
  return { ...base, messageKey: errorKey('required') };
}

const nfc = (text: string) => text.normalize('NFC');
const nfcOrNull = (text: string | null) => (text === null ? null : nfc(text));

/**
 * Checks one entry as a format read it against TermContentSchema: the entry (text in NFC, domains in
 * order and once each, as the database keeps them), or its errors at `at`.
 */
export function checkEntry(raw: RawEntry, at: ExchangePlace): { content: TermContent } | { errors: ExchangeError[] } {
  const parsed = TermContentSchema.safeParse({
    lemma: nfc(raw.lemma),
    kind: raw.kind,
    gender: raw.gender,
    plural: nfcOrNull(raw.plural),
    genitive: nfcOrNull(raw.genitive),
    separable: raw.separable,
    english: { preferred: nfc(raw.englishPreferred), alternatives: raw.englishAlternatives.map(nfc) },
    definitionEn: nfc(raw.definitionEn),
    definitionDe: nfc(raw.definitionDe),
    usageNote: nfcOrNull(raw.usageNote),
    domains: [...new Set(raw.domains)].sort(),
    related: raw.related.map(nfc),
    variants: raw.variants.map(nfc),
    source: nfc(raw.source),
    sourceUrl: raw.sourceUrl,
    grammarOverride: nfcOrNull(raw.grammarOverride),
  });
  if (parsed.success) return { content: parsed.data };
  const lemma = raw.lemma.trim();
  return { errors: parsed.error.issues.map((issue) => errorOfIssue(issue, at, lemma)) };
}

/**
 * The rules of a whole file (as GlossaryContentSchema's): each lemma once, and every related entry
 * either in the file or approved in the glossary (`approved`).
 */
export function checkFile(entries: readonly ParsedEntry[], approved: ReadonlySet<string>): ExchangeError[] {
  const errors: ExchangeError[] = [];
  const lemmas = new Set<string>();
  for (const { at, content } of entries) {
    if (lemmas.has(content.lemma))
      errors.push({ at, lemma: content.lemma, field: 'lemma', messageKey: errorKey('duplicateLemma') });
    lemmas.add(content.lemma);
  }
  for (const { at, content } of entries) {
    for (const related of content.related) {
      if (!lemmas.has(related) && !approved.has(related))
        errors.push({
          at,
          lemma: content.lemma,
          field: 'related',
          messageKey: errorKey('unknownRelated'),
          values: { related },
        });
    }
  }
  return errors;
}

/** Which format a file is in: XML starts with `<` (after a byte order mark and blanks); anything else is CSV. */
export function formatOf(text: string): ExchangeFormat {
  return /^\uFEFF?\s*</.test(text) ? 'tbx' : 'csv';
}

/** Where an error is, for sorting: whole-file problems first, then by line or entry number. */
export const placeNumber = (at: ExchangePlace | null) => (at === null ? 0 : 'line' in at ? at.line : at.entry);

/** The export route's `format` parameter. */
export const ExportFormatSchema = z.enum(EXCHANGE_FORMATS, errorKey('format'));

/** The import commands' input: the file's text (its format is read from it). */
export const ExchangeTextSchema = z
  .string({ error: errorKey('empty') })
  .max(EXCHANGE_TEXT_MAX, errorKey('tooLarge'))
  .refine((text) => text.trim() !== '', errorKey('empty'));

/** What importing does to an entry: create it, update it (and approve it), or leave it as it is. */
export const IMPORT_ACTIONS = ['create', 'update', 'unchanged'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];
/** A field an import changes: one of the entry's, or its status (an imported entry is approved). */
export type ChangedField = ExchangeField | 'status';

/** What importing a file would do, entry by entry, and every error of the file. */
export type GlossaryImportPreview = {
  format: ExchangeFormat;
  entries: { at: ExchangePlace; lemma: string; action: ImportAction; changed: ChangedField[] }[];
  errors: ExchangeError[];
};
/** What an import did: the lemmas it created and updated, and how many entries it left as they were. */
export type GlossaryImportSummary = { created: string[]; updated: string[]; unchanged: number };
