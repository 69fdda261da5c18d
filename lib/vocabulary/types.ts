import type { VocabularyStatus } from './status';

// Plain, serialisable view types (actions answer them as Result<T> of lib/result.ts). Every message is
// an i18n key (namespace `vocabulary`).

/** One learner word as lists, cards and forms show it. Dates are ISO strings. */
export type VocabularyEntryView = {
  id: string;
  lemma: string;
  status: VocabularyStatus;
  translation: string;
  notes: string;
  tags: string[];
  contextDe: string | null;
  contextEn: string | null;
  article: { slug: string; titleDe: string } | null;
  anchor: string | null;
  surface: string | null;
  /** The glossary term of the same lemma, with its noun grammar. */
  term: { lemma: string; gender: 'm' | 'f' | 'n' | null; plural: string | null } | null;
  /** A noun's gender: the glossary term's, else the lemma table's (lib/vocabulary/queries.server.ts); null otherwise. */
  nounGender: 'm' | 'f' | 'n' | null;
  statusChangedAt: string;
  createdAt: string;
  updatedAt: string;
};

export type EntryPage = {
  entries: VocabularyEntryView[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
};

/** What an export file holds of an entry (CSV and Anki). */
export type ExportEntry = {
  lemma: string;
  status: VocabularyStatus;
  translation: string;
  notes: string;
  tags: string[];
  contextDe: string | null;
  contextEn: string | null;
  /** Article slug. */
  article: string | null;
  gender: 'm' | 'f' | 'n' | null;
  plural: string | null;
};

export type SavedWord = { entryId: string; lemma: string; status: VocabularyStatus; created: boolean };
export type StatusUpdate = { entryId: string; status: VocabularyStatus; changed: boolean };
export type BulkStatusUpdate = { matched: number; changed: number };

export type ImportAction = 'create' | 'update' | 'unchanged';
/** A problem of one line of an import file; `lemma`, when given, is the message's {lemma}. */
export type ImportError = { line: number; field?: string; messageKey: string; lemma?: string };
export type ImportPreview = {
  rows: { line: number; lemma: string; status: VocabularyStatus; action: ImportAction }[];
  errors: ImportError[];
};
export type ImportSummary = { created: number; updated: number; unchanged: number };
