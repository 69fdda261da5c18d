import Link from 'next/link';
import type { TFunction } from 'i18next';
import { formatNumber } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';
import type { EntryFilter } from '@/lib/vocabulary/schema';
import { STATUS_LABEL_KEYS, VOCABULARY_STATUSES, type VocabularyStatus } from '@/lib/vocabulary/status';
import { vocabularyHref } from './vocabulary-href';

/** How many words the learner has in each status; each links to the list filtered by it (other filters kept). */
export function StatusCounts({
  counts,
  filter,
  locale,
  t,
}: {
  counts: Record<VocabularyStatus, number>;
  filter: EntryFilter;
  locale: Locale;
  t: TFunction;
}) {
  const all = VOCABULARY_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  const base = { q: filter.q, tag: filter.tag, article: filter.article };
  return (
    <nav className="status-counts" aria-label={t('words.counts.label')} data-testid="status-counts">
      <ul>
        <li>
          <Link href={vocabularyHref(locale, base)} aria-current={filter.status ? undefined : 'true'}>
            {t('words.counts.all')} <span className="status-counts__count">{formatNumber(locale, all)}</span>
          </Link>
        </li>
        {VOCABULARY_STATUSES.map((status) => (
          <li key={status}>
            <Link
              href={vocabularyHref(locale, { ...base, status })}
              aria-current={filter.status === status ? 'true' : undefined}
              data-status={status}
            >
              {t(STATUS_LABEL_KEYS[status])}{' '}
              <span className="status-counts__count">{formatNumber(locale, counts[status])}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
