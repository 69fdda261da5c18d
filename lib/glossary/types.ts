import type { Domain, TermKind } from './schema';

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
