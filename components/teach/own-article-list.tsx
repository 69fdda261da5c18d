import Link from 'next/link';
import type { TFunction } from 'i18next';
import { LocalDate } from '@/components/i18n/local-date.client';
import type { Locale } from '@/lib/i18n/settings';
import type { OwnArticle } from '@/lib/teach/types';
import { paths } from '@/lib/paths';

/** A teacher's own articles, drafts and published, with how far each is translated. */
export function OwnArticleList({
  articles,
  locale,
  t,
}: {
  articles: readonly OwnArticle[];
  locale: Locale;
  t: TFunction;
}) {
  if (!articles.length) {
    return (
      <p className="glossary-empty" data-testid="teach-empty">
        {t('articles.empty')}
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data-table teach-table" data-testid="teach-articles">
        <caption className="visually-hidden">{t('articles.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('articles.columns.title')}</th>
            <th scope="col">{t('articles.columns.status')}</th>
            <th scope="col">{t('articles.columns.progress')}</th>
            <th scope="col">{t('articles.columns.updated')}</th>
            <th scope="col">{t('articles.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((article) => {
            const title = article.titleDe || t('articles.untitled');
            return (
              <tr key={article.slug} data-testid="teach-article" data-slug={article.slug} data-status={article.status}>
                <td lang="de">{title}</td>
                <td>
                  <span className={`status-badge teach-status teach-status--${article.status}`}>
                    {t(`status.${article.status}`)}
                  </span>
                  {article.visibility === 'classes' ? (
                    <>
                      {' '}
                      <span className="status-badge teach-status" data-testid="classes-only-badge">
                        {t('status.classesOnly')}
                      </span>
                    </>
                  ) : null}
                </td>
                <td>{t('articles.progress', { translated: article.translatedCount, total: article.groupCount })}</td>
                <td>
                  <LocalDate date={article.updatedAt} locale={locale} />
                </td>
                <td>
                  <Link href={paths.teachArticle(locale, article.slug)} aria-label={t('articles.editLabel', { title })}>
                    {t('articles.edit')}
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
