import { expect, test } from 'vitest';
import { formatDuration, formatList, formatLongDate, formatSortableDateTime, intlFor } from './format';

test('publication dates are calendar dates in either UI language', () => {
  expect(formatLongDate('en', '2024-04-12')).toBe('April 12, 2024');
  expect(formatLongDate('de', '2024-04-12')).toBe('12. April 2024');
  expect(formatLongDate('de', new Date('2023-02-23T00:00:00Z'))).toBe('23. Februar 2023');
});

test('author lists join naturally', () => {
  expect(formatList('en', ['Matt Berg', 'Lawrence Ukenye', 'Phelim Kine'])).toBe(
    'Matt Berg, Lawrence Ukenye, and Phelim Kine',
  );
  expect(formatList('de', ['Matt Berg', 'Lawrence Ukenye'])).toBe('Matt Berg und Lawrence Ukenye');
});

test('one Intl instance per locale', () => {
  expect(intlFor('de')).toBe(intlFor('de'));
  expect(intlFor('de').formatNumber(1983)).toBe('1.983');
});

test('study time reads in minutes, or seconds under a minute', () => {
  expect(formatDuration('en', 40_000)).toBe('40 seconds');
  expect(formatDuration('en', 61_000)).toBe('1 minute');
  expect(formatDuration('en', 4 * 60_000 + 20_000)).toBe('4 minutes');
  expect(formatDuration('de', 4 * 60_000)).toBe('4 Minuten');
  expect(formatDuration('de', 1_000)).toBe('1 Sekunde');
});

test('moments for spreadsheets: one sortable form in the given zone, 24-hour clock', () => {
  const moment = new Date('2026-05-09T22:05:00Z');
  expect(formatSortableDateTime(moment)).toBe('2026-05-09 22:05');
  expect(formatSortableDateTime(moment, 'Europe/Berlin')).toBe('2026-05-10 00:05');
  expect(formatSortableDateTime(new Date('2026-01-15T17:00:00Z'), 'America/New_York')).toBe('2026-01-15 12:00');
});
