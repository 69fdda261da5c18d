import { describe, expect, test } from 'vitest';
import { assignmentStatus, parseSeen, readingSummary, readShare, toProgressView } from './status';

const DUE = new Date('2026-05-10T18:00:00Z');
const before = new Date('2026-05-10T17:59:59Z');
const after = new Date('2026-05-10T18:00:01Z');
const opened = new Date('2026-05-09T10:00:00Z');

describe('assignment status', () => {
  test.each([
    ['not opened, before the due date', { openedAt: null, doneAt: null }, before, 'not-started'],
    ['opened, before the due date', { openedAt: opened, doneAt: null }, before, 'in-progress'],
    ['done, before the due date', { openedAt: opened, doneAt: before }, before, 'done'],
    ['not opened, past due', { openedAt: null, doneAt: null }, after, 'overdue'],
    ['opened, past due', { openedAt: opened, doneAt: null }, after, 'overdue'],
    ['done late is done', { openedAt: opened, doneAt: after }, after, 'done'],
    ['exactly at the due time is not yet overdue', { openedAt: null, doneAt: null }, DUE, 'not-started'],
  ] as const)('%s', (_, progress, now, expected) => {
    expect(assignmentStatus({ dueAt: DUE, ...progress }, now)).toBe(expected);
  });
});

describe('reading share', () => {
  test('paragraphs seen over the article’s paragraphs, 0 while unknown', () => {
    expect(readShare(3, 12)).toBe(0.25);
    expect(readShare(0, 0)).toBe(0);
    expect(readShare(20, 12)).toBe(1);
    expect(parseSeen('[0,2,5]')).toEqual([0, 2, 5]);
    expect(parseSeen('not json')).toEqual([]);
    expect(parseSeen('{"a":1}')).toEqual([]);
    expect(
      toProgressView({
        openedAt: opened,
        paragraphsSeen: '[0,1,2]',
        paragraphCount: 6,
        activeSeconds: 90,
        doneAt: null,
      }),
    ).toEqual({
      openedAt: opened,
      paragraphsSeen: 3,
      paragraphCount: 6,
      share: 0.5,
      activeSeconds: 90,
      doneAt: null,
    });
  });
});

describe('a class reading an assignment', () => {
  const row = (seen: number[], count: number, done = false) => ({
    openedAt: new Date(0),
    paragraphsSeen: JSON.stringify(seen),
    paragraphCount: count,
    activeSeconds: 0,
    doneAt: done ? new Date(1) : null,
  });

  test('every student counts, one who never opened it at 0 %', () => {
    expect(readingSummary(4, [row([0, 1, 2, 3], 4, true), row([0], 4)])).toEqual({
      students: 4,
      opened: 2,
      done: 1,
      averageShare: (1 + 0.25) / 4,
    });
    expect(readingSummary(0, [])).toEqual({ students: 0, opened: 0, done: 0, averageShare: 0 });
  });
});
