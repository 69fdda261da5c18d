import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DomainTags } from '@/components/glossary/domain-tags';
import { FilterActions, FilterForm, FilterSelect } from '@/components/forms/filter-form';
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
      <FilterForm label={t('review.filters.label')} action={paths.glossaryReview(locale)}>
        <FilterSelect
          id="review-article"
          name="article"
          label={t('review.filters.article')}
          all={t('review.filters.allArticles')}
          value={query.article}
          options={queue.articles.map((article) => ({ value: article.id, label: article.titleDe, lang: 'de' }))}
        />
        <FilterSelect
          id="review-domain"
          name="domain"
          label={t('review.filters.domain')}
          all={t('review.filters.allDomains')}
          value={query.domain}
          options={DOMAINS.map((domain) => ({ value: domain, label: domainLabel(t, domain) }))}
        />
        <FilterSelect
          id="review-proposer"
          name="proposer"
          label={t('review.filters.proposer')}
          all={t('review.filters.allProposers')}
          value={query.proposer}
          options={queue.proposers.map((proposer) => ({ value: proposer.id, label: proposer.name }))}
        />
        <FilterActions
          submit={t('review.filters.submit')}
          reset={t('review.filters.reset')}
          href={paths.glossaryReview(locale)}
          active={active}
        />
      </FilterForm>
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
