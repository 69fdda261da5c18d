import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GlossaryFilters } from '@/components/glossary/glossary-filters';
import { SearchResults } from '@/components/glossary/search-results';
import { TermIndex } from '@/components/glossary/term-index';
import { isGlossaryEditor } from '@/lib/auth/queries.server';
import { getCurrentUser } from '@/lib/auth/session.server';
import { listTerms } from '@/lib/glossary/queries.server';
import { DOMAINS, parseGlossaryQuery, TERM_KINDS } from '@/lib/glossary/schema';
import { searchTerms } from '@/lib/glossary/queries.server';
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
  const terms = hits ? [] : await listTerms(filter);
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
      <GlossaryFilters query={query} domains={DOMAINS} kinds={TERM_KINDS} locale={locale} t={t} />
      {hits ? (
        <SearchResults hits={hits} query={query.q} filtered={filtered} locale={locale} t={t} />
      ) : (
        <TermIndex terms={terms} filtered={filtered} locale={locale} t={t} />
      )}
    </>
  );
}
