import { describe, expect, test } from 'vitest';
import { INDEX_PAGE_SIZE, indexPage, WHOLE_INDEX } from './index-page';

/** `count` lemmas starting with `letter`, in order: "A001", "A002", … */
const words = (letter: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${letter}${String(i + 1).padStart(3, '0')}`);

describe('indexPage', () => {
  test('a list that fits on a page is shown whole, whatever letter and page the address names', () => {
    const lemmas = [...words('A', 10), ...words('B', WHOLE_INDEX - 10)];
    expect(indexPage(lemmas, 'B', 3)).toEqual({ lemmas });
  });

  test('a longer list goes a letter at a time, the first letter when the address names none', () => {
    const lemmas = [...words('A', 5), ...words('Ö', WHOLE_INDEX), ...words('7', 10)];
    expect(indexPage(lemmas, undefined, 1)).toEqual({
      lemmas: words('A', 5),
      paging: { letters: ['A', 'O', '#'], letter: 'A', page: 1, pageCount: 1 },
    });
    expect(indexPage(lemmas, '#', 1).lemmas).toEqual(words('7', 10));
    expect(indexPage(lemmas, 'X', 1).paging?.letter).toBe('A');
  });

  test('a long letter is paged; a page past its end shows its last', () => {
    const lemmas = [...words('A', INDEX_PAGE_SIZE + 5), ...words('B', WHOLE_INDEX)];
    expect(indexPage(lemmas, 'A', 1).lemmas).toEqual(words('A', INDEX_PAGE_SIZE));
    expect(indexPage(lemmas, 'A', 9)).toEqual({
      lemmas: words('A', INDEX_PAGE_SIZE + 5).slice(INDEX_PAGE_SIZE),
      paging: { letters: ['A', 'B'], letter: 'A', page: 2, pageCount: 2 },
    });
  });
});
