import type { TFunction } from 'i18next';
import type { Domain, GlossaryQuery, TermKind } from '@/lib/glossary/schema';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { FilterActions, FilterSelect } from './filter-fields';
import { domainLabel, kindLabel } from './labels';

/** Search box and filters: a plain GET form, so results have a URL and work without JavaScript. */
export function GlossaryFilters({
  query,
  domains,
  kinds,
  locale,
  t,
}: {
  query: GlossaryQuery;
  domains: readonly Domain[];
  kinds: readonly TermKind[];
  locale: Locale;
  t: TFunction;
}) {
  const active = Boolean(query.q || query.domain || query.kind);
  return (
    <form
      className="glossary-filters"
      role="search"
      aria-label={t('glossary:filters.label')}
      method="get"
      action={paths.glossary(locale)}
    >
      <div className="glossary-filters__field glossary-filters__field--search">
        <label htmlFor="glossary-q">{t('glossary:filters.search')}</label>
        <input
          id="glossary-q"
          name="q"
          type="search"
          defaultValue={query.q}
          aria-describedby="glossary-q-hint"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <FilterSelect
        id="glossary-domain"
        name="domain"
        label={t('glossary:filters.domain')}
        all={t('glossary:filters.allDomains')}
        value={query.domain}
        options={domains.map((domain) => ({ value: domain, label: domainLabel(t, domain) }))}
      />
      <FilterSelect
        id="glossary-kind"
        name="kind"
        label={t('glossary:filters.kind')}
        all={t('glossary:filters.allKinds')}
        value={query.kind}
        options={kinds.map((kind) => ({ value: kind, label: kindLabel(t, kind) }))}
      />
      <FilterActions
        submit={t('glossary:filters.submit')}
        reset={t('glossary:filters.reset')}
        href={paths.glossary(locale)}
        active={active}
      />
      <p id="glossary-q-hint" className="glossary-filters__hint">
        {t('glossary:filters.searchHint')}
      </p>
    </form>
  );
}
