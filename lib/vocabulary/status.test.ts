import { expect, test } from 'vitest';
import {
  countsAsKnown,
  isVocabularyStatus,
  STATUS_LABEL_KEYS,
  STATUS_SHORTCUTS,
  statusForKey,
  VOCABULARY_STATUSES,
  VocabularyStatusSchema,
} from './status';

test('keys N, 1–4, K and I set a status; other keys none', () => {
  expect(['n', 'N', '1', '2', '3', '4', 'k', 'K', 'i', 'I'].map(statusForKey)).toEqual([
    'new',
    'new',
    'learning-1',
    'learning-2',
    'learning-3',
    'learning-4',
    'known',
    'known',
    'ignored',
    'ignored',
  ]);
  for (const key of ['0', '5', 'x', 'Enter', ' ', 'constructor', 'toString']) expect(statusForKey(key)).toBeNull();
});

test('known and ignored count as words the learner knows; new, learning and unknown do not', () => {
  expect(VOCABULARY_STATUSES.filter((s) => countsAsKnown(s))).toEqual(['known', 'ignored']);
  expect(countsAsKnown(undefined)).toBe(false);
});

test('every status has a label key in the vocabulary namespace, and the schema knows exactly the statuses', () => {
  for (const status of VOCABULARY_STATUSES) {
    expect(STATUS_LABEL_KEYS[status]).toMatch(/^vocabulary:status\.[a-z][A-Za-z0-9]*$/);
    expect(VocabularyStatusSchema.parse(status)).toBe(status);
    expect(isVocabularyStatus(status)).toBe(true);
  }
  expect(VocabularyStatusSchema.safeParse('learning-5').error?.issues[0]?.message).toBe('vocabulary:errors.status');
  expect(isVocabularyStatus('Known')).toBe(false);
});

test('the keys the picker and the legend show are the keys that set each status (either case)', () => {
  for (const status of VOCABULARY_STATUSES) {
    const key = STATUS_SHORTCUTS[status];
    expect(statusForKey(key)).toBe(status);
    expect(statusForKey(key.toLowerCase())).toBe(status);
  }
});
