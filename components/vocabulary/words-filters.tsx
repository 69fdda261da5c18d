import type { TFunction } from 'i18next';
import { FilterActions, FilterForm, FilterSelect, SearchField, SearchHint } from '@/components/forms/filter-form';
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

/** Search (lemma, translation, notes) and the status, tag and article filters. */
export function WordsFilters({ filter, tags, articles, locale, t }: Props) {
  const active = Boolean(filter.q || filter.status || filter.tag || filter.article);
  return (
    <FilterForm className="words-filters" label={t('words.filters.label')} action={paths.vocabulary(locale)}>
      <SearchField id="words-q" label={t('words.filters.search')} value={filter.q} />
      <FilterSelect
        id="words-status"
        name="status"
        label={t('words.filters.status')}
        all={t('words.filters.anyStatus')}
        value={filter.status}
        options={VOCABULARY_STATUSES.map((status) => ({ value: status, label: t(STATUS_LABEL_KEYS[status]) }))}
      />
      {tags.length ? (
        <FilterSelect
          id="words-tag"
          name="tag"
          label={t('words.filters.tag')}
          all={t('words.filters.anyTag')}
          value={filter.tag}
          options={tags.map((tag) => ({ value: tag.name, label: `${tag.name} (${tag.count})` }))}
        />
      ) : null}
      {articles.length ? (
        <FilterSelect
          id="words-article"
          name="article"
          className="words-filters__article"
          label={t('words.filters.article')}
          all={t('words.filters.anyArticle')}
          value={filter.article}
          options={articles.map((article) => ({
            value: article.slug,
            label: `${article.titleDe} (${article.count})`,
            lang: 'de',
          }))}
        />
      ) : null}
      <FilterActions
        submit={t('words.filters.submit')}
        reset={t('words.filters.reset')}
        href={paths.vocabulary(locale)}
        active={active}
      />
      <SearchHint id="words-q">{t('words.filters.searchHint')}</SearchHint>
    </FilterForm>
  );
}
