import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db.server';
import { PUBLISHED, type ReadableWhere } from '@/lib/articles/queries.server';
import { paths } from '@/lib/paths';
import type { Domain, TermKind } from './schema';
import { APPROVED, WITH_PAGE } from './status';
import type { Locale } from '@/lib/i18n/settings';
import { runServiceTask } from '@/lib/task-service.server';
import { searchFold } from './query-spelling';
import type { ConcordancePage, ReaderTermCard, TermCard, TermEntry, TermSearchHit, TermSearchMatch } from './types';

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
const byLemma = (a: { lemma: string }, b: { lemma: string }) => collator.compare(a.lemma, b.lemma);

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

type TermFilter = { domain?: Domain; kind?: TermKind };

const approvedWhere = (filter: TermFilter) => ({
  status: APPROVED,
  kind: filter.kind,
  domains: filter.domain ? { some: { domain: filter.domain } } : undefined,
});

/** Every approved term, A–Z in German collation, optionally filtered by domain and kind. */
export async function listTerms(filter: TermFilter = {}): Promise<TermCard[]> {
  const rows = await db.term.findMany({ where: approvedWhere(filter), select: cardSelect });
  return rows.map(toCard).sort(byLemma);
}

/** The headwords of listTerms' terms, same order: what the index pages by letter before it loads any card. */
export async function listTermLemmas(filter: TermFilter = {}): Promise<string[]> {
  const rows = await db.term.findMany({ where: approvedWhere(filter), select: { lemma: true } });
  return rows.map((row) => row.lemma).sort(collator.compare);
}

/** The cards of those of `lemmas` that are approved terms, A–Z: one index page's. */
export async function termCards(lemmas: readonly string[]): Promise<TermCard[]> {
  const rows = await db.term.findMany({ where: { status: APPROVED, lemma: { in: [...lemmas] } }, select: cardSelect });
  return rows.map(toCard).sort(byLemma);
}

/**
 * The cards of the terms that occur in one article, in the page's language: they travel in the reader
 * page, so popovers need no network round trip, and carry only what a popover shows. The article is
 * one everyone may read, or one of `readable` (readableBy: a classes-only article's own page).
 */
