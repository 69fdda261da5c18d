'use client';
import { useEffect, useRef, useState } from 'react';
import type { WordMeaning } from '@/lib/dictionary/types';
import { useTranslation } from 'react-i18next';
import type { ReaderTermCard } from '@/lib/glossary/types';
import type { Locale } from '@/lib/i18n/settings';
import { externalDictionaries, paths } from '@/lib/paths';
import { germanArticle } from '@/lib/glossary/grammar';
import type { NounGender, PartOfSpeech } from '@/lib/text';
import type { VocabularyStatus } from '@/lib/vocabulary/status';
import { MeaningForm } from './meaning-form.client';
import { StatusPicker } from './status-picker.client';

/** A word of the article: `anchor` names its sentence (or heading) for saving it with its context. */
export type WordTarget = {
  anchor: string;
  surface: string;
  lemma: string;
  pos: PartOfSpeech;
  gender?: NounGender;
  sentenceDe: string;
  sentenceEn: string;
};

/**
 * Saving: for a signed-in learner their status, a setter (with "my meaning" when they wrote one) and
 * the last refusal (an i18n key); for everyone else, where to sign in.
 */
export type WordSaving =
  | {
      kind: 'learner';
      status: VocabularyStatus | undefined;
      onStatus: (status: VocabularyStatus, translation?: string) => void;
      error?: string;
      pending?: boolean;
    }
  | { kind: 'anonymous'; signInHref: string };
type Lookup = { state: 'loading' } | ({ state: 'done' } & WordMeaning) | { state: 'failed' };

function speak(text: string) {
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = 'de-DE';
  const voice = window.speechSynthesis.getVoices().find((v) => v.lang.startsWith('de'));
  if (voice) utterance.voice = voice;
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(utterance);
}

/** Any word: base form, part of speech, meanings (glossary, else the general dictionary), the aligned English, links, speech. */
export function WordPopoverContent({
  word,
  glossaryTerm,
  locale,
  saving,
}: {
  word: WordTarget;
  glossaryTerm: ReaderTermCard | undefined;
  locale: Locale;
  saving: WordSaving;
}) {
  const { t } = useTranslation('reader');
  const { t: tv } = useTranslation('vocabulary');
  const [lookup, setLookup] = useState<Lookup>({ state: 'loading' });
  const canSpeak = typeof window !== 'undefined' && 'speechSynthesis' in window;

  useEffect(() => {
    if (glossaryTerm) return;
    const controller = new AbortController();
    fetch(paths.dictionaryApi(word.lemma, { surface: word.surface, pos: word.pos }), { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        setLookup({ state: 'done', ...((await response.json()) as WordMeaning) });
      })
      .catch(() => {
        if (!controller.signal.aborted) setLookup({ state: 'failed' });
      });
    return () => controller.abort();
  }, [word.lemma, word.surface, word.pos, glossaryTerm]);
  const properNoun = !glossaryTerm && lookup.state === 'done' && lookup.properNoun;

  return (
    <>
      <h2 id="popover-title" className="popover__title" lang="de">
        {word.surface}
      </h2>
      <dl className="popover__facts">
        <div>
          <dt>{t('word.baseForm')}</dt>
          <dd lang="de">{word.gender ? `${germanArticle(word.gender)} ${word.lemma}` : word.lemma}</dd>
        </div>
        <div>
          <dt>{t('word.partOfSpeech')}</dt>
          <dd data-testid="word-pos">{properNoun ? t('pos.PROPER_NOUN') : t(`pos.${word.pos}`)}</dd>
        </div>
      </dl>
      {saving.kind === 'learner' ? (
        <LearnerSaving saving={saving} />
      ) : (
        <p className="popover__sign-in">
          <a href={saving.signInHref}>{tv('reader.signInToSave')}</a>
        </p>
      )}
      <h3 className="popover__subtitle">{glossaryTerm ? t('word.fromGlossary') : t('word.meanings')}</h3>
      {glossaryTerm ? (
        <p>
          <strong lang="en">{glossaryTerm.englishPreferred}</strong> —{' '}
          <span lang={locale}>{glossaryTerm.definition}</span>
        </p>
      ) : lookup.state === 'loading' ? (
        <p aria-live="polite">{t('word.loading')}</p>
      ) : lookup.state === 'done' && lookup.senses.length ? (
        <>
          {lookup.via === 'compound' && lookup.headword ? (
            <p className="popover__meta" data-testid="word-compound">
              {t('word.compoundHead', { head: lookup.headword })}
            </p>
          ) : null}
          <ul className="popover__senses">
            {lookup.senses.map((sense, index) => (
              <li key={index}>
                <span lang="de">{sense.german}</span> — <span lang="en">{sense.english}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{properNoun ? t('word.properNoun') : t('word.noMeanings')}</p>
      )}
      <h3 className="popover__subtitle">{t('word.sentence')}</h3>
      <p lang="en" className="popover__sentence" data-testid="word-popover-sentence">
        {word.sentenceEn}
      </p>
      <div className="popover__actions">
        <button
          type="button"
          onClick={() => speak(word.surface)}
          disabled={!canSpeak}
          title={canSpeak ? undefined : t('word.speechUnavailable')}
        >
          {t('word.speakWord')}
        </button>
        <button
          type="button"
          onClick={() => speak(word.sentenceDe)}
          disabled={!canSpeak}
          title={canSpeak ? undefined : t('word.speechUnavailable')}
        >
          {t('word.speakSentence')}
        </button>
      </div>
      <p className="popover__subtitle">{t('word.lookUp')}</p>
      <ul className="popover__links">
        {externalDictionaries(word.lemma).map((link) => (
          <li key={link.name}>
            <a href={link.href} target="_blank" rel="noopener noreferrer">
              {link.name}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The learner's status buttons and "my meaning": their own gloss, the back of the word's review cards.
 * A status chosen while the field holds text saves it too; without one, the server takes the glossary's
 * or the dictionary's meaning, and refuses a word being learned that has none (the field says so).
 */
function LearnerSaving({ saving }: { saving: Extract<WordSaving, { kind: 'learner' }> }) {
  const { t } = useTranslation('vocabulary');
  const [meaning, setMeaning] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const { error, onStatus } = saving;
  useEffect(() => {
    if (error) field.current?.focus();
  }, [error]);
  const choose = (status: VocabularyStatus) => onStatus(status, meaning.trim() || undefined);
  return (
    <>
      <StatusPicker status={saving.status} onChange={choose} />
      <MeaningForm
        inputRef={field}
        value={meaning}
        onChange={setMeaning}
        onSubmit={() => choose(saving.status ?? 'new')}
        submitLabel={t('reader.saveMeaning')}
        submitDisabled={saving.pending || meaning.trim() === ''}
        error={error}
      />
      <p className="popover__meta">{t('reader.phraseHint')}</p>
    </>
  );
}
