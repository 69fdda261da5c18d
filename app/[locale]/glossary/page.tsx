import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { GlossaryDownloads } from '@/components/glossary/glossary-downloads';
import { GlossaryFilters } from '@/components/glossary/glossary-filters';
import { SearchResults } from '@/components/glossary/search-results';
import { TermIndex } from '@/components/glossary/term-index';
import { redirectPastTheEnd } from '@/components/pagination';
import { isGlossaryEditor } from '@/lib/auth/queries.server';
import { getCurrentUser } from '@/lib/auth/session.server';
import { letterSlug } from '@/lib/glossary/alphabet';
import { indexPage } from '@/lib/glossary/index-page';
import { listTermLemmas, searchTerms, termCards } from '@/lib/glossary/queries.server';
import { DOMAINS, parseGlossaryQuery, TERM_KINDS } from '@/lib/glossary/schema';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'glossary')('index.title') } : {};
}

export default async function GlossaryPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const query = parseGlossaryQuery(await searchParams);
  const filter = { domain: query.domain, kind: query.kind };
  const filtered = Boolean(query.domain || query.kind);
  const t = getServerT(locale, 'glossary');
  const hits = query.q ? await searchTerms(query.q, filter) : null;
  // The index loads the headwords, then the cards of one page's: a long one goes by letter.
  const lemmas = hits ? [] : await listTermLemmas(filter);
  const shown = indexPage(lemmas, query.letter, query.page);
  const hrefFor = (letter: string, page = 1) =>
    paths.glossaryFiltered(locale, { ...filter, letter: letterSlug(letter), page });
  if (shown.paging) {
    const { letter, pageCount } = shown.paging;
    // A letter without entries (a bookmark of a glossary that has changed): the first letter's page.
    if (query.letter !== undefined && query.letter !== letter) redirect(hrefFor(letter));
    redirectPastTheEnd(query.page, pageCount, (page) => hrefFor(letter, page));
  }
  const terms = hits ? [] : await termCards(shown.lemmas);
  // The page is rendered per request: an editor gets the link to a new entry.
  const user = await getCurrentUser();
  const editor = user ? await isGlossaryEditor(user.id) : false;
  return (
    <>
      <h1>{t('index.title')}</h1>
      <p className="lead">{t('index.intro')}</p>
      {editor ? (
        <p>
          <Link href={paths.newTerm(locale)} className="button button--small" data-testid="glossary-new-term">
            {t('glossaryEditor:index.new')}
          </Link>
        </p>
      ) : null}
      <GlossaryDownloads t={getServerT(locale, 'glossaryExchange')} exchangeFor={editor ? locale : undefined} />
      <GlossaryFilters query={query} domains={DOMAINS} kinds={TERM_KINDS} locale={locale} t={t} />
      {hits ? (
        <SearchResults hits={hits} query={query.q} filtered={filtered} locale={locale} t={t} />
      ) : (
        <TermIndex
          terms={terms}
          count={lemmas.length}
          paging={shown.paging}
          hrefFor={hrefFor}
          filtered={filtered}
          locale={locale}
          t={t}
        />
      )}
    </>
  );
}
