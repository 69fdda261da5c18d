import Link from 'next/link';
import type { TFunction } from 'i18next';
import type { Domain, GlossaryQuery, TermKind } from '@/lib/glossary/schema';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
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
      <div className="glossary-filters__field">
        <label htmlFor="glossary-domain">{t('glossary:filters.domain')}</label>
        <select id="glossary-domain" name="domain" defaultValue={query.domain ?? ''}>
          <option value="">{t('glossary:filters.allDomains')}</option>
          {domains.map((domain) => (
            <option key={domain} value={domain}>
              {domainLabel(t, domain)}
            </option>
          ))}
        </select>
      </div>
      <div className="glossary-filters__field">
        <label htmlFor="glossary-kind">{t('glossary:filters.kind')}</label>
        <select id="glossary-kind" name="kind" defaultValue={query.kind ?? ''}>
          <option value="">{t('glossary:filters.allKinds')}</option>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(t, kind)}
            </option>
          ))}
        </select>
      </div>
      <div className="glossary-filters__actions">
        <button type="submit">{t('glossary:filters.submit')}</button>
        {active ? <Link href={paths.glossary(locale)}>{t('glossary:filters.reset')}</Link> : null}
      </div>
      <p id="glossary-q-hint" className="glossary-filters__hint">
        {t('glossary:filters.searchHint')}
      </p>
    </form>
  );
}
