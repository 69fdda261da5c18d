import type { TermStatus } from './schema';

// Where a glossary entry stands decides who sees it (docs/decisions/030-living-glossary.md).

/** Highlighted in articles, listed in the glossary, searchable. */
export const APPROVED = 'approved' satisfies TermStatus;
/** Entries with a page of their own: approved ones, and retired ones (kept for history and for learners' links). */
export const WITH_PAGE: TermStatus[] = ['approved', 'retired'];
