import type { Segment } from './segments';

// Plain, serialisable view types handed from lib to components.

export type ArticleSummary = {
  slug: string;
  titleDe: string;
  titleEn: string;
  outlet: string;
  authors: string[];
  /** ISO date (YYYY-MM-DD). */
  publishedAt: string;
  wordCount: number;
  readingMinutes: number;
};

/** An article a teacher may assign, as the assignment form's search offers it. */
export type AssignableArticle = Pick<ArticleSummary, 'slug' | 'titleDe' | 'titleEn' | 'outlet' | 'publishedAt'>;

export type SentenceView = {
  /** Stable anchor within the article, e.g. "p3-s2". */
  anchor: string;
  textEn: string;
  /** The German text, cut into plain text and glossary occurrences (joined, they are the text). */
  segments: Segment[];
  /** The group's editor's note (plain text), when it has one. */
  note?: string;
};

export type ParagraphView = {
  position: number;
  sentences: SentenceView[];
};

export type SectionView = {
  /** Stable anchor, e.g. "section-4". */
  anchor: string;
  headingDe: string | null;
  headingEn: string | null;
  headingSegments: Segment[];
  paragraphs: ParagraphView[];
};

export type ArticleView = ArticleSummary & {
  sourceNoteDe: string;
  sourceNoteEn: string;
  /** http(s) address of the original, or null. */
  sourceUrl: string | null;
  sections: SectionView[];
};
