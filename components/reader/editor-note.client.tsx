'use client';
import { useTranslation } from 'react-i18next';

/**
 * An editor's note on a sentence group: a small marker after the group, a real button whose popover
 * (the native popover attribute) holds the note as plain text. Escape, the close button or a click
 * outside closes it. Like the reveal button, the marker is in the tab order only while its sentence is
 * the current one (docs/decisions/024-reader-keyboard-and-cards.md). Part of the article's static
 * markup: the reader island places the open popover, keeps `aria-expanded` and the close button's tab
 * stop in step and brings focus back to the marker (body-dom.ts `noteToggled`).
 */
export function EditorNote({ anchor, note, tabbable }: { anchor: string; note: string; tabbable: boolean }) {
  const { t } = useTranslation('reader');
  const id = `note-${anchor}`;
  return (
    <span className="note">
      <button
        type="button"
        className="note__marker"
        popoverTarget={id}
        aria-expanded={false}
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
          tabIndex={-1}
        >
          ×
        </button>
      </div>
    </span>
  );
}
