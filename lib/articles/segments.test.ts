import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { StoredToken } from '@/lib/annotation/tokens';
import { toSegments } from './segments';

const text = 'Die Werkzeugmaschinenexporte der roten Linien steigen.';
const tokens: StoredToken[] = [
  [0, 3, 'der', 'OTHER'], [4, 28, 'Werkzeugmaschinenexport', 'NOUN'], [29, 32, 'der', 'OTHER'], [33, 38, 'rot', 'ADJ'], [39, 45, 'Linie', 'NOUN'], [46, 53, 'steigen', 'VERB'],
];

test('words, terms and the text between them, in order', () => {
  const segments = toSegments(text, tokens, [
    { start: 4, end: 20, term: 'Werkzeugmaschine', kind: 'compound-part' },
    { start: 33, end: 45, term: 'rote Linie', kind: 'phrase' },
  ]);
  expect(segments).toEqual([
    { type: 'word', text: 'Die', lemma: 'der', pos: 'OTHER' },
    { type: 'text', text: ' ' },
    { type: 'term', text: 'Werkzeugmaschine', term: 'Werkzeugmaschine', partial: true },
    { type: 'text', text: 'nexporte ' },
    { type: 'word', text: 'der', lemma: 'der', pos: 'OTHER' },
    { type: 'text', text: ' ' },
    { type: 'term', text: 'roten Linien', term: 'rote Linie', partial: false },
    { type: 'text', text: ' ' },
    { type: 'word', text: 'steigen', lemma: 'steigen', pos: 'VERB' },
    { type: 'text', text: '.' },
  ]);
});

test('overlapping occurrences: the first wins', () => {
  const segments = toSegments(text, tokens, [{ start: 33, end: 45, term: 'a', kind: 'phrase' }, { start: 39, end: 53, term: 'b', kind: 'phrase' }]);
  expect(segments.filter((s) => s.type === 'term').map((s) => s.text)).toEqual(['roten Linien']);
});

test('the segments always join back to the text', () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 60 }),
      fc.array(fc.tuple(fc.nat(60), fc.nat(20)), { maxLength: 8 }),
      fc.array(fc.tuple(fc.nat(60), fc.nat(20)), { maxLength: 4 }),
      (s, rawTokens, rawTerms) => {
        const clamp = ([start, length]: [number, number]) => [Math.min(start, s.length), Math.min(start + length, s.length)] as const;
        const sorted = rawTokens.map(clamp).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
        const nonOverlapping = sorted.filter((tok, i) => i === 0 || tok[0] >= sorted[i - 1]![1]);
        const toks = nonOverlapping.map(([a, b]) => [a, b, 'x', 'OTHER'] as StoredToken);
        const occs = rawTerms.map(clamp).filter(([a, b]) => b > a).map(([start, end]) => ({ start, end, term: 't', kind: 'word' }));
        expect(toSegments(s, toks, occs).map((seg) => seg.text).join('')).toBe(s);
      },
    ),
  );
});
