import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleHeader } from '@/components/reader/article-header';
import { ReaderInteractions } from '@/components/reader/reader-interactions.client';
import { SourceNote } from '@/components/reader/source-note';
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
  const t = getServerT(locale, 'reader');
  return (
    <article className="reader" data-testid="reader">
      <ArticleHeader article={article} locale={locale} t={t} />
      <ReaderInteractions
        slug={slug}
        sections={article.sections}
        terms={terms}
        locale={locale}
        wordsApi={paths.classesArticleWordsApi(slug)}
      />
      <SourceNote
        noteDe={article.sourceNoteDe}
        noteEn={article.sourceNoteEn}
        outlet={article.outlet}
        authors={article.authors}
        publishedAt={article.publishedAt}
        url={article.sourceUrl}
        locale={locale}
        t={t}
      />
    </article>
  );
}
