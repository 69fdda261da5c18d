import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleHeader } from '@/components/reader/article-header';
import { ReaderInteractions } from '@/components/reader/reader-interactions.client';
import { SourceNote } from '@/components/reader/source-note';
import { getArticle } from '@/lib/articles/queries.server';
import { termCardsForArticle } from '@/lib/glossary/queries.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';

// Articles and their annotations change only when content is seeded or published: each page is
// rendered on its first request and then served from Next's cache (personal parts will stream in).
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
  if (!article) notFound();
  const t = getServerT(locale, 'reader');
  return (
    <article className="reader" data-testid="reader">
      <ArticleHeader article={article} locale={locale} t={t} />
      <ReaderInteractions slug={slug} sections={article.sections} terms={terms} locale={locale} />
      <SourceNote noteDe={article.sourceNoteDe} noteEn={article.sourceNoteEn} locale={locale} t={t} />
    </article>
  );
}
