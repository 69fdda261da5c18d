import { describe, expect, test } from 'vitest';
import { type Box, placeFloating, sheetHeight, sheetScroll } from './placement';

const viewport = { width: 1200, height: 900 };
const box = (top: number, bottom: number, left = 100, right = 600): Box => ({ top, bottom, left, right });
const overlaps = (card: { top: number; height: number }, sentence: Box) =>
  card.top < sentence.bottom && card.top + card.height > sentence.top;

describe('placeFloating', () => {
  test('below the sentence when the card fits there', () => {
    const p = placeFloating({ sentence: box(100, 200), x: 300, width: 380, height: 300, cap: 500, viewport });
    expect(p).toMatchObject({ side: 'below', top: 206, left: 300 });
  });

  test('above the sentence near the bottom of the screen, never over it', () => {
    const sentence = box(700, 820);
    const p = placeFloating({ sentence, x: 300, width: 380, height: 300, cap: 500, viewport });
    expect(p.side).toBe('above');
    expect(p.top + 300).toBeLessThanOrEqual(sentence.top);
    expect(p.top).toBeGreaterThanOrEqual(8);
  });

  test('with no room for all of it, on the larger side and cut to fit: still clear of the sentence, inside the screen', () => {
    for (const [top, bottom] of [
      [300, 500],
      [200, 650],
      [50, 120],
      [820, 890],
    ] as const) {
      const sentence = box(top, bottom);
      const p = placeFloating({ sentence, x: 300, width: 380, height: 800, cap: 800, viewport });
      const height = Math.min(800, p.maxHeight);
      expect(overlaps({ top: p.top, height }, sentence)).toBe(false);
      expect(p.top).toBeGreaterThanOrEqual(0);
      expect(p.top + height).toBeLessThanOrEqual(viewport.height);
    }
  });

  test('kept inside the screen horizontally', () => {
    expect(placeFloating({ sentence: box(100, 200), x: 1100, width: 380, height: 100, cap: 500, viewport }).left).toBe(
      1200 - 380 - 8,
    );
    expect(placeFloating({ sentence: box(100, 200), x: -20, width: 380, height: 100, cap: 500, viewport }).left).toBe(
      8,
    );
  });
});

describe('sheetScroll', () => {
  test('no scrolling when the sentence already stands above the sheet', () => {
    expect(sheetScroll({ sentence: box(100, 200), height: 400, viewportHeight: 844 })).toBe(0);
  });

  test('scrolls a sentence hidden by the sheet up above it', () => {
    const sentence = box(600, 700);
    const by = sheetScroll({ sentence, height: 400, viewportHeight: 844 });
    expect(sentence.bottom - by).toBeLessThanOrEqual(844 - 400);
    expect(sentence.top - by).toBeGreaterThanOrEqual(8);
  });

  test('a sentence taller than the room left shows its start, unless that hides the clicked word', () => {
    expect(sheetScroll({ sentence: box(500, 1000), height: 400, viewportHeight: 844 })).toBe(492);
    const word = { top: 960, bottom: 990 };
    const by = sheetScroll({ sentence: box(500, 1000), word, height: 400, viewportHeight: 844 });
    expect(word.bottom - by).toBeLessThanOrEqual(844 - 400);
    expect(word.top - by).toBeGreaterThanOrEqual(8);
  });

  test('a sentence above the screen is scrolled back down into view', () => {
    expect(sheetScroll({ sentence: box(-50, 40), height: 400, viewportHeight: 844 })).toBe(-58);
  });

  test('the sheet gives way to a tall sentence, down to a third of the screen', () => {
    expect(sheetHeight({ sentence: box(0, 100), viewportHeight: 800 })).toBe(440);
    expect(sheetHeight({ sentence: box(0, 450), viewportHeight: 800 })).toBe(328);
    expect(sheetHeight({ sentence: box(0, 700), viewportHeight: 800 })).toBe(280);
  });
});
