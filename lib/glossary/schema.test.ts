import { describe, expect, test } from 'vitest';
import { parseGlossaryQuery } from './schema';

describe('parseGlossaryQuery', () => {
  test('reads the letter and page of an index by letter', () => {
    expect(parseGlossaryQuery({ letter: 'w', page: '2' })).toEqual({ q: '', letter: 'W', page: 2 });
    expect(parseGlossaryQuery({ letter: ['other', 'a'] })).toEqual({ q: '', letter: '#', page: 1 });
  });

  test('drops what is not a letter or a page, never an error', () => {
    expect(parseGlossaryQuery({ letter: 'ä', page: '0' })).toEqual({ q: '', page: 1 });
    expect(parseGlossaryQuery({ letter: 'W', page: 'zwei' })).toEqual({ q: '', page: 1 });
  });
});
