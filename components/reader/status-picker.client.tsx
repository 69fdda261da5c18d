'use client';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STATUS_LABEL_KEYS,
  STATUS_SHORTCUTS as SHORTCUTS,
  statusForKey,
  VOCABULARY_STATUSES,
  type VocabularyStatus,
} from '@/lib/vocabulary/status';

/** Keys typed into a field of the card are text, not shortcuts. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * The learner's status for a word: one click, or a key (N, 1–4, K, I) while the word's card is open.
 * Choosing any status saves the word; "new" is a plain save.
 */
export function StatusPicker({
  status,
  onChange,
}: {
  status: VocabularyStatus | undefined;
  onChange: (status: VocabularyStatus) => void;
}) {
  const { t } = useTranslation('vocabulary');
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || isTyping(event.target)) return;
      const chosen = statusForKey(event.key);
      if (!chosen) return;
      event.preventDefault();
      onChange(chosen);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onChange]);

  return (
    <div role="group" aria-label={t('reader.statusGroup')} className="status-picker" data-testid="status-picker">
      {VOCABULARY_STATUSES.map((value) => (
        <button
          key={value}
          type="button"
          data-status={value}
          aria-pressed={status === value}
          aria-keyshortcuts={SHORTCUTS[value]}
          onClick={() => onChange(value)}
        >
          {t(STATUS_LABEL_KEYS[value])}
          <kbd aria-hidden="true">{SHORTCUTS[value]}</kbd>
        </button>
      ))}
    </div>
  );
}
