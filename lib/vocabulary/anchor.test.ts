import { expect, test } from 'vitest';
import { paths } from '@/lib/paths';
import { parseAnchor } from './anchor';

test('reads back the anchors lib/paths builds', () => {
  expect(parseAnchor(paths.sentenceAnchor(2, 1))).toEqual({ kind: 'sentence', paragraph: 2, sentence: 1 });
  expect(parseAnchor(paths.sectionAnchor(3))).toEqual({ kind: 'heading', section: 3 });
});

test('refuses anything else', () => {
  for (const anchor of [
    '',
    'p0-s1',
    'p1-s0',
    'section-0',
    'p1-s1 ',
    'P1-S1',
    'section-01',
    'p1',
    '#p1-s1',
    'p9999999-s1',
  ])
    expect(parseAnchor(anchor), anchor).toBeNull();
});
