import { expect, test } from 'vitest';
import { LEARNER_WORDS_PER_MINUTE, readingMinutes } from './reading-time';

test('rounds to whole minutes at learner pace, never below one for real text', () => {
  expect(readingMinutes(0)).toBe(0);
  expect(readingMinutes(1)).toBe(1);
  expect(readingMinutes(LEARNER_WORDS_PER_MINUTE)).toBe(1);
  expect(readingMinutes(554)).toBe(4);
  expect(readingMinutes(1983)).toBe(13);
});

test('nonsense counts read as zero', () => {
  expect(readingMinutes(Number.NaN)).toBe(0);
  expect(readingMinutes(-5)).toBe(0);
});
