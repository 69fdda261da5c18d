'use client';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Space kept between the popover and the marker or the screen's edge. */
const GAP = 8;

/**
 * An editor's note on a sentence group: a small marker after the group, a real button whose popover
 * (the native popover attribute) holds the note as plain text. Escape, the close button or a click
 * outside closes it, and focus goes back to the marker. Like the reveal button, the marker is in the
 * tab order only while its sentence is the current one (docs/decisions/024-reader-keyboard-and-cards.md).
 */
export function EditorNote({ anchor, note, tabbable }: { anchor: string; note: string; tabbable: boolean }) {
  const { t } = useTranslation('reader');
  const [open, setOpen] = useState(false);
  const marker = useRef<HTMLButtonElement>(null);
  const id = `note-${anchor}`;

  const onToggle = (event: React.ToggleEvent<HTMLDivElement>) => {
    const popover = event.currentTarget;
    const opened = event.newState === 'open';
    setOpen(opened);
    if (opened && marker.current) {
      // Below the marker (above it when there is no room), inside the screen.
      const at = marker.current.getBoundingClientRect();
      const width = popover.offsetWidth;
      const height = popover.offsetHeight;
      const below = at.bottom + GAP + height <= window.innerHeight;
      popover.style.top = `${Math.max(GAP, below ? at.bottom + GAP : at.top - GAP - height)}px`;
      popover.style.left = `${Math.max(GAP, Math.min(at.left, document.documentElement.clientWidth - width - GAP))}px`;
    } else if (!opened && (popover.contains(document.activeElement) || document.activeElement === document.body)) {
      marker.current?.focus();
    }
  };

  return (
    <span className="note">
      <button
        ref={marker}
        type="button"
        className="note__marker"
        popoverTarget={id}
        aria-expanded={open}
        aria-controls={id}
        tabIndex={tabbable ? 0 : -1}
        data-note={anchor}
      >
        <span aria-hidden="true">✎ </span>
        {t('note.marker')}
      </button>
      <div
        id={id}
        popover="auto"
        role="note"
        aria-labelledby={`${id}-title`}
        className="note__popover"
        onToggle={onToggle}
        data-testid="note-popover"
      >
        <p id={`${id}-title`} className="note__title">
          {t('note.title')}
        </p>
        <p lang="en" className="note__text">
          {note}
        </p>
        <button
          type="button"
          className="popover__close"
          popoverTarget={id}
          popoverTargetAction="hide"
          aria-label={t('popover.close')}
          // Out of the tab order while the note is closed: the article stays one tab stop.
          tabIndex={open ? 0 : -1}
        >
          ×
        </button>
      </div>
    </span>
  );
}
