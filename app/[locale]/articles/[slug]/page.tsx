import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ClassesOnlyNotice } from '@/components/reader/classes-only-notice.client';
import { ReaderPage } from '@/components/reader/reader-page';
import { getArticle, isClassesOnly } from '@/lib/articles/queries.server';
import { termCardsForArticle } from '@/lib/glossary/queries.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

// Articles and their annotations change only when content is seeded or published: each page is
// rendered on its first request and then served from Next's cache (personal parts will stream in).
// The cache serves one page to everyone, so it only ever holds articles everyone may read; an article
// for its owner's classes only has its own page, rendered per request (docs/decisions/028-article-visibility.md).
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const article = await getArticle(slug);
  return article ? { title: article.titleDe } : {};
}

export default async function ArticlePage({ params }: { params: Params }) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  const [article, terms] = await Promise.all([getArticle(slug), termCardsForArticle(slug, locale)]);
  if (!article) {
    // The same for everyone, without any of the article: the way to its per-request page.
    if (await isClassesOnly(slug)) return <ClassesOnlyNotice href={paths.classesArticle(locale, slug)} />;
    notFound();
  }
  return (
    <ReaderPage
      article={article}
      terms={terms}
      locale={locale}
      t={getServerT(locale, 'reader')}
      pageHref={paths.article(locale, slug)}
    />
  );
}
