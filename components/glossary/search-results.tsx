import Link from 'next/link';
import type { TFunction } from 'i18next';
import type { TermSearchHit } from '@/lib/glossary/types';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { TermRow } from './term-row';

/** Ranked search results: the headword in any form first, then parts of headwords, then English. */
export function SearchResults({
  hits,
  query,
  filtered,
  locale,
  t,
}: {
  hits: TermSearchHit[];
  query: string;
  filtered: boolean;
  locale: Locale;
  t: TFunction;
}) {
  return (
    <section className="search-results" aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" className="visually-hidden">
        {t('glossary:results.heading')}
      </h2>
      <p className="glossary-count" data-testid="term-count" role="status">
        {t('glossary:results.count', { count: hits.length, query })}
      </p>
      {hits.length === 0 ? (
        <div className="glossary-empty" data-testid="no-results">
          <p>{t('glossary:results.emptyHint')}</p>
          {filtered ? (
            <p>
              <Link href={paths.glossaryFiltered(locale, { q: query })}>{t('glossary:results.searchEverywhere')}</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <ol className="term-list term-list--results" data-testid="search-results">
          {hits.map((hit) => (
            <TermRow key={hit.term.lemma} term={hit.term} match={hit.match} locale={locale} t={t} />
          ))}
        </ol>
      )}
    </section>
  );
}
