import 'server-only';
import { cache } from 'react';
import { storedRole } from '@/lib/auth/queries.server';
import { databaseProvider, type Db, db } from '@/lib/db.server';
import { paths } from '@/lib/paths';
import { foldCase } from '@/lib/search-params';
import { decodeTokens, type StoredToken } from '@/lib/annotation/tokens';
import { readingMinutes } from './reading-time';
import { type LibraryQueryInput, LibraryQuerySchema } from './schema';
import { type Segment, toSegments } from './segments';
import type { ArticleSummary, ArticleView, AssignableArticle } from './types';

const summarySelect = {
  slug: true,
  titleDe: true,
  titleEn: true,
  outlet: true,
  publishedAt: true,
  wordCount: true,
  authors: { select: { name: true }, orderBy: { position: 'asc' } },
} as const;

/**
 * Drafts never leave the editor, and an article for its owner's classes only is in no shared page
 * (library, cached reader page, glossary, concordance): every public read asks for published articles
 * visible to everyone. docs/decisions/028-article-visibility.md
 */
export const PUBLISHED = { status: 'published', visibility: 'public' } as const;

/** The where of one of the owner's classes-only articles, or the owner's classes-only articles. */
export type ReadableWhere =
  | typeof PUBLISHED
  | {
      status: 'published';
      OR: (
        | { visibility: 'public' }
        | { ownerId: string }
        | { owner: { taughtClasses: { some: { members: { some: { userId: string } } } } } }
      )[];
    }
  | { status: 'published' };

/**
 * The published articles a user may read, as a Prisma where: everyone's; an admin all; anyone else
 * also the classes-only articles they own or whose owner teaches a class they are in. The role is read
 * from the database, never taken from the client; an unknown user reads what everyone reads.
 */
export async function readableBy(userId: string | null): Promise<ReadableWhere> {
  const role = userId ? await storedRole(userId) : null;
  if (!userId || !role) return PUBLISHED;
  if (role === 'admin') return { status: 'published' };
  return {
    status: 'published',
    OR: [
      { visibility: 'public' },
      { ownerId: userId },
      { owner: { taughtClasses: { some: { members: { some: { userId } } } } } },
    ],
  };
}

/**
 * The published articles a teacher may assign: everyone's and the teacher's own classes-only ones,
 * the articles every member of the teacher's classes may read. Not another teacher's classes-only
 * article, even one the teacher may read: the class could not open it. Whatever the role (an admin too).
 */
export function assignableBy(teacherId: string): ReadableWhere {
  return { status: 'published', OR: [{ visibility: 'public' }, { ownerId: teacherId }] };
}

/** A published article for its owner's classes only is at `slug` (nothing else about it). */
export async function isClassesOnly(slug: string): Promise<boolean> {
  return (await db.article.count({ where: { slug, status: 'published', visibility: 'classes' } })) > 0;
}

const occurrenceSelect = { select: { start: true, end: true, kind: true, term: { select: { lemma: true } } } } as const;

function segmentsOf(
  text: string,
  occurrences: { start: number; end: number; kind: string; term: { lemma: string } }[],
): Segment[] {
  return toSegments(
    text,
    occurrences.map((o) => ({ start: o.start, end: o.end, kind: o.kind, term: o.term.lemma })),
  );
}

type SummaryRow = {
  slug: string;
  titleDe: string;
  titleEn: string;
  outlet: string;
  publishedAt: Date;
  wordCount: number;
  authors: { name: string }[];
};

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    slug: row.slug,
    titleDe: row.titleDe,
    titleEn: row.titleEn,
    outlet: row.outlet,
    authors: row.authors.map((author) => author.name),
    publishedAt: row.publishedAt.toISOString().slice(0, 10),
    wordCount: row.wordCount,
    readingMinutes: readingMinutes(row.wordCount),
  };
}

/** Articles on one page of the library. */
export const LIBRARY_PAGE_SIZE = 20;

export type LibraryPage = {
  articles: ArticleSummary[];
  /** The articles the search and outlet find (on every page). */
  total: number;
  page: number;
  /** At least 1: an empty result is one empty page. */
  pageCount: number;
  /** Every outlet of the articles the user may read, A–Z: the filter's choices. */
  outlets: string[];
};

