import Link from 'next/link';
import type { TFunction } from 'i18next';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import type { EntryFilter } from '@/lib/vocabulary/schema';
import { STATUS_LABEL_KEYS, VOCABULARY_STATUSES } from '@/lib/vocabulary/status';

type Props = {
  filter: EntryFilter;
  tags: readonly { name: string; count: number }[];
  articles: readonly { slug: string; titleDe: string; count: number }[];
  locale: Locale;
  t: TFunction;
};

/** Search and filters as a plain GET form: every result has a URL, and the back button works. */
export function WordsFilters({ filter, tags, articles, locale, t }: Props) {
  const active = Boolean(filter.q || filter.status || filter.tag || filter.article);
  return (
    <form
      className="glossary-filters words-filters"
      role="search"
      aria-label={t('words.filters.label')}
      method="get"
      action={paths.vocabulary(locale)}
    >
      <div className="glossary-filters__field glossary-filters__field--search">
        <label htmlFor="words-q">{t('words.filters.search')}</label>
        <input
          id="words-q"
          name="q"
          type="search"
          defaultValue={filter.q ?? ''}
          aria-describedby="words-q-hint"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="glossary-filters__field">
        <label htmlFor="words-status">{t('words.filters.status')}</label>
        <select id="words-status" name="status" defaultValue={filter.status ?? ''}>
          <option value="">{t('words.filters.anyStatus')}</option>
          {VOCABULARY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(STATUS_LABEL_KEYS[status])}
            </option>
          ))}
        </select>
      </div>
      {tags.length ? (
        <div className="glossary-filters__field">
          <label htmlFor="words-tag">{t('words.filters.tag')}</label>
          <select id="words-tag" name="tag" defaultValue={filter.tag ?? ''}>
            <option value="">{t('words.filters.anyTag')}</option>
            {tags.map((tag) => (
              <option key={tag.name} value={tag.name}>
                {tag.name} ({tag.count})
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {articles.length ? (
        <div className="glossary-filters__field">
          <label htmlFor="words-article">{t('words.filters.article')}</label>
          <select
            id="words-article"
            name="article"
            defaultValue={filter.article ?? ''}
            className="words-filters__article"
          >
            <option value="">{t('words.filters.anyArticle')}</option>
            {articles.map((article) => (
              <option key={article.slug} value={article.slug} lang="de">
                {article.titleDe} ({article.count})
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="glossary-filters__actions">
        <button type="submit">{t('words.filters.submit')}</button>
        {active ? <Link href={paths.vocabulary(locale)}>{t('words.filters.reset')}</Link> : null}
      </div>
      <p id="words-q-hint" className="glossary-filters__hint">
        {t('words.filters.searchHint')}
      </p>
    </form>
  );
}
