'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { headwordOf } from '@/lib/glossary/headword';
import type { ReaderTermCard } from '@/lib/glossary/types';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { MeaningForm } from './meaning-form.client';

/** A signed-in learner's saving of a term: whether it is in their words, and how to save it (with "my meaning"). */
export type TermSaving = {
  saved: boolean;
  pending: boolean;
  /** The last refusal, an i18n key. */
  error?: string;
  onSave: (translation?: string) => void;
};

/** A glossary term's card: all data is already in the page, so it opens with no network round trip. */
export function TermPopoverContent({
  term,
  partial,
  locale,
  saving,
}: {
  term: ReaderTermCard;
  partial: boolean;
  locale: Locale;
  saving?: TermSaving;
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
      {saving ? <SaveTerm saving={saving} /> : null}
      <Link href={paths.term(locale, term.lemma)} className="popover__link">
        {t('popover.openTerm')}
      </Link>
    </>
  );
}

/** "My meaning" (optional: the term's English is the card's back without it) and the save button. */
function SaveTerm({ saving }: { saving: TermSaving }) {
  const { t } = useTranslation('vocabulary');
  const [meaning, setMeaning] = useState('');
  // Saved: the field empties, and the button says the term is in the learner's words.
  const { saved } = saving;
  useEffect(() => {
    if (saved) setMeaning('');
  }, [saved]);
  return (
    <MeaningForm
      testId="save-term"
      value={meaning}
      onChange={setMeaning}
      onSubmit={() => saving.onSave(meaning.trim() || undefined)}
      submitLabel={saved && meaning.trim() === '' ? t('reader.termSaved') : t('reader.saveTerm')}
      submitDisabled={saving.pending}
      error={saving.error}
    />
  );
}
