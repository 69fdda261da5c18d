import 'server-only';
import { cache } from 'react';
import { db } from '@/lib/db.server';
import { paths } from '@/lib/paths';
import { readingMinutes } from './reading-time';
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
  const rows = await db.article.findMany({ select: summarySelect, orderBy: [{ publishedAt: 'desc' }, { slug: 'asc' }] });
  return rows.map(toSummary);
}

/** One article with its sections, paragraphs and aligned sentences, or null (once per request). */
export const getArticle = cache(async (slug: string): Promise<ArticleView | null> => {
  const row = await db.article.findUnique({
    where: { slug },
    select: {
      ...summarySelect,
      sourceNoteDe: true,
      sourceNoteEn: true,
      sections: {
        orderBy: { position: 'asc' },
        select: {
          headingDe: true,
          headingEn: true,
          paragraphs: {
            orderBy: { position: 'asc' },
            select: {
              position: true,
              sentences: { orderBy: { position: 'asc' }, select: { position: true, textDe: true, textEn: true } },
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
      headingDe: section.headingDe,
      headingEn: section.headingEn,
      paragraphs: section.paragraphs.map((paragraph) => ({
        position: paragraph.position,
        sentences: paragraph.sentences.map((sentence) => ({
          anchor: paths.sentenceAnchor(paragraph.position, sentence.position),
          textDe: sentence.textDe,
          textEn: sentence.textEn,
        })),
      })),
    })),
  };
});
