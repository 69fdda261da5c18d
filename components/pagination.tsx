import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { TFunction } from 'i18next';

/**
 * Previous / next links of a paged list and where the reader is ("Page 2 of 7"): a nav landmark named
 * by `label` (a page may have several lists); nothing when everything fits on one page. `hrefFor` keeps
 * whatever else the list's address carries (a search, a filter).
 */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  label,
  t,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label: string;
  t: TFunction;
}) {
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(1, page), pageCount);
  return (
    <nav className="pagination" aria-label={label}>
      {current > 1 ? (
        <Link href={hrefFor(current - 1)} rel="prev">
          {t('common:pagination.previous')}
        </Link>
      ) : null}
      <span aria-current="page">{t('common:pagination.page', { page: current, count: pageCount })}</span>
      {current < pageCount ? (
        <Link href={hrefFor(current + 1)} rel="next">
          {t('common:pagination.next')}
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * A page past the last (a bookmark of a list that has since shrunk) goes to the last page, so that
 * the address says which page is shown; an empty list has one page.
 */
export function redirectPastTheEnd(page: number, pageCount: number, hrefFor: (page: number) => string): void {
  const last = Math.max(1, pageCount);
  if (page > last) redirect(hrefFor(last));
}
