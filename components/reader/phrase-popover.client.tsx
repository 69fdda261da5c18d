'use client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MeaningForm } from './meaning-form.client';

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
        <MeaningForm
          testId="save-phrase"
          value={meaning}
          onChange={setMeaning}
          onSubmit={() => saving.onSave(meaning.trim() || undefined)}
          submitLabel={t('reader.savePhrase')}
          submitDisabled={saving.pending}
          error={saving.error}
          notice={saving.saved ? t('reader.phraseSaved') : null}
        />
      )}
    </>
  );
}
