import type { TermContent, TermStatus } from './schema';

// One glossary entry in its three shapes: the content file's (TermContent), the Term row's (JSON
// strings for the lists) and a revision's snapshot (the content plus where it stands). Pure.

/** The entry as a revision keeps it: everything an editor can change, and its status. */
export type TermSnapshot = TermContent & { status: TermStatus; rejectionReason: string | null };

/** The Term columns an entry's content is stored in (TermDomain rows hold the domains). */
export type TermColumns = {
  lemma: string;
  kind: string;
  gender: string | null;
  plural: string | null;
  genitive: string | null;
  separable: boolean;
  englishPreferred: string;
  englishAlternatives: string;
  definitionEn: string;
  definitionDe: string;
  usageNote: string | null;
  related: string;
  variants: string;
  source: string;
  sourceUrl: string | null;
  grammarOverride: string | null;
};

/** What a query selects to rebuild an entry: `db.term.findUnique({ select: TERM_ROW_SELECT })`. */
export const TERM_ROW_SELECT = {
  lemma: true,
  kind: true,
  gender: true,
  plural: true,
  genitive: true,
  separable: true,
  englishPreferred: true,
  englishAlternatives: true,
  definitionEn: true,
  definitionDe: true,
  usageNote: true,
  related: true,
  variants: true,
  source: true,
  sourceUrl: true,
  grammarOverride: true,
  status: true,
  rejectionReason: true,
  domains: { select: { domain: true }, orderBy: { domain: 'asc' } },
} as const;

export type TermRow = TermColumns & {
  status: string;
  rejectionReason: string | null;
  domains: { domain: string }[];
};

/** The Term columns of an entry (without status and domains). */
export function termColumns(content: TermContent): TermColumns {
  return {
    lemma: content.lemma,
    kind: content.kind,
    gender: content.gender,
    plural: content.plural,
    genitive: content.genitive,
    separable: content.separable,
    englishPreferred: content.english.preferred,
    englishAlternatives: JSON.stringify(content.english.alternatives),
    definitionEn: content.definitionEn,
    definitionDe: content.definitionDe,
    usageNote: content.usageNote,
    related: JSON.stringify(content.related),
    variants: JSON.stringify(content.variants),
    source: content.source,
    sourceUrl: content.sourceUrl,
    grammarOverride: content.grammarOverride,
  };
}

/** A stored row as the content file's entry (key order as in the file). */
export function contentOf(row: TermRow): TermContent {
  return {
    lemma: row.lemma,
    kind: row.kind as TermContent['kind'],
    gender: row.gender as TermContent['gender'],
    plural: row.plural,
    genitive: row.genitive,
    separable: row.separable,
    english: { preferred: row.englishPreferred, alternatives: JSON.parse(row.englishAlternatives) as string[] },
    definitionEn: row.definitionEn,
    definitionDe: row.definitionDe,
    usageNote: row.usageNote,
    domains: row.domains.map((d) => d.domain as TermContent['domains'][number]),
    related: JSON.parse(row.related) as string[],
    variants: JSON.parse(row.variants) as string[],
    source: row.source,
    sourceUrl: row.sourceUrl,
    grammarOverride: row.grammarOverride,
  };
}

/** A stored row as a revision's snapshot. */
export function snapshotOf(row: TermRow): TermSnapshot {
  return { ...contentOf(row), status: row.status as TermStatus, rejectionReason: row.rejectionReason };
}

/** The fields whose values differ between two snapshots (what a revision changed), in the entry's order. */
export function changedFields(before: TermSnapshot | null, after: TermSnapshot): (keyof TermSnapshot)[] {
  const keys = Object.keys(after) as (keyof TermSnapshot)[];
  if (!before) return keys;
  return keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
