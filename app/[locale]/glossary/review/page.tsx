import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DomainTags } from '@/components/glossary/domain-tags';
import { domainLabel, kindLabel } from '@/components/glossary/labels';
import { requireEditor } from '@/lib/auth/guards.server';
import { parseReviewQuery } from '@/lib/glossary/proposals';
import { reviewQueue } from '@/lib/glossary/proposals.server';
import { DOMAINS } from '@/lib/glossary/schema';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

// Editors' queue of proposed entries (docs/decisions/033-term-proposals.md): per request, never cached.
export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'proposals')('review.title') } : {};
}

export default async function GlossaryReviewPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const query = parseReviewQuery(await searchParams);
  await requireEditor(locale, paths.glossaryReview(locale, query));
  const queue = await reviewQueue(query);
  const t = getServerT(locale, 'proposals');
  const active = Boolean(query.article || query.domain || query.proposer);
  return (
    <>
      <h1>{t('review.title')}</h1>
      <p className="lead">{t('review.intro')}</p>
      <form
        className="glossary-filters"
        role="search"
        aria-label={t('review.filters.label')}
        method="get"
        action={paths.glossaryReview(locale)}
      >
        <div className="glossary-filters__field">
          <label htmlFor="review-article">{t('review.filters.article')}</label>
          <select id="review-article" name="article" defaultValue={query.article ?? ''}>
            <option value="">{t('review.filters.allArticles')}</option>
            {queue.articles.map((article) => (
              <option key={article.id} value={article.id} lang="de">
                {article.titleDe}
              </option>
            ))}
          </select>
        </div>
        <div className="glossary-filters__field">
          <label htmlFor="review-domain">{t('review.filters.domain')}</label>
          <select id="review-domain" name="domain" defaultValue={query.domain ?? ''}>
            <option value="">{t('review.filters.allDomains')}</option>
            {DOMAINS.map((domain) => (
              <option key={domain} value={domain}>
                {domainLabel(t, domain)}
              </option>
            ))}
          </select>
        </div>
        <div className="glossary-filters__field">
          <label htmlFor="review-proposer">{t('review.filters.proposer')}</label>
          <select id="review-proposer" name="proposer" defaultValue={query.proposer ?? ''}>
            <option value="">{t('review.filters.allProposers')}</option>
            {queue.proposers.map((proposer) => (
              <option key={proposer.id} value={proposer.id}>
                {proposer.name}
              </option>
            ))}
          </select>
        </div>
        <div className="glossary-filters__actions">
          <button type="submit">{t('review.filters.submit')}</button>
          {active ? <Link href={paths.glossaryReview(locale)}>{t('review.filters.reset')}</Link> : null}
        </div>
      </form>
      <p role="status" data-testid="review-count">
        {t('review.count', { count: queue.items.length })}
      </p>
      <ul className="review-queue" data-testid="review-queue">
        {queue.items.map((item) => (
          <li key={item.lemma} className="review-queue__item" data-testid="review-item" data-lemma={item.lemma}>
            <p>
              <Link href={paths.termEditor(locale, item.lemma)} lang="de" className="review-queue__lemma">
                {item.lemma}
              </Link>{' '}
              <span>
                {kindLabel(t, item.kind)} ·{' '}
                {item.englishPreferred ? <span lang="en">{item.englishPreferred}</span> : t('review.noEnglish')}
              </span>
            </p>
            <DomainTags domains={item.domains} t={t} />
            <p className="review-queue__origin">
              {item.article ? `${t('review.from', { article: item.article.titleDe })}, ` : null}
              {t('review.by', { name: item.proposer?.name ?? t('review.unknownProposer') })}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
