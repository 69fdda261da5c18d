import Link from 'next/link';
import type { TFunction } from 'i18next';
import { groupByInitial, OTHER_INITIAL } from '@/lib/glossary/alphabet';
import type { TermCard } from '@/lib/glossary/types';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { LetterNav, letterAnchor } from './letter-nav';
import { TermRow } from './term-row';

/** The whole (or filtered) glossary A–Z, one section per initial letter. */
export function TermIndex({
  terms,
  filtered,
  locale,
  t,
}: {
  terms: TermCard[];
  filtered: boolean;
  locale: Locale;
  t: TFunction;
}) {
  const groups = groupByInitial(terms);
  return (
    <>
      <p className="glossary-count" data-testid="term-count" role="status">
        {t('glossary:index.count', { count: terms.length })}
      </p>
      {terms.length === 0 ? (
        <div className="glossary-empty">
          <p>{t('glossary:index.empty')}</p>
          {filtered ? (
            <p>
              <Link href={paths.glossary(locale)}>{t('glossary:index.showAll')}</Link>
            </p>
          ) : null}
        </div>
      ) : (
        <>
          <LetterNav present={new Set(groups.map((g) => g.letter))} t={t} />
          {groups.map((group) => (
            <section key={group.letter} className="letter-group" aria-labelledby={letterAnchor(group.letter)}>
              <h2 id={letterAnchor(group.letter)} className="letter-group__letter">
                {group.letter === OTHER_INITIAL ? t('glossary:index.otherInitial') : group.letter}
              </h2>
              <ul className="term-list">
                {group.terms.map((term) => (
                  <TermRow key={term.lemma} term={term} locale={locale} t={t} />
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </>
  );
}
