import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Pagination, redirectPastTheEnd } from '@/components/pagination';
import { BulkActions } from '@/components/vocabulary/bulk-actions.client';
import { StatusCounts } from '@/components/vocabulary/status-counts';
import { WordList } from '@/components/vocabulary/word-list';
import { WordsEmpty } from '@/components/vocabulary/words-empty';
import { WordsFilters } from '@/components/vocabulary/words-filters';
import { WordsTransfer } from '@/components/vocabulary/words-transfer';
import { vocabularyHref } from '@/components/vocabulary/vocabulary-href';
import { requireUser } from '@/lib/auth/guards.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { articlesOf, listEntries, statusCounts, tagsOf } from '@/lib/vocabulary/queries.server';
import { EntryFilterSchema } from '@/lib/vocabulary/schema';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'vocabulary')('words.title') } : {};
}

export default async function VocabularyPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const filter = EntryFilterSchema.parse(await searchParams);
  const user = await requireUser(locale, vocabularyHref(locale, filter));
  const [list, counts, tags, articles] = await Promise.all([
    listEntries(user.id, filter),
    statusCounts(user.id),
    tagsOf(user.id),
    articlesOf(user.id, filter.article),
  ]);
  const hrefFor = (page: number) => vocabularyHref(locale, { ...filter, page });
  redirectPastTheEnd(filter.page, list.pageCount, hrefFor);
  const t = getServerT(locale, 'vocabulary');
  const hasWords = Object.values(counts).some((count) => count > 0);
  const pagination = (
    <Pagination
      page={filter.page}
      pageCount={list.pageCount}
      hrefFor={hrefFor}
      label={t('words.pagination.label')}
      t={t}
    />
  );
  return (
    <>
      <h1>{t('words.title')}</h1>
      <p className="lead">{t('words.intro')}</p>
      <WordsTransfer locale={locale} t={t} />
      {hasWords ? (
        <>
          <StatusCounts counts={counts} filter={filter} locale={locale} t={t} />
          {/* Keyed by the filter: a status chip (a client navigation) remounts the form, so its
              dropdowns show the filter the list has, not the one chosen before. */}
          <WordsFilters
            key={vocabularyHref(locale, filter)}
            filter={filter}
            tags={tags}
            articles={articles}
            locale={locale}
            t={t}
          />
          <p className="glossary-count" data-testid="words-total">
            {t('words.total', { count: list.total })}
          </p>
          {/* Mounted whether or not rows are left: deleting the last ones of a filter must not take its answer away. */}
          <BulkActions empty={!list.entries.length} />
          {list.entries.length ? (
            <>
              <WordList entries={list.entries} locale={locale} t={t} />
              {pagination}
            </>
          ) : (
            <div className="glossary-empty" data-testid="words-no-match">
              <p>{t('words.noMatch')}</p>
              <p>
                <Link href={vocabularyHref(locale, {})}>{t('words.filters.reset')}</Link>
              </p>
              {pagination}
            </div>
          )}
        </>
      ) : (
        <WordsEmpty locale={locale} t={t} />
      )}
    </>
  );
}
