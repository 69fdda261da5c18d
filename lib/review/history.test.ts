import { describe, expect, test } from 'vitest';
import { startOfDayKey } from './day';
import { COUNTED_REVIEW_MS_MAX, countByDay, knownAtDayEnds, reviewTimeSince, streaks } from './history';

const at = (iso: string) => new Date(iso);

test('countByDay buckets reviews by the learner-local day', () => {
  const instants = ['2026-03-28T22:30:00Z', '2026-03-28T23:10:00Z', '2026-03-29T21:59:00Z', '2026-03-29T22:00:00Z'].map(
    at,
  );
  expect(Object.fromEntries(countByDay(instants, 'Europe/Berlin'))).toEqual({
    '2026-03-28': 1,
    '2026-03-29': 2,
    '2026-03-30': 1,
  });
  expect(Object.fromEntries(countByDay(instants, 'UTC'))).toEqual({ '2026-03-28': 2, '2026-03-29': 2 });
  expect(countByDay([], 'UTC').size).toBe(0);
});

test('reviewTimeSince adds the timed reviews from a moment on, each capped', () => {
  const since = at('2026-05-10T00:00:00Z');
  const logs = [
    { reviewedAt: at('2026-05-09T23:59:59Z'), durationMs: 5_000 }, // before: not counted
    { reviewedAt: since, durationMs: 4_000 },
    { reviewedAt: at('2026-05-10T08:00:00Z'), durationMs: null }, // untimed
    { reviewedAt: at('2026-05-10T09:00:00Z'), durationMs: 3_600_000 }, // left open for an hour
  ];
  expect(reviewTimeSince(logs, since)).toBe(4_000 + COUNTED_REVIEW_MS_MAX);
  expect(reviewTimeSince([], since)).toBe(0);
});

describe('streaks', () => {
  const days = new Set(['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-05', '2026-05-06']);

  test('counts back from today when today has a review', () => {
    expect(streaks(days, '2026-05-06')).toEqual({ current: 2, longest: 3 });
  });

  test('keeps yesterday’s streak while today has none yet, and loses it after a missed day', () => {
    expect(streaks(days, '2026-05-07')).toEqual({ current: 2, longest: 3 });
    expect(streaks(days, '2026-05-08')).toEqual({ current: 0, longest: 3 });
  });

  test('runs across month ends; nothing reviewed is zero', () => {
    expect(streaks(new Set(['2026-02-27', '2026-02-28', '2026-03-01']), '2026-03-01')).toEqual({
      current: 3,
      longest: 3,
    });
    expect(streaks(new Set(), '2026-03-01')).toEqual({ current: 0, longest: 0 });
  });
});

describe('knownAtDayEnds', () => {
  const keys = ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04'];
  const dayEnds = keys.map((_, i) => startOfDayKey(keys[i + 1] ?? '2026-05-05', 'UTC'));

  test('follows each word’s latest status at the end of each day', () => {
    const changes = [
      { entryId: 'a', status: 'learning-1', changedAt: at('2026-04-20T10:00:00Z') },
      { entryId: 'a', status: 'known', changedAt: at('2026-05-02T10:00:00Z') },
      { entryId: 'b', status: 'known', changedAt: at('2026-04-30T10:00:00Z') },
      { entryId: 'b', status: 'learning-2', changedAt: at('2026-05-03T10:00:00Z') },
      { entryId: 'c', status: 'known', changedAt: at('2026-05-03T23:59:59Z') },
      { entryId: 'c', status: 'known', changedAt: at('2026-05-04T08:00:00Z') },
      { entryId: 'd', status: 'known', changedAt: at('2026-05-09T08:00:00Z') },
    ];
    expect(knownAtDayEnds(changes, [], dayEnds)).toEqual([1, 2, 2, 2]);
  });

  test('words created known count from their creation; history arrives in any order', () => {
    const changes = [
      { entryId: 'a', status: 'ignored', changedAt: at('2026-05-04T10:00:00Z') },
      { entryId: 'a', status: 'known', changedAt: at('2026-05-01T10:00:00Z') },
    ];
    expect(knownAtDayEnds(changes, [at('2026-04-01T00:00:00Z'), at('2026-05-02T00:00:00Z')], dayEnds)).toEqual([
      2, 3, 3, 2,
    ]);
  });
});
