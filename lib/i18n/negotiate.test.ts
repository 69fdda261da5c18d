import { expect, test } from 'vitest';
import { negotiateLocale } from './negotiate';

test.each([
  ['de-DE,de;q=0.9,en;q=0.8', 'de'],
  ['en-GB,en;q=0.9', 'en'],
  ['fr-FR,fr;q=0.9,de;q=0.8,en;q=0.5', 'de'],
  ['en;q=0.4,de;q=0.9', 'de'],
  ['de-AT', 'de'],
  ['fr', 'en'],
  ['*', 'en'],
  ['', 'en'],
  ['not a ;; header', 'en'],
] as const)('Accept-Language %j → %s', (header, expected) => {
  expect(negotiateLocale(header)).toBe(expected);
});

test('a missing header falls back to English', () => {
  expect(negotiateLocale(null)).toBe('en');
});
