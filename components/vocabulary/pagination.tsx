import Link from 'next/link';
import type { TFunction } from 'i18next';
import type { Locale } from '@/lib/i18n/settings';
import type { EntryFilter } from '@/lib/vocabulary/schema';
import { vocabularyHref } from './vocabulary-href';

/** Previous / next page links of the list, keeping the search and filters. */
export function Pagination({
  filter,
  pageCount,
  locale,
  t,
}: {
  filter: EntryFilter;
  pageCount: number;
  locale: Locale;
  t: TFunction;
}) {
  if (pageCount <= 1) return null;
  const page = Math.min(filter.page, pageCount);
  const at = (target: number) =>
    vocabularyHref(locale, {
      q: filter.q,
      status: filter.status,
      tag: filter.tag,
      article: filter.article,
      page: target,
    });
  return (
    <nav className="pagination" aria-label={t('words.pagination.label')}>
      {page > 1 ? (
        <Link href={at(page - 1)} rel="prev">
          {t('words.pagination.previous')}
        </Link>
      ) : null}
      <span aria-current="page">{t('words.pagination.page', { page, count: pageCount })}</span>
      {page < pageCount ? (
        <Link href={at(page + 1)} rel="next">
          {t('words.pagination.next')}
        </Link>
      ) : null}
    </nav>
  );
}
