import { z } from 'zod';

/**
 * A learner's status for a word (the lemma). `new`: saved to learn, not yet rated (what a plain
 * "save" gives); `learning-1` … `learning-4`: rising familiarity; `known`: no need to study it;
 * `ignored`: not worth learning (names, abbreviations, foreign words). A word without an entry is
 * "unknown", which is not a status: the reader shows it distinct from all of these.
 */
export const VOCABULARY_STATUSES = [
  'new',
  'learning-1',
  'learning-2',
  'learning-3',
  'learning-4',
  'known',
  'ignored',
] as const;
export type VocabularyStatus = (typeof VOCABULARY_STATUSES)[number];

export const VocabularyStatusSchema = z.enum(VOCABULARY_STATUSES, { error: 'vocabulary:errors.status' });

export function isVocabularyStatus(value: unknown): value is VocabularyStatus {
  return typeof value === 'string' && (VOCABULARY_STATUSES as readonly string[]).includes(value);
}

/** The reader's one-key shortcuts (KeyboardEvent.key), upper and lower case. */
const STATUS_BY_KEY: Readonly<Record<string, VocabularyStatus>> = {
  n: 'new',
  N: 'new',
  '1': 'learning-1',
  '2': 'learning-2',
  '3': 'learning-3',
  '4': 'learning-4',
  k: 'known',
  K: 'known',
  i: 'ignored',
  I: 'ignored',
};

/** Each status's key as the reader shows it (the status picker, the legend). */
export const STATUS_SHORTCUTS: Readonly<Record<VocabularyStatus, string>> = {
  new: 'N',
  'learning-1': '1',
  'learning-2': '2',
  'learning-3': '3',
  'learning-4': '4',
  known: 'K',
  ignored: 'I',
};

/** The status a key press sets, or null for any other key. */
export function statusForKey(key: string): VocabularyStatus | null {
  return Object.hasOwn(STATUS_BY_KEY, key) ? STATUS_BY_KEY[key]! : null;
}

/** i18n keys (namespace `vocabulary`) of each status's label, written out so that key checks find them. */
export const STATUS_LABEL_KEYS = {
  new: 'vocabulary:status.new',
  'learning-1': 'vocabulary:status.learning1',
  'learning-2': 'vocabulary:status.learning2',
  'learning-3': 'vocabulary:status.learning3',
  'learning-4': 'vocabulary:status.learning4',
  known: 'vocabulary:status.known',
  ignored: 'vocabulary:status.ignored',
} as const satisfies Record<VocabularyStatus, string>;

/**
 * Whether a word counts towards "You know … % of the words": known words and ignored ones (which the
 * learner has decided not to learn, so they stand in no one's way). `new` and learning words do not.
 */
export function countsAsKnown(status: VocabularyStatus | undefined): boolean {
  return status === 'known' || status === 'ignored';
}
