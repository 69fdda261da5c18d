import { describe, expect, test } from 'vitest';
import type { CardDirection } from './cards';
import { arrangeSiblings, type Candidate, planDay } from './queue';

// Sibling rules of a day's queue (ADR 023): one card per word, a word graded today waits for
// tomorrow, and no two cards of a word back to back.
const card = (entryId: string, direction: CardDirection = 'de-en'): Candidate => ({
  id: `${entryId}:${direction}`,
  entryId,
  direction,
});
const ids = (cards: readonly Candidate[]) => cards.map((c) => c.id);
const day = (over: Partial<Parameters<typeof planDay<Candidate>>[0]>) =>
  planDay({
    learning: [],
    review: [],
    fresh: [],
    touched: new Set(),
    reviewsRemaining: 100,
    newRemaining: 100,
    ...over,
  });

describe('planDay', () => {
  test('a new word shows its German to English card today; its other cards are buried', () => {
    const plan = day({ fresh: [card('a', 'cloze'), card('a', 'en-de'), card('a', 'de-en'), card('b', 'en-de')] });
    expect(ids(plan.fresh)).toEqual(['a:de-en', 'b:en-de']);
  });

  test('a word graded today, or in its learning steps, has no other card in today’s queue', () => {
    const plan = day({
      learning: [card('a', 'en-de')],
      review: [card('a', 'de-en'), card('b', 'de-en'), card('c', 'de-en'), card('c', 'cloze')],
      fresh: [card('a', 'cloze'), card('b', 'en-de'), card('d', 'de-en')],
      touched: new Set(['b']),
    });
    expect(ids(plan.learning)).toEqual(['a:en-de']);
    expect(ids(plan.review)).toEqual(['c:de-en']);
    expect(ids(plan.fresh)).toEqual(['d:de-en']);
  });

  test('learning cards ignore the limits; review and new cards keep them, counted in words', () => {
    const plan = day({
      learning: [card('l1'), card('l2')],
      review: [card('r1'), card('r1', 'en-de'), card('r2'), card('r3')],
      fresh: [card('n1'), card('n1', 'en-de'), card('n2'), card('n3')],
      reviewsRemaining: 2,
      newRemaining: 2,
    });
    expect(ids(plan.learning)).toEqual(['l1:de-en', 'l2:de-en']);
    expect(ids(plan.review)).toEqual(['r1:de-en', 'r2:de-en']);
    expect(ids(plan.fresh)).toEqual(['n1:de-en', 'n2:de-en']);
    expect(day({ review: [card('r1')], fresh: [card('n1')], reviewsRemaining: 0, newRemaining: 0 })).toEqual({
      learning: [],
      review: [],
      fresh: [],
    });
  });
});

describe('arrangeSiblings', () => {
  const word = (c: Candidate) => c.entryId;

  test('never shows two cards of one word back to back while another word can go between', () => {
    const arranged = arrangeSiblings([card('a'), card('a', 'en-de'), card('a', 'cloze'), card('b'), card('c')], word);
    expect(ids(arranged)).toEqual(['a:de-en', 'b:de-en', 'a:en-de', 'c:de-en', 'a:cloze']);
    for (let i = 1; i < arranged.length; i++) expect(arranged[i]!.entryId).not.toBe(arranged[i - 1]!.entryId);
  });

  test('keeps the order where no siblings meet, and respects the word shown before', () => {
    expect(ids(arrangeSiblings([card('a'), card('b'), card('c')], word))).toEqual(['a:de-en', 'b:de-en', 'c:de-en']);
    expect(ids(arrangeSiblings([card('a'), card('b')], word, 'a'))).toEqual(['b:de-en', 'a:de-en']);
    // Only one word left: nothing can go between its cards.
    expect(ids(arrangeSiblings([card('a'), card('a', 'en-de')], word, 'a'))).toEqual(['a:de-en', 'a:en-de']);
  });
});
