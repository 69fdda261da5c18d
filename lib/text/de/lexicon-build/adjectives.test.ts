import { expect, test, vi } from 'vitest';
import { addAdjectives, adjectiveForms } from './adjectives';
import { RANK } from './form-table';
import type { AdjectiveParadigm } from './types';

const GROSS: AdjectiveParadigm = {
  NOM: { DEF: { M: 'große', P: 'großen' }, IND: { M: 'großer', N: 'großes' } },
  DAT: { SOL: { M: 'großem' } },
};

test('adjectiveForms lists the paradigm in the package’s order, repeats included', () => {
  expect(adjectiveForms(GROSS)).toEqual(['große', 'großen', 'großer', 'großes', 'großem']);
  expect(adjectiveForms({ NOM: { DEF: { M: 'neue' }, IND: { M: 'neue' } } })).toEqual(['neue', 'neue']);
  expect(adjectiveForms(null)).toEqual([]);
  expect(adjectiveForms({ NOM: undefined })).toEqual([]);
});

test('the lemma and every form are ADJ readings of the adjective rank', () => {
  const sink = { add: vi.fn(), addSeparable: vi.fn() };
  addAdjectives(sink, { groß: GROSS, lila: null });
  expect(sink.add.mock.calls).toEqual([
    ['groß', 'groß', 'ADJ', RANK.adjective],
    ['große', 'groß', 'ADJ', RANK.adjective],
    ['großen', 'groß', 'ADJ', RANK.adjective],
    ['großer', 'groß', 'ADJ', RANK.adjective],
    ['großes', 'groß', 'ADJ', RANK.adjective],
    ['großem', 'groß', 'ADJ', RANK.adjective],
    ['lila', 'lila', 'ADJ', RANK.adjective],
  ]);
});
