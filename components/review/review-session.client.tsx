'use client';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/forms/messages';
import { useAction } from '@/components/forms/use-action.client';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { gradeAction } from '@/lib/review/actions';
import { REVIEW_RATINGS, type ReviewRating } from '@/lib/review/ratings';
import {
  ALREADY_GRADED,
  type GradeInput,
  RATING_LABEL_KEYS,
  ratingForKey,
  SHOW_ANSWER_KEYS,
} from '@/lib/review/schema';
import { afterGrade, remaining, startSession } from '@/lib/review/session';
import type { GradedCard, QueueCard } from '@/lib/review/types';
import type { Result } from '@/lib/result';

const DIRECTION_KEYS = { 'de-en': 'direction.deEn', 'en-de': 'direction.enDe', cloze: 'direction.cloze' } as const;

/** Saves a grade; a card already graded (another tab, a double submit) is done all the same. */
async function saveGrade(input: GradeInput): Promise<Result<GradedCard | null>> {
  const result = await gradeAction(input);
  return !result.ok && result.error === ALREADY_GRADED ? { ok: true, data: null } : result;
}

/**
 * One review session over today's queue: the prompt, then (button, Space or Enter) the answer, then a
 * grade (button or 1–4). Each grade is saved before the next card shows; a failed save keeps the card.
 * A card the scheduler keeps in a learning step ("Again") comes back in this session (session.ts).
 * Focus moves to each new card's "Show answer" button and then to the answer, so the keys work on
 * arrival without a click, and a screen reader hears each card.
 */
export function ReviewSession({
  cards,
  locale,
  laterToday,
  dayEnd,
}: {
  cards: QueueCard[];
  locale: Locale;
  laterToday: number;
  dayEnd: string;
}) {
  const { t } = useTranslation('review');
  const [session, setSession] = useState(() => startSession(cards, Date.now()));
  const [revealed, setRevealed] = useState(false);
  const shownAt = useRef(Date.now());
  const showRef = useRef<HTMLButtonElement>(null);
  const answerRef = useRef<HTMLParagraphElement>(null);
  const card = session.current;
  const saving = useAction(saveGrade, {
    // The queue is this session's: a refreshed page would hand the island a new one mid-session.
    refresh: false,
    onSuccess: (graded) => {
      setRevealed(false);
      setSession((s) => afterGrade(s, graded, Date.now(), Date.parse(dayEnd)));
      shownAt.current = Date.now();
    },
  });
  const { pending } = saving;

  // Each card (a card back from its step too: a new grade count) takes the focus on arrival.
  useEffect(() => {
    (revealed ? answerRef : showRef).current?.focus();
  }, [card?.id, session.graded, revealed]);

  const grade = (rating: ReviewRating) => {
    if (!card || !revealed || pending) return;
    saving.run({
      cardId: card.id,
      rating,
      reps: card.reps,
      durationMs: Math.min(Date.now() - shownAt.current, 86_400_000),
    });
  };

  // The key handler is registered once per reveal; it grades through the latest render's `grade`.
  const gradeRef = useRef(grade);
  useEffect(() => {
    gradeRef.current = grade;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const target = event.target instanceof Element ? event.target : null;
      // Typing is never a grade.
      if (target?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return;
      if (!revealed && (SHOW_ANSWER_KEYS as readonly string[]).includes(event.key)) {
        // Space and Enter keep their own meaning on a link or button outside the card.
        if (target?.closest('a, button') && !target.closest('[data-testid="review-card"]')) return;
        event.preventDefault();
        setRevealed(true);
        return;
      }
      const rating = revealed ? ratingForKey(event.key) : null;
      if (rating) {
        event.preventDefault();
        gradeRef.current(rating);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [revealed]);

  if (!card) {
    const later = laterToday + session.later;
    return (
      <div className="review-done" data-testid="review-done">
        <p className="lead" tabIndex={-1} ref={(el) => el?.focus()}>
          {session.graded ? t('session.done', { count: session.graded }) : t('session.empty')}
        </p>
        {later > 0 || session.graded > 0 ? (
          <p data-testid="review-later">{later > 0 ? t('session.later', { count: later }) : t('session.tomorrow')}</p>
        ) : null}
        <p>
          <a href={paths.dashboard(locale)}>{t('session.toDashboard')}</a> ·{' '}
          <a href={paths.library(locale)}>{t('session.toLibrary')}</a>
        </p>
      </div>
    );
  }

  // de-en: German prompt and context, English answer; en-de and cloze: English context, German answer.
  const germanPrompt = card.direction !== 'en-de';
  const answerLang = card.direction === 'de-en' ? 'en' : 'de';
  const hintLang = card.direction === 'de-en' ? 'de' : 'en';
  const cue = card.face.cue;
  return (
    <section
      className="review-card"
      aria-labelledby="review-prompt"
      data-testid="review-card"
      data-direction={card.direction}
    >
      <p className="review-card__meta">
        <span>{t(DIRECTION_KEYS[card.direction])}</span>
        <span aria-live="polite" data-testid="review-progress">
          {t('session.progress', { current: session.graded + 1, total: session.graded + remaining(session) })}
        </span>
      </p>
      <p
        id="review-prompt"
        className="review-card__prompt"
        lang={germanPrompt ? 'de' : 'en'}
        data-testid="review-prompt"
      >
        {card.face.prompt}
      </p>
      {cue ? (
        <p className="review-card__cue" data-testid="review-cue">
          {t('cue.text', { kind: cue.kind, with: cue.with, first: cue.first, letters: cue.letters, words: cue.words })}
        </p>
      ) : null}
      {card.face.hint ? (
        <p className="review-card__hint" lang={hintLang}>
          {card.face.hint}
        </p>
      ) : null}
      {revealed ? (
        <>
          <p
            className="review-card__answer"
            lang={answerLang}
            data-testid="review-answer"
            tabIndex={-1}
            ref={answerRef}
          >
            {card.face.answer}
          </p>
          <div role="group" aria-label={t('session.gradeLabel')} className="review-card__grades">
            {REVIEW_RATINGS.map((rating) => (
              <button
                key={rating}
                type="button"
                className="button"
                onClick={() => grade(rating)}
                disabled={pending}
                aria-keyshortcuts={String(rating)}
                data-rating={rating}
              >
                {t(RATING_LABEL_KEYS[rating])} <kbd aria-hidden="true">{rating}</kbd>
              </button>
            ))}
          </div>
        </>
      ) : (
        <button
          type="button"
          className="button button--primary"
          onClick={() => setRevealed(true)}
          aria-keyshortcuts="Space Enter"
          data-testid="show-answer"
          ref={showRef}
        >
          {t('session.showAnswer')}
        </button>
      )}
      <FormError message={saving.errors.form && t(saving.errors.form)} />
    </section>
  );
}
