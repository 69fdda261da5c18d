import Link from 'next/link';
import type { TFunction } from 'i18next';
import type { Domain } from '@/lib/glossary/schema';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { domainLabel } from './labels';

/** A term's subject areas as small tags; on the term page each links to the index filtered by it. */
export function DomainTags({
  domains,
  t,
  linkLocale,
}: {
  domains: readonly Domain[];
  t: TFunction;
  linkLocale?: Locale;
}) {
  return (
    <ul className="domain-tags" aria-label={t('glossary:term.domains')}>
      {domains.map((domain) => (
        <li key={domain} className="domain-tag">
          {linkLocale ? (
            <Link href={paths.glossaryFiltered(linkLocale, { domain })}>{domainLabel(t, domain)}</Link>
          ) : (
            domainLabel(t, domain)
          )}
        </li>
      ))}
    </ul>
  );
}
