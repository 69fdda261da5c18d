import Link from 'next/link';
import type { TFunction } from 'i18next';
import type { ArticleSummary } from '@/lib/articles/types';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import type { CoverageFigures } from '@/lib/vocabulary/coverage';
import { ArticleMeta } from './article-meta';

/** A page of the library's articles; for a signed-in learner (`coverage` by slug) with what they know of each. */
export function ArticleList({
  articles,
  locale,
  t,
  coverage,
}: {
  articles: ArticleSummary[];
  locale: Locale;
  t: TFunction;
  coverage?: ReadonlyMap<string, CoverageFigures>;
}) {
  return (
    <ol className="article-list" data-testid="article-list">
      {articles.map((article) => {
        const known = coverage?.get(article.slug);
        return (
          <li key={article.slug} className="article-card">
            <h2 lang="de">
              <Link href={paths.article(locale, article.slug)}>{article.titleDe}</Link>
            </h2>
            <p className="article-card__translation" lang="en">
              {article.titleEn}
            </p>
            <ArticleMeta article={article} locale={locale} t={t} />
            {known ? (
              <p className="article-card__coverage" data-testid="article-coverage">
                <strong data-testid="article-known">{t('library:known', { percent: known.percent / 100 })}</strong>
                {' · '}
                <span data-testid="article-new-words">{t('library:newWords', { count: known.unknownLemmaCount })}</span>
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