type ArticleWhere = NonNullable<Parameters<Db['article']['count']>[0]>['where'];
const newestFirst = [{ publishedAt: 'desc' }, { slug: 'asc' }] as const;
/** A German or English title contains `needle` (folded): the search where SQL cannot fold (SQLite). */
const titleHas = (article: { titleDe: string; titleEn: string }, needle: string) =>
  foldCase(article.titleDe).includes(needle) || foldCase(article.titleEn).includes(needle);

/**
 * One page of the library: the articles `userId` may read (readableBy; everyone's without a user),
 * newest first, those whose German or English title contains `q` (case-insensitive) and of `outlet`.
 * The access rule stays a where joined in SQL: no list of article ids is ever bound.
 * docs/decisions/039-paging-at-scale.md
 */
export async function listLibrary(userId: string | null, input: LibraryQueryInput = {}): Promise<LibraryPage> {
  const { q, outlet, page } = LibraryQuerySchema.parse(input);
  const readable = await readableBy(userId);
  const [outlets, { total, rows }] = await Promise.all([
    db.article.groupBy({ by: ['outlet'], where: readable, orderBy: { outlet: 'asc' } }),
    libraryMatches(readable, outlet, q, (page - 1) * LIBRARY_PAGE_SIZE),
  ]);
  return {
    articles: rows.map(toSummary),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / LIBRARY_PAGE_SIZE)),
    outlets: outlets.map((group) => group.outlet).filter(Boolean), // an imported article may have none yet
  };
}

/**
 * On PostgreSQL: the articles whose German or English title contains `q`, case-insensitive (ILIKE).
 * Prisma passes LIKE's wildcards on ("%" would find every title): they are escaped (backslash, ILIKE's
 * default escape). `mode` exists only in the PostgreSQL client's types (db is typed as the SQLite
 * client, ADR 001).
 */
function titleContains(q: string): NonNullable<ArticleWhere> {
  const pattern = { contains: q.replace(/[\\%_]/g, (c) => `\\${c}`), mode: 'insensitive' } as { contains: string };
  return { OR: [{ titleDe: pattern }, { titleEn: pattern }] };
}

/** How many readable articles of `outlet` have `q` in a title, and LIBRARY_PAGE_SIZE of them from `skip`. */
async function libraryMatches(
  readable: ReadableWhere,
  outlet: string | undefined,
  q: string | undefined,
  skip: number,
): Promise<{ total: number; rows: SummaryRow[] }> {
  const where: ArticleWhere = { AND: [readable, outlet ? { outlet } : {}] };
  // The page's ids first, from the ordered index alone (it holds what the where reads): a page deep in
  // the library skips index entries, not table rows. Then those articles' summaries.
  const page = async (found: ArticleWhere) => {
    const [total, ids] = await Promise.all([
      db.article.count({ where: found }),
      db.article.findMany({
        where: found,
        select: { id: true },
        orderBy: [...newestFirst],
        skip,
        take: LIBRARY_PAGE_SIZE,
      }),
    ]);
    const rows = await db.article.findMany({
      where: { id: { in: ids.map((a) => a.id) } },
      select: summarySelect,
      orderBy: [...newestFirst],
    });
    return { total, rows };
  };
  if (!q) return page(where);
  if (databaseProvider === 'postgresql') {
    // ILIKE through the titles' trigram indexes.
    return page({ AND: [where, titleContains(q)] });
  }
  // SQLite's LIKE folds ASCII only ("über" would miss "Über"): the titles are matched here, with the
  // folding PostgreSQL's ILIKE applies, then the page's articles are read by id. SQLite is the
  // embedded default, one school's articles: their titles are few enough to scan.
  const needle = foldCase(q);
  const titles = await db.article.findMany({
    where,
    select: { id: true, titleDe: true, titleEn: true },
    orderBy: [...newestFirst],
  });
  const matching = titles.filter((a) => titleHas(a, needle));
  const ids = matching.slice(skip, skip + LIBRARY_PAGE_SIZE).map((a) => a.id);
  const rows = await db.article.findMany({
    where: { id: { in: ids } },
    select: summarySelect,
    orderBy: [...newestFirst],
  });
  return { total: matching.length, rows };
}

/** How many articles a search for one to assign offers at most. */
export const ASSIGNABLE_MATCHES = 20;

/**
 * The assignment form's choices: at most ASSIGNABLE_MATCHES articles a teacher may assign
 * (assignableBy), newest first, whose German or English title contains `query` (case-insensitive);
 * the newest ones for an empty query. docs/decisions/039-paging-at-scale.md
 */
