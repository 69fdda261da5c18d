import fc from 'fast-check';
import { expect, test } from 'vitest';
import { toSegments } from './segments';

const text = 'Die Werkzeugmaschinenexporte der roten Linien steigen.';

test('terms and the text between them, in order', () => {
  const segments = toSegments(text, [
    { start: 33, end: 45, term: 'rote Linie', kind: 'phrase' },
    { start: 4, end: 20, term: 'Werkzeugmaschine', kind: 'compound-part' },
  ]);
  expect(segments).toEqual([
    { type: 'text', text: 'Die ' },
    { type: 'term', text: 'Werkzeugmaschine', term: 'Werkzeugmaschine', partial: true },
    { type: 'text', text: 'nexporte der ' },
    { type: 'term', text: 'roten Linien', term: 'rote Linie', partial: false },
    { type: 'text', text: ' steigen.' },
  ]);
});

test('overlapping occurrences: the first wins', () => {
  const segments = toSegments(text, [
    { start: 33, end: 45, term: 'a', kind: 'phrase' },
    { start: 39, end: 53, term: 'b', kind: 'phrase' },
  ]);
  expect(segments.filter((s) => s.type === 'term').map((s) => s.text)).toEqual(['roten Linien']);
});

test('the segments always join back to the text', () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 60 }),
      fc.array(fc.tuple(fc.nat(60), fc.nat(20)), { maxLength: 6 }),
      (s, raw) => {
        const occurrences = raw
          .map(([start, length]) => ({
            start: Math.min(start, s.length),
            end: Math.min(start + length, s.length),
            term: 't',
            kind: 'word',
          }))
          .filter((o) => o.end > o.start);
        expect(
          toSegments(s, occurrences)
            .map((seg) => seg.text)
            .join(''),
        ).toBe(s);
      },
    ),
  );
});
