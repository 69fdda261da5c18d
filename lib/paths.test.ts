import { describe, expect, test } from 'vitest';
import { paths, switchLocale } from './paths';

describe('switchLocale', () => {
  test.each([
    ['/en', 'de', '/de'],
    ['/en/', 'de', '/de'],
    ['/en/articles/china-hilft', 'de', '/de/articles/china-hilft'],
    ['/de/articles/x', 'en', '/en/articles/x'],
    ['/', 'de', '/de'],
    ['/fr/articles', 'de', '/de/fr/articles'],
  ] as const)('%s → %s', (from, target, expected) => {
    expect(switchLocale(from, target)).toBe(expected);
  });
});

describe('paths', () => {
  test('article URLs encode the slug', () => {
    expect(paths.article('de', 'a b')).toBe('/de/articles/a%20b');
  });
  test('sentence anchors count from one', () => {
    expect(paths.sentenceAnchor(0, 0)).toBe('p1-s1');
    expect(paths.sentenceAnchor(11, 2)).toBe('p12-s3');
  });
});
