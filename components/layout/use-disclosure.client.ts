'use client';
import { usePathname } from 'next/navigation';
import { type FocusEvent, type KeyboardEvent, type MouseEvent, useEffect, useRef, useState } from 'react';

/**
 * A button that shows and hides a panel (the WAI-ARIA disclosure pattern, as the header's menus use it):
 * the button says whether the panel is open (aria-expanded) and which it is (aria-controls); Escape
 * closes it and puts focus back on the button; a click outside, focus moving on past the panel and a
 * followed link close it too. Focus stays on the button when it opens: the panel follows
 * it in the tab order.
 */
export function useDisclosure(panelId: string) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const pathname = usePathname();
  const [shownAt, setShownAt] = useState(pathname);
  if (shownAt !== pathname) {
    setShownAt(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  return {
    open,
    rootProps: {
      ref: root,
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key !== 'Escape' || !open) return;
        // An inner disclosure closes first; the outer one on the next Escape.
        event.stopPropagation();
        setOpen(false);
        button.current?.focus();
      },
      onClick: (event: MouseEvent) => {
        // A followed link closes it, also one to the page already shown.
        if ((event.target as Element).closest('a[href]')) setOpen(false);
      },
      onBlur: (event: FocusEvent) => {
        // Only when focus moves somewhere else: a click that focuses nothing (Safari) keeps it open.
        const next = event.relatedTarget as Node | null;
        if (open && next && !root.current?.contains(next)) setOpen(false);
      },
    },
    buttonProps: {
      ref: button,
      type: 'button' as const,
      'aria-expanded': open,
      'aria-controls': panelId,
      onClick: () => setOpen((was) => !was),
    },
    panelProps: { id: panelId, 'data-open': open ? '' : undefined },
  };
}
