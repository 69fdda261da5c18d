import type { TFunction } from 'i18next';
import Link from 'next/link';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { STATUS_LABEL_KEYS, VOCABULARY_STATUSES, type VocabularyStatus } from '@/lib/vocabulary/status';

/** Words by status as proportional bars, each linking to "My words" filtered by that status. */
export function StatusCounts({ counts, locale, t }: { counts: Record<VocabularyStatus, number>; locale: Locale; t: TFunction }) {
  const largest = Math.max(1, ...Object.values(counts));
  return (
    <ul className="status-counts" data-testid="status-counts">
      {VOCABULARY_STATUSES.map((status) => (
        <li key={status}>
          <Link href={`${paths.words(locale)}?status=${status}`}>{t(STATUS_LABEL_KEYS[status])}</Link>
          <span className="status-counts__bar" data-status={status} style={{ width: `${(100 * counts[status]) / largest}%` }} aria-hidden="true" />
          <span className="status-counts__n">{formatNumber(locale, counts[status])}</span>
        </li>
      ))}
    </ul>
  );
}
