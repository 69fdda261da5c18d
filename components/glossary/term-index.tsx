import Link from 'next/link';
import type { TFunction } from 'i18next';
import { Pagination } from '@/components/pagination';
import { groupByInitial, OTHER_INITIAL } from '@/lib/glossary/alphabet';
import type { LetterPaging } from '@/lib/glossary/index-page';
import type { TermCard } from '@/lib/glossary/types';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { LetterNav, letterAnchor } from './letter-nav';
import { TermRow } from './term-row';

/**
 * The glossary (or its filtered part) A–Z, one section per initial letter: `terms` are the page's;
 * `count` says how many there are in all. With `paging`, the page is one letter's (or part of it), and
 * `hrefFor` gives the address of a letter's page.
 */
export function TermIndex({
  terms,
  count,
  paging,
  hrefFor,
  filtered,
  locale,
  t,
}: {
  terms: TermCard[];
  count: number;
  paging?: LetterPaging;
  hrefFor: (letter: string, page?: number) => string;
  filtered: boolean;
  locale: Locale;
  t: TFunction;
}) {
  const groups = groupByInitial(terms);
  return (
    <>
      <p className="glossary-count" data-testid="term-count" role="status">
        {t('glossary:index.count', { count })}
      </p>
      {count === 0 ? (
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
          {paging ? (
            <LetterNav present={paging.letters} current={paging.letter} hrefFor={hrefFor} t={t} />
          ) : (
            <LetterNav present={groups.map((g) => g.letter)} hrefFor={(letter) => `#${letterAnchor(letter)}`} t={t} />
          )}
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
          {paging ? (
            <Pagination
              page={paging.page}
              pageCount={paging.pageCount}
              hrefFor={(page) => hrefFor(paging.letter, page)}
              label={t('glossary:index.letterPages', {
                letter: paging.letter === OTHER_INITIAL ? t('glossary:index.otherInitial') : paging.letter,
              })}
              t={t}
            />
          ) : null}
        </>
      )}
    </>
  );
}
