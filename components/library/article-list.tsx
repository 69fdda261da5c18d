import Link from 'next/link';
import type { TFunction } from 'i18next';
import type { ArticleSummary } from '@/lib/articles/types';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { ArticleMeta } from './article-meta';

export function ArticleList({ articles, locale, t }: { articles: ArticleSummary[]; locale: Locale; t: TFunction }) {
  if (articles.length === 0) return <p className="empty">{t('library:empty')}</p>;
  return (
    <ol className="article-list" data-testid="article-list">
      {articles.map((article) => (
        <li key={article.slug} className="article-card">
          <h2 lang="de">
            <Link href={paths.article(locale, article.slug)}>{article.titleDe}</Link>
          </h2>
          <p className="article-card__translation" lang="en">
            {article.titleEn}
          </p>
          <ArticleMeta article={article} locale={locale} t={t} />
        </li>
      ))}
    </ol>
  );
}
