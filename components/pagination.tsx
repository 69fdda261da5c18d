import Link from 'next/link';
import type { TFunction } from 'i18next';

/**
 * Previous / next page links and "page x of y" of a paged list: plain links (every page has a URL,
 * works without JavaScript), `rel` prev/next, named by `label` for screen readers' landmarks.
 * `hrefFor` keeps the list's search and filters; nothing is shown for a single page.
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
  const current = Math.min(page, pageCount);
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
