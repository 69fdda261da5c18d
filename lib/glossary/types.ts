import type { TermSnapshot } from './entry';
import type { Domain, RevisionAction, TermContent, TermKind, TermStatus } from './schema';

/** What a popover or a list row shows of a term. */
export type TermCard = {
  lemma: string;
  kind: TermKind;
  gender: 'm' | 'f' | 'n' | null;
  plural: string | null;
  englishPreferred: string;
  englishAlternatives: string[];
  definitionEn: string;
  definitionDe: string;
  domains: Domain[];
};

/** A term as the reader's popovers show it: the card with the definition in the page's language only. */
export type ReaderTermCard = Pick<
  TermCard,
  'lemma' | 'kind' | 'gender' | 'plural' | 'englishPreferred' | 'englishAlternatives'
> & { definition: string };

export type TermEntry = TermCard & {
  genitive: string | null;
  separable: boolean;
  usageNote: string | null;
  related: string[];
  variants: string[];
  source: string;
  sourceUrl: string | null;
  /** Retired by an editor: kept for history and learners' links, no longer highlighted. */
  retired: boolean;
};

/** One place a term occurs: the German sentence with the term's offsets, its English, and where it is. */
export type ConcordanceLine = {
  articleSlug: string;
  articleTitle: string;
  anchor: string;
  textDe: string;
  textEn: string;
  start: number;
  end: number;
  kind: string;
};

/**
 * One page of a term's concordance: the lines of `pageSize` articles (newest first, each with all its
 * lines in reading order), and the totals over every published article.
 */
export type ConcordancePage = {
  lines: ConcordanceLine[];
  /** 1-based; a page past the end is the last page. */
  page: number;
  /** At least 1: a term without occurrences has one, empty, page. */
  pageCount: number;
  totalLines: number;
  totalArticles: number;
};

/** Why a search found a term: the whole entry in some inflected form, a part of it, or its English. */
export type TermSearchMatch = 'entry' | 'part' | 'english';

export type TermSearchHit = { term: TermCard; match: TermSearchMatch };

/** Where in an article a concordance line is: a sentence group or a section heading (numbers from one). */
export type ConcordancePlace =
  { kind: 'sentence'; paragraph: number; sentence: number } | { kind: 'heading'; section: number };

/** One sentence (or heading) of a concordance with every occurrence of the term in it marked. */
export type ConcordanceSentence = {
  anchor: string;
  place: ConcordancePlace | null;
  textDe: string;
  textEn: string;
  /** Offsets into textDe, in order, not overlapping. */
  marks: { start: number; end: number }[];
};

/** A term's occurrences in one article, sentence by sentence in reading order. */
export type ConcordanceGroup = {
  articleSlug: string;
  articleTitle: string;
  occurrences: number;
  sentences: ConcordanceSentence[];
};

/** What an entry as typed would match in the published articles: all occurrences, and a few sentences per article. */
export type TermPreview = { occurrences: number; groups: ConcordanceGroup[] };

/** An entry as its editor page shows it, in any state. */
export type EditableTerm = {
  id: string;
  /** The version the editor's changes are made on (Term.version). */
  version: number;
  status: TermStatus;
  rejectionReason: string | null;
  content: TermContent;
  /** Who proposed it, from which article (a proposal from an imported article). */
  proposedBy: string | null;
  proposedFrom: { slug: string; title: string } | null;
};

/** One revision in an entry's history: who, when, what, and which fields it changed. */
export type TermRevisionView = {
  version: number;
  action: RevisionAction;
  /** Null for the seed and for a deleted account. */
  author: string | null;
  at: Date;
  changed: (keyof TermSnapshot)[];
};

/** A teacher as the admins' editor list shows them. */
export type EditorCandidate = { id: string; name: string; email: string; glossaryEditor: boolean };

/** What a glossary change made public: the entries whose pages changed, the articles annotated again or showing them. */
export type GlossaryChange = { lemmas: string[]; slugs: string[] };
/** What every command of the term editor answers. */
export type SavedTerm = { id: string; lemma: string; version: number; status: TermStatus; change: GlossaryChange };
