import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/library/article-list';
import { LibrarySearch } from '@/components/library/library-search';
import { Pagination, redirectPastTheEnd } from '@/components/pagination';
import { listLibrary } from '@/lib/articles/queries.server';
import { LibraryQuerySchema } from '@/lib/articles/schema';
import { getCurrentUser } from '@/lib/auth/session.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { libraryCoverage } from '@/lib/vocabulary/library.server';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'library')('title') } : {};
}

export default async function LibraryPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const parsed = LibraryQuerySchema.safeParse(await searchParams);
  if (!parsed.success) notFound();
  const query = parsed.data;
  const t = getServerT(locale, 'library');
  // A signed-in reader also finds the classes-only articles the server lets them read (ADR 028), and
  // sees how much of each article of the page they know.
  const user = await getCurrentUser();
  const library = await listLibrary(user?.id ?? null, query);
  const hrefFor = (page: number) => paths.libraryFiltered(locale, { ...query, page });
  redirectPastTheEnd(query.page, library.pageCount, hrefFor);
  const coverage = user
    ? await libraryCoverage(
        user.id,
        library.articles.map((a) => a.slug),
      )
    : undefined;
  const searched = Boolean(query.q || query.outlet);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {library.total > 0 || searched ? (
        <LibrarySearch query={query} outlets={library.outlets} locale={locale} t={t} />
      ) : null}
      <p className="muted" data-testid="article-count">
        {searched ? t('found', { count: library.total }) : t('count', { count: library.total })}
      </p>
      {library.articles.length ? (
        <>
          <ArticleList articles={library.articles} locale={locale} t={t} coverage={coverage} />
          <Pagination
            page={library.page}
            pageCount={library.pageCount}
            hrefFor={hrefFor}
            label={t('pagination')}
            t={t}
          />
        </>
      ) : searched ? (
        <div className="glossary-empty" data-testid="library-no-match">
          <p>{t('noMatch')}</p>
          <p>
            <Link href={paths.library(locale)}>{t('search.reset')}</Link>
          </p>
        </div>
      ) : (
        <p className="empty">{t('empty')}</p>
      )}
    </>
  );
}
