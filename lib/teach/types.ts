// Plain, serialisable shapes of the importer and the translation editor (shared with the UI).

/** How the importer reads a source's text. */
export type SourceFormat = 'paste' | 'txt' | 'md' | 'html' | 'docx';
export const SOURCE_FORMATS = ['paste', 'txt', 'md', 'html', 'docx'] as const satisfies readonly SourceFormat[];
/**
 * Where a draft came from (Article.sourceFormat): a source's format, `link` (a web page the server
 * fetched, read as `html`) or `seed` (a content file: docs/decisions/042-editors-notes-and-seeded-articles.md).
 */
export type DraftOrigin = SourceFormat | 'link' | 'seed';

/** Why a block of the source was left out; the editor shows `teach:removed.reason.<reason>`. */
export const REMOVAL_REASONS = [
  'navigation',
  'advertisement',
  'subscription',
  'social',
  'comments',
  'metadata',
  'cookie-banner',
  'empty',
  'duplicate',
  'events',
  'related-links',
  'outside-article',
  'title',
  'teaser',
  'paywall',
  'caption',
  'timestamp',
  'author',
] as const;
export type RemovalReason = (typeof REMOVAL_REASONS)[number];

export type RemovedBlock = { text: string; reason: RemovalReason };
export type ExtractedBlock = { kind: 'heading' | 'paragraph'; text: string };
export type ExtractedDocument = { title: string | null; blocks: ExtractedBlock[]; removed: RemovedBlock[] };

export type ArticleStatus = 'draft' | 'published';

/** One aligned sentence group; anchor as paths.sentenceAnchor; note: its editor's note, '' for none. */
export type DraftGroup = {
  id: string;
  anchor: string;
  textDe: string;
  textEn: string;
  machineTranslated: boolean;
  note: string;
};
export type DraftParagraph = { id: string; position: number; groups: DraftGroup[] };
export type DraftSection = {
  id: string;
  position: number;
  headingDe: string | null;
  headingEn: string | null;
  /** The English heading is a machine draft no person has saved yet. */
  headingMachineTranslated: boolean;
  paragraphs: DraftParagraph[];
};
/** Who may read a published article: everyone, or the owner's classes (docs/decisions/028-article-visibility.md). */
export type ArticleVisibility = 'public' | 'classes';
export const ARTICLE_VISIBILITIES = ['public', 'classes'] as const satisfies readonly ArticleVisibility[];

/** Where an article comes from, as the editor shows and saves it. */
export type DraftSource = {
  outlet: string;
  /** The authors, comma-separated. */
  authors: string;
  /** http(s) address of the original, '' when unknown. */
  sourceUrl: string;
  /** The original publication date, YYYY-MM-DD. */
  publishedAt: string;
};

export type DraftArticle = {
  slug: string;
  source: DraftSource;
  visibility: ArticleVisibility;
  titleDe: string;
  titleEn: string;
  /** The English title is a machine draft no person has changed yet. */
  titleMachineTranslated: boolean;
  status: ArticleStatus;
  sourceFormat: DraftOrigin;
  removed: RemovedBlock[];
  sections: DraftSection[];
  /** Counts the article's edits: an edit says which version it was made on (a stale one is refused). */
  version: number;
  updatedAt: string;
  groupCount: number;
  translatedCount: number;
  machineCount: number;
};
export type OwnArticle = {
  slug: string;
  titleDe: string;
  status: ArticleStatus;
  visibility: ArticleVisibility;
  updatedAt: string;
  groupCount: number;
  translatedCount: number;
};
