import Link from 'next/link';
import type { TFunction } from 'i18next';
import type { LibraryQuery } from '@/lib/articles/schema';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

/** Title search and outlet filter as a plain GET form: every result has a URL, no JavaScript needed. */
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
    <form
      className="glossary-filters"
      role="search"
      aria-label={t('library:search.label')}
      method="get"
      action={paths.library(locale)}
    >
      <div className="glossary-filters__field glossary-filters__field--search">
        <label htmlFor="library-q">{t('library:search.title')}</label>
        <input
          id="library-q"
          name="q"
          type="search"
          defaultValue={query.q ?? ''}
          maxLength={100}
          aria-describedby="library-q-hint"
          autoComplete="off"
        />
      </div>
      {outlets.length > 1 ? (
        <div className="glossary-filters__field">
          <label htmlFor="library-outlet">{t('library:search.outlet')}</label>
          <select id="library-outlet" name="outlet" defaultValue={query.outlet ?? ''}>
            <option value="">{t('library:search.anyOutlet')}</option>
            {outlets.map((outlet) => (
              <option key={outlet} value={outlet}>
                {outlet}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="glossary-filters__actions">
        <button type="submit">{t('library:search.submit')}</button>
        {query.q || query.outlet ? <Link href={paths.library(locale)}>{t('library:search.reset')}</Link> : null}
      </div>
      <p id="library-q-hint" className="glossary-filters__hint">
        {t('library:search.hint')}
      </p>
    </form>
  );
}