export async function termCardsForArticle(
  slug: string,
  locale: Locale,
  readable: ReadableWhere = PUBLISHED,
): Promise<ReaderTermCard[]> {
  const rows = await db.term.findMany({
    where: { occurrences: { some: { article: { slug, ...readable } } } },
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

/** Articles per concordance page: a frequent term occurs in thousands (docs/decisions/039-paging-at-scale.md). */
export const CONCORDANCE_PAGE_SIZE = 20;

/**
 * The full entry and one page of its concordance (`page` from 1; past the end, no lines): the
 * occurrences in `pageSize` published articles, newest first, each article's in reading order. Approved
 * and retired entries have a page; proposals and rejected ones do not. Once per request (the page's
 * metadata and body ask alike).
 */
export const getTerm = cache(
  async (
    lemma: string,
    page = 1,
    pageSize = CONCORDANCE_PAGE_SIZE,
  ): Promise<{ entry: TermEntry; concordance: ConcordancePage } | null> => {
    const row = await db.term.findUnique({
      where: { lemma, status: { in: WITH_PAGE } },
      select: {
        ...cardSelect,
        id: true,
        status: true,
        sourceUrl: true,
        genitive: true,
        separable: true,
        usageNote: true,
        related: true,
        variants: true,
        source: true,
      },
    });
    if (!row) return null;
    return {
      entry: {
        ...toCard(row),
        genitive: row.genitive,
        separable: row.separable,
        usageNote: row.usageNote,
        related: JSON.parse(row.related) as string[],
        variants: JSON.parse(row.variants) as string[],
        source: row.source,
        sourceUrl: row.sourceUrl,
        retired: row.status === 'retired',
      },
      concordance: await concordancePage(row.id, page, pageSize),
    };
  },
);

/**
 * The term's lines and articles among the published ones everyone reads (PUBLISHED's where, spelled
 * out): the occurrences counted per article first (index-only with (termId, articleId)), so each
 * article is joined once, not once per line.
 */
async function concordanceTotals(termId: string): Promise<{ lines: number; articles: number }> {
  const [totals] = await db.$queryRaw<{ lines: unknown; articles: unknown }[]>`
    SELECT CAST(coalesce(sum(o."lines"), 0) AS INTEGER) AS "lines", count(*) AS "articles"
    FROM (SELECT "articleId", count(*) AS "lines" FROM "TermOccurrence" WHERE "termId" = ${termId} GROUP BY "articleId") o
    JOIN "Article" a ON a."id" = o."articleId"
    WHERE a."status" = ${PUBLISHED.status} AND a."visibility" = ${PUBLISHED.visibility}`;
  return { lines: Number(totals?.lines ?? 0), articles: Number(totals?.articles ?? 0) };
}

type LineRow = {
  slug: string;
  titleDe: string;
  publishedAt: unknown;
  start: unknown;
  end: unknown;
  kind: string;
  sentencePosition: unknown;
  sentenceDe: string | null;
  sentenceEn: string | null;
  paragraphPosition: unknown;
  sectionPosition: unknown;
  headingDe: string | null;
  headingEn: string | null;
  sectionFirstParagraph: unknown;
};

/**
 * The term's occurrences in one page of the published articles it occurs in (newest first, then by
 * slug), with their sentence or heading: one statement, where Prisma's nested selects took six round
 * trips. The page's articles are walked in publishing order, each probed for the term.
 */
const concordanceRows = (termId: string, page: number, pageSize: number) => db.$queryRaw<LineRow[]>`
  SELECT a."slug", a."titleDe", a."publishedAt", o."start", o."end", o."kind",
         s."position" AS "sentencePosition", s."textDe" AS "sentenceDe", s."textEn" AS "sentenceEn",
         p."position" AS "paragraphPosition",
         h."position" AS "sectionPosition", h."headingDe", h."headingEn",
         (SELECT min(f."position") FROM "Paragraph" f WHERE f."sectionId" = h."id") AS "sectionFirstParagraph"
  FROM (
    SELECT x."id", x."slug", x."titleDe", x."publishedAt" FROM "Article" x
    WHERE x."status" = ${PUBLISHED.status} AND x."visibility" = ${PUBLISHED.visibility}
      AND EXISTS (SELECT 1 FROM "TermOccurrence" t WHERE t."termId" = ${termId} AND t."articleId" = x."id")
    ORDER BY x."publishedAt" DESC, x."slug" ASC
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
  ) a
  JOIN "TermOccurrence" o ON o."articleId" = a."id" AND o."termId" = ${termId}
  LEFT JOIN "Sentence" s ON s."id" = o."sentenceId"
  LEFT JOIN "Paragraph" p ON p."id" = s."paragraphId"
  LEFT JOIN "Section" h ON h."id" = o."sectionId"`;

/** The term's occurrences in one page of its published articles, in reading order, with the totals. */
async function concordancePage(termId: string, requested: number, pageSize: number): Promise<ConcordancePage> {
  const page = Math.max(1, Math.trunc(requested));
  const [totals, rows] = await Promise.all([concordanceTotals(termId), concordanceRows(termId, page, pageSize)]);
  const pageCount = Math.max(1, Math.ceil(totals.articles / pageSize));
  const lines = rows
    .flatMap((row) => {
      const where =
        row.sentencePosition !== null
          ? {
              anchor: paths.sentenceAnchor(Number(row.paragraphPosition), Number(row.sentencePosition)),
              textDe: row.sentenceDe ?? '',
              textEn: row.sentenceEn ?? '',
              paragraph: Number(row.paragraphPosition),
              position: Number(row.sentencePosition),
            }
          : row.sectionPosition !== null
            ? {
                anchor: paths.sectionAnchor(Number(row.sectionPosition)),
                textDe: row.headingDe ?? '',
                textEn: row.headingEn ?? '',
                // A heading comes before its section's first paragraph.
                paragraph: Number(row.sectionFirstParagraph ?? 0) - 0.5,
                position: 0,
              }
            : null;
      if (!where) return [];
      const { paragraph, position, ...place } = where;
      const start = Number(row.start);
      return [
        {
          line: {
            articleSlug: row.slug,
            articleTitle: row.titleDe,
            ...place,
            start,
            end: Number(row.end),
            kind: row.kind,
          },
          order: [-new Date(row.publishedAt as string | number | Date).getTime(), row.slug, paragraph, position, start],
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
  return { lines, page, pageCount, totalLines: totals.lines, totalArticles: totals.articles };
}

export async function glossaryStats() {
  const [terms, occurrences, kinds, domains] = await Promise.all([
    db.term.count({ where: { status: APPROVED } }),
    db.termOccurrence.count({ where: { article: PUBLISHED } }),
    db.term.groupBy({ by: ['kind'], where: { status: APPROVED }, _count: { _all: true }, orderBy: { kind: 'asc' } }),
    db.termDomain.groupBy({
      by: ['domain'],
      where: { term: { status: APPROVED } },
      _count: { _all: true },
      orderBy: { domain: 'asc' },
    }),
  ]);
  return {
    terms,
    occurrences,
    byKind: kinds.map((k) => [k.kind, k._count._all] as const),
    byDomain: domains.map((d) => [d.domain, d._count._all] as const),
  };
}

/** Every approved entry as the language engine sees it (lemma and variants): what a search query is matched against. */
export async function glossaryEntries(): Promise<{ lemma: string; variants: string[] }[]> {
  const rows = await db.term.findMany({ where: { status: APPROVED }, select: { lemma: true, variants: true } });
  return rows.map((row) => ({ lemma: row.lemma, variants: JSON.parse(row.variants) as string[] }));
}

// Glossary search that understands German: "roten Linien" finds "rote Linie" (the language engine
// matches the whole entry in any inflected form), "Maschine" finds "Werkzeugmaschine" (the query's
// lemmas as part of an entry), "proxy war" finds "Stellvertreterkrieg" (English equivalents). Typed in
// capitals or with ae/oe/ue/ss for ä/ö/ü/ß, a query is also read in the spellings the lemma table
// knows ("ROTE LINIE" as "rote Linie", "Aussenministers" as "Außenministers": ./query-spelling.ts).
// Ranked: whole entry, then part of an entry, then English; within a rank by closeness, then A–Z.

/** Case-, ß/ss- and umlaut/ae-insensitive comparison form. */
const fold = searchFold;
/** Words of a folded text: letters and digits; hyphens and spaces separate ("militärisch-industrielle"). */
const wordsOf = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** How closely one query form fits one word of an entry: 3 whole word, 2 start or compound head, 1 inside. */
function fit(form: string, word: string): number {
  if (word === form) return 3;
  if (word.startsWith(form) || (form.length >= 3 && word.endsWith(form))) return 2;
  return form.length >= 4 && word.includes(form) ? 1 : 0;
}

/** Rank of a term whose lemma or variant contains every query word (as written or as a lemma), else 0. */
function partScore(queryForms: readonly string[][], wordings: readonly string[][]): number {
  let total = 0;
  for (const forms of queryForms) {
    let best = 0;
    for (const words of wordings)
      for (const word of words) for (const form of forms) best = Math.max(best, fit(form, word));
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/** A naive English singular, so that "machine tools" finds "machine tool" and "sanctions" "sanction". */
const singular = (phrase: string) =>
  phrase
    .split(' ')
    .map((w) =>
      w.length > 4 && w.endsWith('ies')
        ? `${w.slice(0, -3)}y`
        : w.length > 3 && w.endsWith('s') && !w.endsWith('ss')
          ? w.slice(0, -1)
          : w,
    )
    .join(' ');

function englishScore(needles: readonly string[], preferred: string, alternatives: readonly string[]): number {
  const norm = (text: string) => wordsOf(text).join(' ');
  const [first, ...rest] = [preferred, ...alternatives].map(norm);
  let best = 0;
  for (const needle of needles) {
    if (needle === first) return 4;
    if (rest.includes(needle)) best = Math.max(best, 3);
    // At the start of a word: "proxy w" finds "proxy war", "tool" finds "machine tool", "war" not "software".
    else if (` ${first}`.includes(` ${needle}`)) best = Math.max(best, 2);
    else if (rest.some((alt) => ` ${alt}`.includes(` ${needle}`))) best = Math.max(best, 1);
  }
  return best;
}

/**
 * Terms for a search query, optionally within one domain and kind. A blank query finds nothing
 * (list the glossary with listTerms).
 */
export async function searchTerms(
  query: string,
  filter: { domain?: Domain; kind?: TermKind } = {},
): Promise<TermSearchHit[]> {
  const text = query.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!text) return [];
  const [cards, entries] = await Promise.all([listTerms(filter), glossaryEntries()]);
  const variants = new Map(entries.map((e) => [e.lemma, e.variants]));
  const folded = fold(text);
  // 1. and 2.: what the language engine reads in the query (./tasks.server.ts, where the lemma table is).
  const read = await runServiceTask('readGlossaryQuery', { entries, text });
  const whole = new Map(read.whole);
  const insideQueryWord = new Set(read.insideQueryWord);
  const { queryForms } = read;
  for (const card of cards) {
    if ([card.lemma, ...(variants.get(card.lemma) ?? [])].some((wording) => fold(wording) === folded))
      whole.set(card.lemma, 2);
  }

  // 3. English equivalents (a single letter is too little to search English by).
  const needles = [...new Set([wordsOf(text).join(' '), singular(wordsOf(text).join(' '))])].filter(
    (needle) => needle.length >= 2,
  );

  const scored: { term: TermCard; match: TermSearchMatch; rank: number; score: number }[] = [];
  for (const card of cards) {
    const wholeScore = whole.get(card.lemma);
    if (wholeScore !== undefined) {
      scored.push({ term: card, match: 'entry', rank: 0, score: wholeScore });
      continue;
    }
    const wordings = [card.lemma, ...(variants.get(card.lemma) ?? [])].map(wordsOf);
    const part = Math.max(partScore(queryForms, wordings), insideQueryWord.has(card.lemma) ? 1 : 0);
    if (part > 0) {
      scored.push({ term: card, match: 'part', rank: 1, score: part });
      continue;
    }
    const english = englishScore(needles, card.englishPreferred, card.englishAlternatives);
    if (english > 0) scored.push({ term: card, match: 'english', rank: 2, score: english });
  }
  // Stable: equal ranks and scores keep listTerms' German A–Z order.
  return scored.sort((a, b) => a.rank - b.rank || b.score - a.score).map(({ term, match }) => ({ term, match }));
}
