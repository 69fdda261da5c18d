import { describe, expect, test } from 'vitest';
import { paths } from '@/lib/paths';
import { groupByArticle, placeOf, splitAtMarks } from './concordance';
import type { ConcordanceLine } from './types';

describe('placeOf', () => {
  test('reads the anchors lib/paths builds', () => {
    expect(placeOf(paths.sentenceAnchor(2, 1))).toEqual({ kind: 'sentence', paragraph: 3, sentence: 2 });
    expect(placeOf(paths.sectionAnchor(3))).toEqual({ kind: 'heading', section: 4 });
  });
  test('anything else is no place', () => {
    expect(placeOf('p3')).toBeNull();
    expect(placeOf('section-x')).toBeNull();
  });
});

describe('groupByArticle', () => {
  const line = (articleSlug: string, anchor: string, start = 0, end = 1): ConcordanceLine => ({
    articleSlug,
    articleTitle: `Titel ${articleSlug}`,
    anchor,
    textDe: `Satz ${anchor}`,
    textEn: `Sentence ${anchor}`,
    start,
    end,
    kind: 'word',
  });

  test('groups by article in order of first appearance and keeps the sentence order', () => {
    const groups = groupByArticle([line('b', 'p1-s1'), line('a', 'section-1'), line('b', 'p2-s1')]);
    expect(groups.map((g) => [g.articleSlug, g.articleTitle, g.occurrences, g.sentences.map((s) => s.anchor)])).toEqual(
      [
        ['b', 'Titel b', 2, ['p1-s1', 'p2-s1']],
        ['a', 'Titel a', 1, ['section-1']],
      ],
    );
    expect(groups[1]!.sentences[0]!.place).toEqual({ kind: 'heading', section: 1 });
  });

  test('two occurrences in one sentence are one sentence with two marks', () => {
    const [group] = groupByArticle([line('a', 'p20-s1', 40, 50), line('a', 'p20-s1', 4, 14)]);
    expect(group!.occurrences).toBe(2);
    expect(group!.sentences).toEqual([
      {
        anchor: 'p20-s1',
        place: { kind: 'sentence', paragraph: 20, sentence: 1 },
        textDe: 'Satz p20-s1',
        textEn: 'Sentence p20-s1',
        marks: [
          { start: 4, end: 14 },
          { start: 40, end: 50 },
        ],
      },
    ]);
  });
});

describe('splitAtMarks', () => {
  test('cuts around each mark', () => {
    expect(splitAtMarks('den Export von Werkzeugmaschinen.', [{ start: 15, end: 32 }])).toEqual([
      { text: 'den Export von ', marked: false },
      { text: 'Werkzeugmaschinen', marked: true },
      { text: '.', marked: false },
    ]);
    expect(
      splitAtMarks('a b c', [
        { start: 4, end: 5 },
        { start: 0, end: 1 },
      ])
        .map((p) => `${p.marked ? '[' : ''}${p.text}${p.marked ? ']' : ''}`)
        .join(''),
    ).toBe('[a] b [c]');
  });
  test('joins overlapping marks and clamps offsets outside the text', () => {
    expect(
      splitAtMarks('abcdef', [
        { start: 1, end: 3 },
        { start: 2, end: 4 },
      ]),
    ).toEqual([
      { text: 'a', marked: false },
      { text: 'bcd', marked: true },
      { text: 'ef', marked: false },
    ]);
    expect(splitAtMarks('abc', [{ start: 2, end: 10 }])).toEqual([
      { text: 'ab', marked: false },
      { text: 'c', marked: true },
    ]);
    expect(splitAtMarks('abc', [{ start: 5, end: 1 }])).toEqual([{ text: 'abc', marked: false }]);
  });
});
