import type { VocabularyStatus } from '@/lib/vocabulary/status';

/** Statuses whose cards are reviewed; known and ignored words keep their cards but are skipped. */
export const REVIEWED_STATUSES = [
  'new',
  'learning-1',
  'learning-2',
  'learning-3',
  'learning-4',
] as const satisfies readonly VocabularyStatus[];
