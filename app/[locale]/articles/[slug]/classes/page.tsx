import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReaderPage } from '@/components/reader/reader-page';
import { getReadableArticle, readableBy } from '@/lib/articles/queries.server';
import { requireUser } from '@/lib/auth/guards.server';
import { getCurrentUser } from '@/lib/auth/session.server';
import { termCardsForArticle } from '@/lib/glossary/queries.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

// The reader page of an article for its owner's classes only: rendered per request for the signed-in
// reader the server lets in (owner, members of the owner's classes, admins), never cached; anyone else
// finds nothing here (docs/decisions/028-article-visibility.md).
export const dynamic = 'force-dynamic';

type Params = Promise<{ locale: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const user = await getCurrentUser();
  const article = user ? await getReadableArticle(slug, await readableBy(user.id)) : null;
  return article ? { title: article.titleDe } : {};
}

export default async function ClassesArticlePage({ params }: { params: Params }) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  const user = await requireUser(locale, paths.classesArticle(locale, slug));
  const readable = await readableBy(user.id);
  const [article, terms] = await Promise.all([
    getReadableArticle(slug, readable),
    termCardsForArticle(slug, locale, readable),
  ]);
  if (!article) notFound();
  return (
    <ReaderPage
      article={article}
      terms={terms}
      locale={locale}
      t={getServerT(locale, 'reader')}
      pageHref={paths.classesArticle(locale, slug)}
      wordsApi={paths.classesArticleWordsApi(slug)}
    />
  );
}
