import 'server-only';
import { db } from '@/lib/db.server';
import { PUBLISHED } from '@/lib/articles/queries.server';
import { paths } from '@/lib/paths';
import type { Domain, TermKind } from './schema';
import type { Locale } from '@/lib/i18n/settings';
import type { ConcordanceLine, ReaderTermCard, TermCard, TermEntry } from './types';

const cardSelect = {
  lemma: true,
  kind: true,
  gender: true,
  plural: true,
  englishPreferred: true,
  englishAlternatives: true,
  definitionEn: true,
  definitionDe: true,
  domains: { select: { domain: true }, orderBy: { domain: 'asc' } },
} as const;

type CardRow = {
  lemma: string;
  kind: string;
  gender: string | null;
  plural: string | null;
  englishPreferred: string;
  englishAlternatives: string;
  definitionEn: string;
  definitionDe: string;
  domains: { domain: string }[];
};

const collator = new Intl.Collator('de', { sensitivity: 'base' });

function toCard(row: CardRow): TermCard {
  return {
    lemma: row.lemma,
    kind: row.kind as TermKind,
    gender: row.gender as TermCard['gender'],
    plural: row.plural,
    englishPreferred: row.englishPreferred,
    englishAlternatives: JSON.parse(row.englishAlternatives) as string[],
    definitionEn: row.definitionEn,
    definitionDe: row.definitionDe,
    domains: row.domains.map((d) => d.domain as Domain),
  };
}

/** Every term, A–Z in German collation, optionally filtered by domain and kind. */
export async function listTerms(filter: { domain?: Domain; kind?: TermKind } = {}): Promise<TermCard[]> {
  const rows = await db.term.findMany({
    where: { kind: filter.kind, domains: filter.domain ? { some: { domain: filter.domain } } : undefined },
    select: cardSelect,
  });
  return rows.map(toCard).sort((a, b) => collator.compare(a.lemma, b.lemma));
}

/**
 * The cards of the terms that occur in one article, in the page's language: they travel in the reader
 * page, so popovers need no network round trip, and carry only what a popover shows.
 */
export async function termCardsForArticle(slug: string, locale: Locale): Promise<ReaderTermCard[]> {
  const rows = await db.term.findMany({
    where: { occurrences: { some: { article: { slug, ...PUBLISHED } } } },
    select: cardSelect,
    orderBy: { lemma: 'asc' },
  });
  return rows.map(toCard).map((card) => ({
    lemma: card.lemma,
    kind: card.kind,
    gender: card.gender,
    plural: card.plural,
    englishPreferred: card.englishPreferred,
    englishAlternatives: card.englishAlternatives,
    definition: locale === 'de' ? card.definitionDe : card.definitionEn,
  }));
}

/** The full entry and its concordance: every occurrence in every article, in reading order. */
export async function getTerm(lemma: string): Promise<{ entry: TermEntry; concordance: ConcordanceLine[] } | null> {
  const row = await db.term.findUnique({
    where: { lemma },
    select: {
      ...cardSelect,
      genitive: true,
      separable: true,
      usageNote: true,
      related: true,
      variants: true,
      source: true,
      occurrences: {
        where: { article: PUBLISHED },
        select: {
          start: true,
          end: true,
          kind: true,
          article: { select: { slug: true, titleDe: true, publishedAt: true } },
          sentence: {
            select: { position: true, textDe: true, textEn: true, paragraph: { select: { position: true } } },
          },
          section: {
            select: {
              position: true,
              headingDe: true,
              headingEn: true,
              paragraphs: { select: { position: true }, orderBy: { position: 'asc' }, take: 1 },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  const concordance = row.occurrences
    .flatMap((o) => {
      const where = o.sentence
        ? {
            anchor: paths.sentenceAnchor(o.sentence.paragraph.position, o.sentence.position),
            textDe: o.sentence.textDe,
            textEn: o.sentence.textEn,
            paragraph: o.sentence.paragraph.position,
            position: o.sentence.position,
          }
        : o.section
          ? {
              anchor: paths.sectionAnchor(o.section.position),
              textDe: o.section.headingDe ?? '',
              textEn: o.section.headingEn ?? '',
              paragraph: (o.section.paragraphs[0]?.position ?? 0) - 0.5,
              position: 0,
            }
          : null;
      if (!where) return [];
      const { paragraph, position, ...place } = where;
      return [
        {
          line: {
            articleSlug: o.article.slug,
            articleTitle: o.article.titleDe,
            ...place,
            start: o.start,
            end: o.end,
            kind: o.kind,
          },
          order: [-o.article.publishedAt.getTime(), o.article.slug, paragraph, position, o.start] as const,
        },
      ];
    })
    .sort((a, b) => {
      for (let i = 0; i < a.order.length; i++) {
        const x = a.order[i]!;
        const y = b.order[i]!;
        if (x !== y) return x < y ? -1 : 1;
      }
      return 0;
    })
    .map((o) => o.line);
  return {
    entry: {
      ...toCard(row),
      genitive: row.genitive,
      separable: row.separable,
      usageNote: row.usageNote,
      related: JSON.parse(row.related) as string[],
      variants: JSON.parse(row.variants) as string[],
      source: row.source,
    },
    concordance,
  };
}

export async function glossaryStats() {
  const [terms, occurrences, kinds, domains] = await Promise.all([
    db.term.count(),
    db.termOccurrence.count({ where: { article: PUBLISHED } }),
    db.term.groupBy({ by: ['kind'], _count: { _all: true }, orderBy: { kind: 'asc' } }),
    db.termDomain.groupBy({ by: ['domain'], _count: { _all: true }, orderBy: { domain: 'asc' } }),
  ]);
  return {
    terms,
    occurrences,
    byKind: kinds.map((k) => [k.kind, k._count._all] as const),
    byDomain: domains.map((d) => [d.domain, d._count._all] as const),
  };
}

/** Every entry as the language engine sees it (lemma and variants): what a search query is matched against. */
export async function glossaryEntries(): Promise<{ lemma: string; variants: string[] }[]> {
  const rows = await db.term.findMany({ select: { lemma: true, variants: true } });
  return rows.map((row) => ({ lemma: row.lemma, variants: JSON.parse(row.variants) as string[] }));
}
