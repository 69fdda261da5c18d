import type { TFunction } from 'i18next';
import { ArticleHeader } from '@/components/reader/article-header';
import { ReaderInteractions } from '@/components/reader/reader-interactions.client';
import { SourceNote } from '@/components/reader/source-note';
import type { ArticleView } from '@/lib/articles/types';
import type { ReaderTermCard } from '@/lib/glossary/types';
import type { Locale } from '@/lib/i18n/settings';

/**
 * The reader: one markup for both of an article's pages, the cached public one and the per-request
 * one of an article for its owner's classes only (docs/decisions/028-article-visibility.md). The
 * routes decide who may read and load the data; this only shows it.
 */
export function ReaderPage({
  article,
  terms,
  locale,
  t,
  wordsApi,
}: {
  article: ArticleView;
  terms: ReaderTermCard[];
  locale: Locale;
  t: TFunction;
  /** Where the words load from, when not the public article's (paths.classesArticleWordsApi). */
  wordsApi?: string;
}) {
  return (
    <article className="reader" data-testid="reader">
      <ArticleHeader article={article} locale={locale} t={t} />
      <ReaderInteractions
        slug={article.slug}
        sections={article.sections}
        terms={terms}
        locale={locale}
        wordsApi={wordsApi}
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
