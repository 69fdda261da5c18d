import { describe, expect, test } from 'vitest';
import type { CardDirection } from './cards';
import { LEARN_AHEAD_MS } from './queue';
import { afterGrade, remaining, type SessionState, startSession } from './session';
import type { GradedCard, QueueCard } from './types';

// One session in the browser (ADR 023): a card graded Again comes back in the same session once its
// learning step is over, or at once when nothing else is left; the session does not end before.
const T0 = Date.parse('2026-05-10T10:00:00Z');
const DAY_END = Date.parse('2026-05-11T00:00:00Z');
const MIN = 60_000;

const card = (entryId: string, direction: CardDirection = 'de-en'): QueueCard => ({
  id: `${entryId}:${direction}`,
  direction,
  face: { prompt: entryId, answer: entryId },
  state: 0,
  reps: 0,
  due: new Date(T0).toISOString(),
  entry: { id: entryId, lemma: entryId, translation: entryId, status: 'learning-1' },
});
/** What the server answers for a grade: the card's next state and due, `minutes` from `at`. */
const graded = (s: SessionState, state: GradedCard['state'], at: number, minutes: number): GradedCard => ({
  id: s.current!.id,
  due: new Date(at + minutes * MIN).toISOString(),
  state,
  reps: s.current!.reps + 1,
  lapses: 0,
  scheduledDays: 0,
});
const shown = (s: SessionState) => s.current?.id ?? null;

describe('a review session', () => {
  test('Again brings a card back after its learning step, ahead of cards not shown yet', () => {
    let s = startSession([card('a'), card('b'), card('c'), card('d')], T0);
    expect(shown(s)).toBe('a:de-en');
    s = afterGrade(s, graded(s, 1, T0, 1), T0, DAY_END); // Again: one minute
    expect(shown(s)).toBe('b:de-en');
    expect(remaining(s)).toBe(4);
    s = afterGrade(s, graded(s, 2, T0 + 30_000, 10_080), T0 + 30_000, DAY_END); // b: in review for a week
    expect(shown(s)).toBe('c:de-en'); // a's minute is not over yet
    s = afterGrade(s, graded(s, 2, T0 + 2 * MIN, 10_080), T0 + 2 * MIN, DAY_END);
    expect(shown(s)).toBe('a:de-en'); // its step is over: it comes before d
    expect(s.current!.reps).toBe(1); // the next grade sends the reps the server now has
    s = afterGrade(s, graded(s, 2, T0 + 3 * MIN, 1440), T0 + 3 * MIN, DAY_END);
    expect(shown(s)).toBe('d:de-en');
    s = afterGrade(s, graded(s, 2, T0 + 4 * MIN, 1440), T0 + 4 * MIN, DAY_END);
    expect(s).toMatchObject({ current: null, graded: 5, later: 0 });
  });

  test('the session does not end while a card graded Again is waiting: it comes back at once', () => {
    let s = startSession([card('a'), card('b')], T0);
    s = afterGrade(s, graded(s, 2, T0, 1440), T0, DAY_END);
    s = afterGrade(s, graded(s, 1, T0, 1), T0, DAY_END); // b: Again, and nothing else left
    expect(shown(s)).toBe('b:de-en');
    s = afterGrade(s, graded(s, 1, T0, 1), T0, DAY_END); // Again once more
    expect(shown(s)).toBe('b:de-en');
    s = afterGrade(s, graded(s, 2, T0, 1440), T0, DAY_END);
    expect(s).toMatchObject({ current: null, graded: 4, later: 0 });
  });

  test('a step ending beyond the learn-ahead window, later today, ends the session with the card counted for later', () => {
    let s = startSession([card('a')], T0);
    s = afterGrade(s, graded(s, 3, T0, LEARN_AHEAD_MS / MIN + 40), T0, DAY_END);
    expect(s).toMatchObject({ current: null, graded: 1, later: 1 });
    // A step ending after the learner's day belongs to tomorrow: not "later today".
    let t = startSession([card('a')], T0);
    t = afterGrade(t, graded(t, 1, DAY_END, 1), T0, DAY_END);
    expect(t).toMatchObject({ current: null, later: 0 });
  });

  test('a card back from its step never follows its sibling or itself while others wait', () => {
    let s = startSession([card('a'), card('a', 'en-de'), card('b')], T0);
    expect(shown(s)).toBe('a:de-en');
    s = afterGrade(s, graded(s, 1, T0, 0), T0, DAY_END); // due at once
    expect(shown(s)).toBe('b:de-en');
    s = afterGrade(s, graded(s, 2, T0, 1440), T0, DAY_END);
    expect(shown(s)).toBe('a:de-en');
    s = afterGrade(s, graded(s, 2, T0, 1440), T0, DAY_END);
    expect(shown(s)).toBe('a:en-de'); // only one word is left
  });

  test('a card graded elsewhere meanwhile is done here', () => {
    let s = startSession([card('a'), card('b')], T0);
    s = afterGrade(s, null, T0, DAY_END);
    expect(shown(s)).toBe('b:de-en');
    expect(remaining(s)).toBe(1);
  });
});
