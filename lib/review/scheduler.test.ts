import { describe, expect, test } from 'vitest';
import { type CardSchedule, fromFsrsCard, gradeCard, newCardSchedule, toFsrsCard } from './scheduler';

const now = new Date('2026-03-01T09:00:00Z');

describe('gradeCard', () => {
  test('Good on a new card moves it out of new with a later due and logs the state before', () => {
    const { card, log } = gradeCard(newCardSchedule(now), 3, now);
    expect(card.state).toBeGreaterThan(0);
    expect(card.due.getTime()).toBeGreaterThan(now.getTime());
    expect(card.reps).toBe(1);
    expect(card.lastReview).toEqual(now);
    expect(log).toMatchObject({ rating: 3, state: 0, reviewedAt: now });
  });

  test('Again on a review card counts a lapse and relearns it', () => {
    let row = newCardSchedule(now);
    let at = now;
    while (row.state !== 2) {
      row = gradeCard(row, 3, at).card;
      at = new Date(row.due.getTime() + 60_000);
    }
    const { card, log } = gradeCard(row, 1, at);
    expect(card.lapses).toBe(row.lapses + 1);
    expect(card.state).toBe(3);
    expect(log.state).toBe(2);
  });

  test('Easy schedules further out than Hard', () => {
    const hard = gradeCard(newCardSchedule(now), 2, now).card;
    const easy = gradeCard(newCardSchedule(now), 4, now).card;
    expect(easy.due.getTime()).toBeGreaterThan(hard.due.getTime());
  });

  test('is deterministic', () => {
    const run = () => {
      let row = newCardSchedule(now);
      const dues: string[] = [];
      for (const [i, rating] of ([3, 3, 2, 4, 1, 3] as const).entries()) {
        row = gradeCard(row, rating, new Date(now.getTime() + i * 86_400_000 * 3)).card;
        dues.push(row.due.toISOString());
      }
      return dues;
    };
    expect(run()).toEqual(run());
  });
});

test('rows and ts-fsrs cards map both ways without loss', () => {
  const row: CardSchedule = {
    due: now,
    stability: 4.5,
    difficulty: 5.2,
    elapsedDays: 3,
    scheduledDays: 7,
    learningSteps: 0,
    reps: 4,
    lapses: 1,
    state: 2,
    lastReview: new Date('2026-02-22T09:00:00Z'),
  };
  expect(fromFsrsCard(toFsrsCard(row))).toEqual(row);
  expect(fromFsrsCard(toFsrsCard({ ...row, state: 0, lastReview: null }))).toEqual({
    ...row,
    state: 0,
    lastReview: null,
  });
});
