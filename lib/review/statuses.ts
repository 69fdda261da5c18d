import type { VocabularyStatus } from '@/lib/vocabulary/status';

/** Statuses whose cards are reviewed; known and ignored words keep their cards but are skipped. */
export const REVIEWED_STATUSES = [
  'new',
  'learning-1',
  'learning-2',
  'learning-3',
  'learning-4',
] as const satisfies readonly VocabularyStatus[];

/**
 * Whether a word in `status` would be a review card with an empty back: it is reviewed, and has no
 * translation ("my meaning") and no glossary term whose English the back shows.
 */
export function lacksBack(status: VocabularyStatus, translation: string, hasTerm: boolean): boolean {
  return (REVIEWED_STATUSES as readonly string[]).includes(status) && translation.trim() === '' && !hasTerm;
}
