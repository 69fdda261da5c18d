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

export type TermEntry = TermCard & {
  genitive: string | null;
  separable: boolean;
  usageNote: string | null;
  related: string[];
  variants: string[];
  source: string;
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
