'use client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Words selected in one sentence: where, which text, and what they are saved as. */
export type PhraseTarget = {
  /** The sentence's (or heading's) anchor. */
  place: string;
  start: number;
  end: number;
  surface: string;
  /** The cited form ("öffentlicher Druck"), as the server will store it. */
  lemma: string;
  sentenceEn: string;
};

export type PhraseSaving =
  | { kind: 'learner'; pending: boolean; saved: boolean; error?: string; onSave: (translation?: string) => void }
  | { kind: 'anonymous'; signInHref: string };

/** A selected phrase's card: the phrase, the form it is saved as, "my meaning" and a save button. */
export function PhrasePopoverContent({ phrase, saving }: { phrase: PhraseTarget; saving: PhraseSaving }) {
  const { t } = useTranslation('vocabulary');
  const [meaning, setMeaning] = useState('');
  const id = useId();
  return (
    <>
      <p className="popover__meta">{t('reader.phraseTitle')}</p>
      <h2 id="popover-title" className="popover__title" lang="de">
        {phrase.surface}
      </h2>
      <dl className="popover__facts">
        <div>
          <dt>{t('reader.phraseBase')}</dt>
          <dd lang="de" data-testid="phrase-lemma">
            {phrase.lemma}
          </dd>
        </div>
      </dl>
      <p lang="en" className="popover__sentence">
        {phrase.sentenceEn}
      </p>
      {saving.kind === 'anonymous' ? (
        <p className="popover__sign-in">
          <a href={saving.signInHref}>{t('reader.signInToSave')}</a>
        </p>
      ) : (
        <form
          className="popover__meaning"
          data-testid="save-phrase"
          onSubmit={(event) => {
            event.preventDefault();
            saving.onSave(meaning.trim() || undefined);
          }}
        >
          <label htmlFor={id}>{t('reader.myMeaning')}</label>
          <input
            id={id}
            name="translation"
            lang="en"
            maxLength={500}
            value={meaning}
            onChange={(event) => setMeaning(event.target.value)}
            aria-invalid={saving.error ? true : undefined}
            aria-describedby={saving.error ? `${id}-error` : undefined}
          />
          <button type="submit" disabled={saving.pending}>
            {t('reader.savePhrase')}
          </button>
          {saving.error ? (
            <p id={`${id}-error`} role="alert" className="form__error">
              {t(saving.error)}
            </p>
          ) : saving.saved ? (
            <p role="status">{t('reader.phraseSaved')}</p>
          ) : null}
        </form>
      )}
    </>
  );
}
