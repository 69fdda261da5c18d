import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db.server';
import { paths } from '@/lib/paths';
import { decodeTokens, type StoredToken } from '@/lib/annotation/tokens';
import { readingMinutes } from './reading-time';
import { type Segment, toSegments } from './segments';
import type { ArticleSummary, ArticleView } from './types';

const summarySelect = {
  slug: true,
  titleDe: true,
  titleEn: true,
  outlet: true,
  publishedAt: true,
  wordCount: true,
  authors: { select: { name: true }, orderBy: { position: 'asc' } },
} as const;

/** Drafts never leave the editor: every public read asks for published articles only. */
export const PUBLISHED = { status: 'published' } as const;

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

/** The library: every article, newest first. */
export async function listArticles(): Promise<ArticleSummary[]> {
  const rows = await db.article.findMany({
    where: PUBLISHED,
    select: summarySelect,
    orderBy: [{ publishedAt: 'desc' }, { slug: 'asc' }],
  });
  return rows.map(toSummary);
}

/** One article with its sections, paragraphs and aligned sentences, or null (once per request). */
export const getArticle = cache(async (slug: string): Promise<ArticleView | null> => {
  const row = await db.article.findFirst({
    where: { slug, ...PUBLISHED },
    select: {
      ...summarySelect,
      sourceNoteDe: true,
      sourceNoteEn: true,
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
                select: { position: true, textDe: true, textEn: true, occurrences: occurrenceSelect },
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
        })),
      })),
    })),
  };
});

/**
 * Every German word of an article with its lemma and part of speech, by sentence anchor (and heading
 * anchor): the reader loads this once, when a learner first clicks a word, to keep the page light.
 */
export async function getArticleWords(slug: string): Promise<Record<string, StoredToken[]> | null> {
  const article = await db.article.findFirst({
    where: { slug, ...PUBLISHED },
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
