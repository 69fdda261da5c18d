import { expect, test } from 'vitest';
import { articleCoverage } from './coverage';

test('counts running words, known and ignored as known, and lists lemmas without an entry once, in order', () => {
  const lemmas = ['der', 'Krieg', 'sein', 'der', 'Krieg', 'lang', 'China', 'helfen'];
  const coverage = articleCoverage(lemmas, { der: 'known', Krieg: 'learning-2', China: 'ignored', sein: 'new' });
  expect(coverage).toEqual({ total: 8, known: 3, percent: 37, unknownLemmas: ['lang', 'helfen'] });
});

test('rounds down: 100 % only when every word is known', () => {
  const lemmas = [...Array.from({ length: 199 }, () => 'und'), 'Aufrüstung'];
  expect(articleCoverage(lemmas, { und: 'known' }).percent).toBe(99);
  expect(articleCoverage(lemmas, { und: 'known', Aufrüstung: 'known' }).percent).toBe(100);
});

test('lemmas are case-sensitive keys, tokens without a letter are not words, and no words is 100 %', () => {
  expect(articleCoverage(['Essen', 'essen', '2023'], { essen: 'known' })).toEqual({
    total: 2,
    known: 1,
    percent: 50,
    unknownLemmas: ['Essen'],
  });
  expect(articleCoverage([], {})).toEqual({ total: 0, known: 0, percent: 100, unknownLemmas: [] });
  expect(articleCoverage(['constructor', 'toString'], {}).unknownLemmas).toEqual(['constructor', 'toString']);
});
