import { afterEach, describe, expect, test, vi } from 'vitest';
import { dueInputToInstant, nextWeekDueInputValue, toDueInputValue } from './due-input';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('due date field values', () => {
  test('a moment is shown in the local zone and sent back as the same instant', () => {
    const local = new Date(2027, 1, 20, 9, 30, 45);
    expect(toDueInputValue(local)).toBe('2027-02-20T09:30');
    expect(dueInputToInstant('2027-02-20T09:30')).toBe(new Date(2027, 1, 20, 9, 30).toISOString());
  });

  test('in Berlin in winter, 09:30 local is 08:30 UTC, both ways', () => {
    vi.stubEnv('TZ', 'Europe/Berlin');
    expect(dueInputToInstant('2027-02-20T09:30')).toBe('2027-02-20T08:30:00.000Z');
    expect(toDueInputValue(new Date('2027-02-20T08:30:00.000Z'))).toBe('2027-02-20T09:30');
    expect(toDueInputValue(new Date('2027-07-01T23:30:00.000Z'))).toBe('2027-07-02T01:30');
  });

  test('empty or invalid values send nothing the server could mistake for a date', () => {
    expect(dueInputToInstant('')).toBe('');
    expect(dueInputToInstant('not a date')).toBe('');
  });

  test('a new assignment is due a week ahead at 18:00', () => {
    expect(nextWeekDueInputValue(new Date(2027, 0, 28, 9, 0).getTime())).toBe('2027-02-04T18:00');
  });
});
