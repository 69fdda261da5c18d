import type { TFunction } from 'i18next';
import type { Locale } from '@/lib/i18n/settings';
import type { VocabularyEntryView } from '@/lib/vocabulary/types';
import { WordRow } from './word-row';

export function WordList({
  entries,
  locale,
  t,
}: {
  entries: readonly VocabularyEntryView[];
  locale: Locale;
  t: TFunction;
}) {
  return (
    <ul className="word-list" data-testid="word-list">
      {entries.map((entry) => (
        <WordRow key={entry.id} entry={entry} locale={locale} t={t} />
      ))}
    </ul>
  );
}
