'use client';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUS_LABEL_KEYS, statusForKey, VOCABULARY_STATUSES, type VocabularyStatus } from '@/lib/vocabulary/status';

const SHORTCUTS: Partial<Record<VocabularyStatus, string>> = {
  'learning-1': '1',
  'learning-2': '2',
  'learning-3': '3',
  'learning-4': '4',
  known: 'K',
  ignored: 'I',
};

/**
 * The learner's status for a word: one click, or a key (1–4, K, I) while the word's card is open.
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
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      // Typing "my meaning" is not choosing a status.
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
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
          {SHORTCUTS[value] ? <kbd aria-hidden="true">{SHORTCUTS[value]}</kbd> : null}
        </button>
      ))}
    </div>
  );
}
