import { describe, expect, test } from 'vitest';
import { addDays, canonicalTimeZone, dayKey, endOfDay, isValidTimeZone, startOfDay, startOfDayKey } from './day';

const at = (iso: string) => new Date(iso);

describe('dayKey', () => {
  test('is the calendar day where the learner is', () => {
    expect(dayKey(at('2026-01-15T23:30:00Z'), 'UTC')).toBe('2026-01-15');
    expect(dayKey(at('2026-01-15T23:30:00Z'), 'Europe/Berlin')).toBe('2026-01-16');
    expect(dayKey(at('2026-01-16T03:00:00Z'), 'America/Los_Angeles')).toBe('2026-01-15');
    expect(dayKey(at('2026-01-15T11:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-01-16');
  });
});

describe('start and end of the day', () => {
  test('Berlin in winter and summer', () => {
    expect(startOfDay(at('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toEqual(at('2026-01-14T23:00:00Z'));
    expect(startOfDay(at('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toEqual(at('2026-07-14T22:00:00Z'));
    expect(startOfDay(at('2026-01-14T23:00:00Z'), 'Europe/Berlin')).toEqual(at('2026-01-14T23:00:00Z'));
    expect(startOfDay(at('2026-01-14T22:59:59.999Z'), 'Europe/Berlin')).toEqual(at('2026-01-13T23:00:00Z'));
  });

  test('Berlin springs forward on 2026-03-29: a 23-hour day', () => {
    const start = startOfDayKey('2026-03-29', 'Europe/Berlin');
    const end = endOfDay(at('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    expect(start).toEqual(at('2026-03-28T23:00:00Z'));
    expect(end).toEqual(at('2026-03-29T22:00:00Z'));
    expect(end.getTime() - start.getTime()).toBe(23 * 3_600_000);
    expect(startOfDay(at('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toEqual(start);
  });

  test('Berlin falls back on 2026-10-25: a 25-hour day', () => {
    const start = startOfDayKey('2026-10-25', 'Europe/Berlin');
    const end = endOfDay(at('2026-10-25T12:00:00Z'), 'Europe/Berlin');
    expect(start).toEqual(at('2026-10-24T22:00:00Z'));
    expect(end).toEqual(at('2026-10-25T23:00:00Z'));
    expect(end.getTime() - start.getTime()).toBe(25 * 3_600_000);
    expect(dayKey(at('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25');
    expect(dayKey(at('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toBe('2026-10-25');
  });

  test('a zone west of UTC, across its own DST change', () => {
    expect(startOfDay(at('2026-01-16T03:00:00Z'), 'America/New_York')).toEqual(at('2026-01-15T05:00:00Z'));
    expect(startOfDayKey('2026-03-08', 'America/New_York')).toEqual(at('2026-03-08T05:00:00Z'));
    expect(startOfDayKey('2026-03-09', 'America/New_York')).toEqual(at('2026-03-09T04:00:00Z'));
    expect(endOfDay(at('2026-01-16T03:00:00Z'), 'America/New_York')).toEqual(at('2026-01-16T05:00:00Z'));
  });

  test('a zone whose midnight is skipped starts the day at the change', () => {
    // Chile moves 00:00 → 01:00 on 2026-09-06.
    const start = startOfDayKey('2026-09-06', 'America/Santiago');
    expect(dayKey(start, 'America/Santiago')).toBe('2026-09-06');
    expect(dayKey(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2026-09-05');
  });

  test('every day of a year starts where the previous one ended', () => {
    for (const zone of ['Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      let key = '2026-01-01';
      for (let i = 0; i < 366; i++) {
        const start = startOfDayKey(key, zone);
        expect(dayKey(start, zone), `${zone} ${key}`).toBe(key);
        expect(dayKey(new Date(start.getTime() - 1), zone), `${zone} ${key}`).toBe(addDays(key, -1));
        key = addDays(key, 1);
      }
    }
  });
});

test('addDays is calendar arithmetic across months and years', () => {
  expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
});

test('time zones are IANA names, checked by Intl', () => {
  expect(isValidTimeZone('Europe/Berlin')).toBe(true);
  expect(isValidTimeZone('UTC')).toBe(true);
  expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  expect(isValidTimeZone('+01:00')).toBe(false);
  expect(isValidTimeZone('')).toBe(false);
  expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
});
