import Link from 'next/link';
import type { TFunction } from 'i18next';
import { headwordOf } from '@/lib/glossary/headword';
import type { TermCard, TermSearchMatch } from '@/lib/glossary/types';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { DomainTags } from './domain-tags';
import { matchLabel } from './labels';
import { TermHeadword } from './term-headword';

/**
 * One term in the index or the search results: headword (with its article), English, subject areas;
 * the rest is on the term's page (an index page carries each row twice, as HTML and as React's payload).
 */
export function TermRow({
  term,
  locale,
  t,
  match,
}: {
  term: TermCard;
  locale: Locale;
  t: TFunction;
  match?: TermSearchMatch;
}) {
  const headword = headwordOf(term);
  return (
    <li className="term-row" data-testid="term-row" data-lemma={term.lemma}>
      <div className="term-row__head">
        <Link className="term-row__lemma" href={paths.term(locale, term.lemma)} lang="de">
          <TermHeadword headword={headword} />
        </Link>
        {headword.pluralOnly ? <span className="term-row__note">({t('glossary:term.pluralOnly')})</span> : null}
        {match ? <span className="term-row__match">{matchLabel(t, match)}</span> : null}
      </div>
      <p className="term-row__english" lang="en">
        {term.englishPreferred}
      </p>
      <DomainTags domains={term.domains} t={t} />
    </li>
  );
}
