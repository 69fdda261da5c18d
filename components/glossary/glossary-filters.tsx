import type { TFunction } from 'i18next';
import type { Domain, GlossaryQuery, TermKind } from '@/lib/glossary/schema';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { FilterActions, FilterForm, FilterSelect, SearchField, SearchHint } from '@/components/forms/filter-form';
import { domainLabel, kindLabel } from './labels';

/** Search box and the domain and kind filters. */
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
    <FilterForm label={t('glossary:filters.label')} action={paths.glossary(locale)}>
      <SearchField id="glossary-q" label={t('glossary:filters.search')} value={query.q} />
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
      <SearchHint id="glossary-q">{t('glossary:filters.searchHint')}</SearchHint>
    </FilterForm>
  );
}
