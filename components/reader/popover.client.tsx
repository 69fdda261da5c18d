'use client';
import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export type AnchorRect = { top: number; bottom: number; left: number };

/**
 * A non-modal dialog next to the word that opened it. Focus moves into it; Escape or a click outside
 * closes it, and the caller returns focus to the trigger.
 */
export function Popover({
  anchor,
  labelledBy,
  onClose,
  children,
  testId,
}: {
  anchor: AnchorRect;
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation('reader');
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number }>({
    top: anchor.bottom + 6,
    left: anchor.left,
  });

  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    const margin = 8;
    const left = Math.max(margin, Math.min(anchor.left, window.innerWidth - box.width - margin));
    const below = anchor.bottom + 6;
    const top =
      below + box.height > window.innerHeight - margin && anchor.top - box.height - 6 > margin
        ? anchor.top - box.height - 6
        : below;
    setPosition({ top, left });
  }, [anchor]);

  useEffect(() => {
    ref.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
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
      aria-labelledby={labelledBy}
      tabIndex={-1}
      className="popover"
      style={{ top: position.top, left: position.left }}
      data-testid={testId}
    >
      <button type="button" className="popover__close" onClick={onClose} aria-label={t('popover.close')}>
        ×
      </button>
      {children}
    </div>
  );
}
