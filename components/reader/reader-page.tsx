import type { TFunction } from 'i18next';
import { ArticleHeader } from '@/components/reader/article-header';
import { handOverBody } from '@/components/reader/body-handoff';
import { ReaderInteractions } from '@/components/reader/reader-interactions.client';
import { SourceNote } from '@/components/reader/source-note';
import type { ArticleView } from '@/lib/articles/types';
import { packTermCards } from '@/lib/glossary/reader-cards';
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
  pageHref,
  wordsApi,
}: {
  article: ArticleView;
  terms: ReaderTermCard[];
  locale: Locale;
  t: TFunction;
  /** The page's own address (paths.article or paths.classesArticle). */
  pageHref: string;
  /** Where the words load from, when not the public article's (paths.classesArticleWordsApi). */
  wordsApi?: string;
}) {
  // The article's text goes into the page's HTML only, not into the island's props (ADR 046).
  handOverBody(article.slug, article.sections);
  return (
    <article className="reader" data-testid="reader">
      <ArticleHeader article={article} locale={locale} t={t} />
      <ReaderInteractions
        slug={article.slug}
        pageHref={pageHref}
        terms={packTermCards(terms)}
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
