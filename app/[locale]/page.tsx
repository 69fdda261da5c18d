import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/library/article-list';
import { listArticles } from '@/lib/articles/queries.server';
import { getCurrentUser } from '@/lib/auth/session.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { libraryCoverage } from '@/lib/vocabulary/library.server';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'library')('title') } : {};
}

export default async function LibraryPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = getServerT(locale, 'library');
  // A signed-in reader also finds the classes-only articles the server lets them read (ADR 028), and
  // sees how much of each article they know (computed for all articles at once).
  const user = await getCurrentUser();
  const [articles, coverage] = await Promise.all([
    listArticles(user?.id ?? null),
    user ? libraryCoverage(user.id) : undefined,
  ]);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <p className="muted" data-testid="article-count">
        {t('count', { count: articles.length })}
      </p>
      <ArticleList articles={articles} locale={locale} t={t} coverage={coverage} />
    </>
  );
}
