'use client';
import Link from 'next/link';
import { useTranslation } from 'react-i18next';
import { headwordOf } from '@/lib/glossary/headword';
import type { ReaderTermCard } from '@/lib/glossary/types';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

/** A glossary term's card: all data is already in the page, so it opens with no network round trip. */
export function TermPopoverContent({
  term,
  partial,
  locale,
}: {
  term: ReaderTermCard;
  partial: boolean;
  locale: Locale;
}) {
  const { t } = useTranslation('reader');
  const headword = headwordOf(term);
  return (
    <>
      <h2 id="popover-title" className="popover__title" lang="de">
        {headword.article ? <span className="popover__article">{headword.article} </span> : null}
        {headword.text}
      </h2>
      {headword.plural ? (
        <p className="popover__meta" lang="de">
          {t('popover.plural', { plural: headword.plural })}
        </p>
      ) : null}
      {partial ? <p className="popover__meta">{t('popover.partial')}</p> : null}
      <p lang="en" className="popover__english">
        <span className="visually-hidden">{t('popover.english')}: </span>
        <strong>{term.englishPreferred}</strong>
        {term.englishAlternatives.length ? `; ${term.englishAlternatives.join('; ')}` : null}
      </p>
      <p className="popover__definition" lang={locale}>
        {term.definition}
      </p>
      <Link href={paths.term(locale, term.lemma)} className="popover__link">
        {t('popover.openTerm')}
      </Link>
    </>
  );
}
