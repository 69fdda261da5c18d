import type { TFunction } from 'i18next';
import type { ArticleSummary } from '@/lib/articles/types';
import { formatList, formatLongDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';

/** Outlet, authors, date, length: the same facts in the library and above the article. */
export function ArticleMeta({ article, locale, t }: { article: ArticleSummary; locale: Locale; t: TFunction }) {
  // An imported article may have no outlet or authors yet (the teacher fills them in the editor).
  const authors = article.authors.length ? formatList(locale, article.authors) : '';
  const byline =
    authors && article.outlet ? t('library:byline', { outlet: article.outlet, authors }) : authors || article.outlet;
  return (
    <ul className="article-meta">
      {byline ? <li>{byline}</li> : null}
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
