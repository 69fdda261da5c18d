import type { TFunction } from 'i18next';
import { ArticleMeta } from '@/components/library/article-meta';
import type { ArticleView } from '@/lib/articles/types';
import type { Locale } from '@/lib/i18n/settings';

export function ArticleHeader({ article, locale, t }: { article: ArticleView; locale: Locale; t: TFunction }) {
  return (
    <header className="article-header">
      <h1 lang="de">{article.titleDe}</h1>
      <p className="article-header__translation" lang="en">
        {article.titleEn}
      </p>
      <ArticleMeta article={article} locale={locale} t={t} />
    </header>
  );
}
