import type { TFunction } from 'i18next';
import type { ArticleSummary } from '@/lib/articles/types';
import { formatList, formatLongDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';

/** Outlet, authors, date, length: the same facts in the library and above the article. */
export function ArticleMeta({ article, locale, t }: { article: ArticleSummary; locale: Locale; t: TFunction }) {
  const byline = article.authors.length
    ? t('library:byline', { outlet: article.outlet, authors: formatList(locale, article.authors) })
    : article.outlet;
  return (
    <ul className="article-meta">
      <li>{byline}</li>
      <li>
        <time dateTime={article.publishedAt}>
          {t('library:published', { date: formatLongDate(locale, article.publishedAt) })}
        </time>
      </li>
      <li data-testid="word-count">{t('library:wordCount', { count: article.wordCount })}</li>
      <li data-testid="reading-time">{t('library:readingTime', { minutes: article.readingMinutes })}</li>
    </ul>
  );
}
