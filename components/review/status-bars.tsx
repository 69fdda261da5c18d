import type { TFunction } from 'i18next';
import Link from 'next/link';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';
import { vocabularyHref } from '@/components/vocabulary/vocabulary-href';
import { STATUS_LABEL_KEYS, VOCABULARY_STATUSES, type VocabularyStatus } from '@/lib/vocabulary/status';

/** Words by status as proportional bars, each linking to "My words" filtered by that status. */
export function StatusBars({
  counts,
  locale,
  t,
}: {
  counts: Record<VocabularyStatus, number>;
  locale: Locale;
  t: TFunction;
}) {
  const largest = Math.max(1, ...Object.values(counts));
  return (
    <ul className="status-bars" data-testid="status-bars">
      {VOCABULARY_STATUSES.map((status) => (
        <li key={status}>
          <Link href={vocabularyHref(locale, { status })}>{t(STATUS_LABEL_KEYS[status])}</Link>
          <span
            className="status-bars__bar"
            data-status={status}
            style={{ width: `${(100 * counts[status]) / largest}%` }}
            aria-hidden="true"
          />
          <span className="status-bars__n">{formatNumber(locale, counts[status])}</span>
        </li>
      ))}
    </ul>
  );
}
