import type { VocabularyStatus } from './status';
import type { ExportEntry, VocabularyEntryView } from './types';

// The one Prisma `select` of an entry and its reshaping into the view type (queries and service share it).
export const entryViewSelect = {
  id: true,
  lemma: true,
  status: true,
  translation: true,
  notes: true,
  contextDe: true,
  contextEn: true,
  anchor: true,
  surface: true,
  statusChangedAt: true,
  createdAt: true,
  updatedAt: true,
  tags: { select: { name: true } },
  article: { select: { slug: true, titleDe: true } },
  term: { select: { lemma: true, gender: true, plural: true } },
} as const;

export type EntryViewRow = {
  id: string;
  lemma: string;
  status: string;
  translation: string;
  notes: string;
  contextDe: string | null;
  contextEn: string | null;
  anchor: string | null;
  surface: string | null;
  statusChangedAt: Date;
  createdAt: Date;
  updatedAt: Date;
  tags: { name: string }[];
  article: { slug: string; titleDe: string } | null;
  term: { lemma: string; gender: string | null; plural: string | null } | null;
};

type Gender = 'm' | 'f' | 'n' | null;

// Sorted here, not in SQL: SQLite compares bytes ("Rüstung" < "neu"), PostgreSQL by locale.
const collator = new Intl.Collator('de');
const byName = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

export function toEntryView(row: EntryViewRow): VocabularyEntryView {
  return {
    id: row.id,
    lemma: row.lemma,
    // Written only through VocabularyStatusSchema-checked paths.
    status: row.status as VocabularyStatus,
    translation: row.translation,
    notes: row.notes,
    tags: row.tags.map((t) => t.name).sort(byName),
    contextDe: row.contextDe,
    contextEn: row.contextEn,
    article: row.article,
    anchor: row.anchor,
    surface: row.surface,
    term: row.term ? { lemma: row.term.lemma, gender: row.term.gender as Gender, plural: row.term.plural } : null,
    nounGender: (row.term?.gender as Gender | undefined) ?? null,
    statusChangedAt: row.statusChangedAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toExportEntry(view: VocabularyEntryView): ExportEntry {
  return {
    lemma: view.lemma,
    status: view.status,
    translation: view.translation,
    notes: view.notes,
    tags: view.tags,
    contextDe: view.contextDe,
    contextEn: view.contextEn,
    article: view.article?.slug ?? null,
    gender: view.nounGender,
    plural: view.term?.plural ?? null,
  };
}
