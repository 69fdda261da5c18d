import type { TFunction } from 'i18next';
import { FilterActions, FilterForm, FilterSelect, SearchField, SearchHint } from '@/components/forms/filter-form';
import { LIBRARY_QUERY_MAX } from '@/lib/articles/schema';
import type { LibraryQuery } from '@/lib/articles/schema';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

/** Title search and outlet filter. */
export function LibrarySearch({
  query,
  outlets,
  locale,
  t,
}: {
  query: LibraryQuery;
  outlets: readonly string[];
  locale: Locale;
  t: TFunction;
}) {
  return (
    <FilterForm label={t('library:search.label')} action={paths.library(locale)}>
      <SearchField id="library-q" label={t('library:search.title')} value={query.q} maxLength={LIBRARY_QUERY_MAX} />
      {outlets.length > 1 ? (
        <FilterSelect
          id="library-outlet"
          name="outlet"
          label={t('library:search.outlet')}
          all={t('library:search.anyOutlet')}
          value={query.outlet}
          options={outlets.map((outlet) => ({ value: outlet, label: outlet }))}
        />
      ) : null}
      <FilterActions
        submit={t('library:search.submit')}
        reset={t('library:search.reset')}
        href={paths.library(locale)}
        active={Boolean(query.q || query.outlet)}
      />
      <SearchHint id="library-q">{t('library:search.hint')}</SearchHint>
    </FilterForm>
  );
}