export async function searchAssignableArticles(teacherId: string, query: string): Promise<AssignableArticle[]> {
  const assignable = assignableBy(teacherId);
  const select = { slug: true, titleDe: true, titleEn: true, outlet: true, publishedAt: true } as const;
  const needle = query.normalize('NFC').trim();
  let rows;
  if (!needle || databaseProvider === 'postgresql') {
    rows = await db.article.findMany({
      where: needle ? { AND: [assignable, titleContains(needle)] } : assignable,
      select,
      orderBy: [...newestFirst],
      take: ASSIGNABLE_MATCHES,
    });
  } else {
    // SQLite's LIKE folds ASCII only ("über" would miss "Über"): the titles are matched here. SQLite is
    // the embedded default, one school's articles: their titles are few enough to read.
    const folded = foldCase(needle);
    const titles = await db.article.findMany({
      where: assignable,
      select: { ...select, id: true },
      orderBy: [...newestFirst],
    });
    rows = titles.filter((row) => titleHas(row, folded)).slice(0, ASSIGNABLE_MATCHES);
  }
  return rows.map((row) => ({
    slug: row.slug,
    titleDe: row.titleDe,
    titleEn: row.titleEn,
    outlet: row.outlet,
    publishedAt: row.publishedAt.toISOString().slice(0, 10),
  }));
}

/** One article everyone may read, with its sections, paragraphs and aligned sentences, or null (once per request). */
export const getArticle = cache((slug: string) => articleView({ slug, ...PUBLISHED }));

/** One article of `readable` (readableBy: what a user may read), or null: a classes-only article's own page. */
export async function getReadableArticle(slug: string, readable: ReadableWhere): Promise<ArticleView | null> {
  return articleView({ slug, ...readable });
}

async function articleView(where: { slug: string } & ReadableWhere): Promise<ArticleView | null> {
  const row = await db.article.findFirst({
    where,
    select: {
      ...summarySelect,
      sourceNoteDe: true,
      sourceNoteEn: true,
      sourceUrl: true,
      sections: {
        orderBy: { position: 'asc' },
        select: {
          position: true,
          headingDe: true,
          headingEn: true,
          occurrences: occurrenceSelect,
          paragraphs: {
            orderBy: { position: 'asc' },
            select: {
              position: true,
              sentences: {
                orderBy: { position: 'asc' },
                select: { position: true, textDe: true, textEn: true, note: true, occurrences: occurrenceSelect },
              },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  return {
    ...toSummary(row),
    sourceNoteDe: row.sourceNoteDe,
    sourceNoteEn: row.sourceNoteEn,
    sourceUrl: row.sourceUrl,
    sections: row.sections.map((section) => ({
      anchor: paths.sectionAnchor(section.position),
      headingDe: section.headingDe,
      headingEn: section.headingEn,
      headingSegments: section.headingDe ? segmentsOf(section.headingDe, section.occurrences) : [],
      paragraphs: section.paragraphs.map((paragraph) => ({
        position: paragraph.position,
        sentences: paragraph.sentences.map((sentence) => ({
          anchor: paths.sentenceAnchor(paragraph.position, sentence.position),
          textEn: sentence.textEn,
          segments: segmentsOf(sentence.textDe, sentence.occurrences),
          // Only a group with a note carries the field: the page holds the article's data once (ADR 007).
          ...(sentence.note ? { note: sentence.note } : {}),
        })),
      })),
    })),
  };
}

/**
 * Every German word of an article (one everyone may read, or one of `readable`: readableBy) with its lemma and part of speech, by sentence anchor (and heading
 * anchor): the reader loads this once, when a learner first clicks a word, to keep the page light.
 */
export async function getArticleWords(
  slug: string,
  readable: ReadableWhere = PUBLISHED,
): Promise<Record<string, StoredToken[]> | null> {
  const article = await db.article.findFirst({
    where: { slug, ...readable },
    select: {
      sections: {
        select: {
          position: true,
          headingDe: true,
          tokens: true,
          paragraphs: { select: { position: true, sentences: { select: { position: true, tokens: true } } } },
        },
      },
    },
  });
  if (!article) return null;
  const words: Record<string, StoredToken[]> = {};
  for (const section of article.sections) {
    if (section.headingDe) words[paths.sectionAnchor(section.position)] = decodeTokens(section.tokens);
    for (const paragraph of section.paragraphs) {
      for (const sentence of paragraph.sentences)
        words[paths.sentenceAnchor(paragraph.position, sentence.position)] = decodeTokens(sentence.tokens);
    }
  }
  return words;
}
