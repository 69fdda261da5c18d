// Where a word or term card goes: never over its own sentence, always inside the screen. Pure, so that
// the rules are tested without a browser; components/reader/popover.client.tsx measures and applies them.

/** A box in viewport coordinates (getBoundingClientRect). */
export type Box = { top: number; bottom: number; left: number; right: number };

/** Widths up to this are phones: the card is a sheet along the bottom of the screen. */
export const SHEET_MAX_WIDTH = 600;
const MARGIN = 8;
const GAP = 6;

export type FloatPlacement = { top: number; left: number; maxHeight: number; side: 'below' | 'above' };

/**
 * A floating card for a sentence: below it if the card fits there, else above it if it fits there,
 * else on the side with more room, its height cut to that room (it scrolls). Horizontally it starts at
 * `x` (the word) and is moved left as far as needed to stay on screen. `height` is the card's full
 * content height, `cap` its largest allowed height.
 */
export function placeFloating({
  sentence,
  x,
  width,
  height,
  cap,
  viewport,
}: {
  sentence: Box;
  x: number;
  width: number;
  height: number;
  cap: number;
  viewport: { width: number; height: number };
}): FloatPlacement {
  const below = Math.max(0, viewport.height - MARGIN - (sentence.bottom + GAP));
  const above = Math.max(0, sentence.top - GAP - MARGIN);
  const wanted = Math.min(height, cap);
  const side = wanted <= below ? 'below' : wanted <= above ? 'above' : below >= above ? 'below' : 'above';
  const maxHeight = Math.min(cap, side === 'below' ? below : above);
  const shown = Math.min(wanted, maxHeight);
  const top = side === 'below' ? sentence.bottom + GAP : sentence.top - GAP - shown;
  const left = Math.max(MARGIN, Math.min(x, viewport.width - width - MARGIN));
  return { top, left, maxHeight, side };
}

/**
 * A bottom sheet's largest height: up to 55 % of the screen, less if that leaves its sentence room
 * above it, never under 35 %.
 */
export function sheetHeight({ sentence, viewportHeight }: { sentence: Box; viewportHeight: number }): number {
  const room = viewportHeight - (sentence.bottom - sentence.top) - GAP - 2 * MARGIN;
  return Math.round(Math.max(viewportHeight * 0.35, Math.min(viewportHeight * 0.55, room)));
}

/**
 * A bottom sheet of `height`: how far to scroll the page (positive: down) so that the sentence stands
 * between the top of the screen and the sheet. A sentence too tall for that shows its start, or if the
 * clicked word (`word`: its line's top and bottom) would then be hidden, as much as it can with the word.
 */
export function sheetScroll({
  sentence,
  word,
  height,
  viewportHeight,
}: {
  sentence: Box;
  word?: { top: number; bottom: number };
  height: number;
  viewportHeight: number;
}): number {
  const room = viewportHeight - height - GAP;
  if (sentence.bottom - sentence.top <= room - MARGIN) {
    if (sentence.top < MARGIN) return sentence.top - MARGIN;
    return Math.max(0, sentence.bottom - room);
  }
  const start = sentence.top - MARGIN;
  if (!word) return start;
  return Math.min(Math.max(start, word.bottom - room), word.top - MARGIN);
}
