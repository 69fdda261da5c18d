'use client';
import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeFloating, SHEET_MAX_WIDTH, sheetHeight, sheetScroll } from './placement';

/**
 * What a card belongs to: `element` (its sentence or heading) is never covered; `x` is where the word
 * starts, `y` (when clicked) the middle of its line.
 */
export type Anchor = { element: HTMLElement; x: number; y?: number };

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';
const CAP = 512; // 32rem, the card's largest height

/**
 * A modal dialog for a word or term. On a wide screen it floats below or above its sentence (never
 * over it) and inside the screen; on a phone it is a sheet along the bottom, and the page scrolls the
 * sentence above it. Focus moves into it and stays there (Tab cycles); Escape, the close button or a
 * click outside closes it, and the caller returns focus to the trigger.
 */
export function Popover({
  anchor,
  labelledBy,
  onClose,
  children,
  testId,
}: {
  anchor: Anchor;
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation('reader');
  const ref = useRef<HTMLDivElement>(null);
  const [sheet] = useState(() => window.matchMedia(`(max-width: ${SHEET_MAX_WIDTH}px)`).matches);
  const [position, setPosition] = useState<{ top: number; left: number; maxHeight: number } | null>(null);
  // A sheet leaves its sentence room above it where it can.
  const [sheetMax] = useState(() =>
    sheetHeight({ sentence: anchor.element.getBoundingClientRect(), viewportHeight: window.innerHeight }),
  );

  // Floating: placed from the content's full height, again whenever it changes (a meaning arrives) or the page moves.
  useLayoutEffect(() => {
    const card = ref.current;
    if (!card || sheet) return;
    const place = () => {
      const frame = card.offsetHeight - card.clientHeight;
      const { top, left, maxHeight } = placeFloating({
        sentence: anchor.element.getBoundingClientRect(),
        x: anchor.x,
        width: card.offsetWidth,
        height: card.scrollHeight + frame,
        cap: Math.min(CAP, window.innerHeight * 0.7),
        viewport: { width: document.documentElement.clientWidth, height: window.innerHeight },
      });
      setPosition((current) =>
        current && current.top === top && current.left === left && current.maxHeight === maxHeight
          ? current
          : { top, left, maxHeight },
      );
    };
    place();
    const observer = new ResizeObserver(place);
    for (const child of card.children) observer.observe(child);
    observer.observe(card);
    window.addEventListener('scroll', place, { passive: true });
    window.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      window.removeEventListener('scroll', place);
      window.removeEventListener('resize', place);
    };
  }, [anchor, sheet]);

  // Sheet: room below the article to scroll into, and the sentence scrolled above the sheet once.
  useLayoutEffect(() => {
    const card = ref.current;
    if (!card || !sheet) return;
    const height = card.offsetHeight;
    const body = document.body.style;
    const before = body.paddingBottom;
    body.paddingBottom = `${height}px`;
    const by = sheetScroll({
      sentence: anchor.element.getBoundingClientRect(),
      word: anchor.y === undefined ? undefined : { top: anchor.y - 16, bottom: anchor.y + 16 },
      height,
      viewportHeight: window.innerHeight,
    });
    if (by) window.scrollBy({ top: by, behavior: 'instant' });
    return () => {
      body.paddingBottom = before;
    };
  }, [anchor, sheet]);

  useEffect(() => {
    ref.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      const card = ref.current;
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      } else if (event.key === 'Tab' && card) {
        // Focus stays in the card: Tab from the last control goes to the first, Shift+Tab the other way.
        const focusable = [...card.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
        const first = focusable[0];
        const last = focusable.at(-1);
        const active = document.activeElement;
        if (!first || !last) return event.preventDefault();
        if (!card.contains(active)) {
          event.preventDefault();
          (event.shiftKey ? last : first).focus();
        } else if (event.shiftKey && (active === first || active === card)) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && active === last) {
          event.preventDefault();
          first.focus();
        }
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [onClose]);

  return (
    <div
      ref={ref}
      role="dialog"
      aria-modal="true"
      aria-labelledby={labelledBy}
      tabIndex={-1}
      className={sheet ? 'popover popover--sheet' : 'popover'}
      style={
        sheet
          ? { maxHeight: sheetMax }
          : position
            ? { top: position.top, left: position.left, maxHeight: position.maxHeight }
            : { top: 0, left: 0, opacity: 0 }
      }
      data-testid={testId}
    >
      <button type="button" className="popover__close" onClick={onClose} aria-label={t('popover.close')}>
        ×
      </button>
      {children}
    </div>
  );
}
