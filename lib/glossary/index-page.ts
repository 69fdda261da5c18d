// Which entries one glossary index page shows (docs/decisions/045-glossary-index-by-letter.md): a short
// list whole, A–Z with jump links; a long one a letter at a time, a long letter in pages.
import { groupByInitial } from './alphabet';

/**
 * Up to this many entries (after the filters) the index shows them all on one page, A–Z with jump
 * links: a subject area's or a type's few dozen read better whole than split into letters.
 */
export const WHOLE_INDEX = 30;
/** More, and it shows one letter per page, a letter with more entries in pages of this many. */
export const INDEX_PAGE_SIZE = 20;

/** By letter: the letters that have entries (A–Z, then #), the one shown, and its page shown. */
export type LetterPaging = { letters: string[]; letter: string; page: number; pageCount: number };

/**
 * The entries one index page shows, out of `lemmas` (the filtered entries, already A–Z), and how it is
 * paged: by `letter` (the first letter when it names none with entries) and `page` (at most its last).
 */
export function indexPage(
  lemmas: readonly string[],
  letter: string | undefined,
  page: number,
): { lemmas: readonly string[]; paging?: LetterPaging } {
  if (lemmas.length <= WHOLE_INDEX) return { lemmas };
  const groups = groupByInitial(lemmas.map((lemma) => ({ lemma })));
  const group = groups.find((g) => g.letter === letter) ?? groups[0]!;
  const pageCount = Math.ceil(group.terms.length / INDEX_PAGE_SIZE);
  const current = Math.min(page, pageCount);
  return {
    lemmas: group.terms.slice((current - 1) * INDEX_PAGE_SIZE, current * INDEX_PAGE_SIZE).map((term) => term.lemma),
    paging: { letters: groups.map((g) => g.letter), letter: group.letter, page: current, pageCount },
  };
}
