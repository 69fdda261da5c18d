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
 */
export function ReviewSession({ cards, locale }: { cards: QueueCard[]; locale: Locale }) {
  const { t } = useTranslation('review');
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const shownAt = useRef(Date.now());
  const card = cards[index];
  const saving = useAction(saveGrade, {
    // The queue is this session's: a refreshed page would hand the island a new one mid-session.
    refresh: false,
    onSuccess: () => {
      setRevealed(false);
      setIndex((i) => i + 1);
      shownAt.current = Date.now();
    },
  });
  const { pending } = saving;

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
      if ((event.target as HTMLElement).closest('a, input, textarea, select')) return;
      if (!revealed && (SHOW_ANSWER_KEYS as readonly string[]).includes(event.key)) {
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
    return (
      <div className="review-done" data-testid="review-done">
        <p className="lead">{cards.length ? t('session.done', { count: cards.length }) : t('session.empty')}</p>
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
  return (
    <section
      className="review-card"
      aria-labelledby="review-prompt"
      data-testid="review-card"
      data-direction={card.direction}
    >
      <p className="review-card__meta">
        <span>{t(DIRECTION_KEYS[card.direction])}</span>
        <span aria-live="polite">{t('session.progress', { current: index + 1, total: cards.length })}</span>
      </p>
      <p
        id="review-prompt"
        className="review-card__prompt"
        lang={germanPrompt ? 'de' : 'en'}
        data-testid="review-prompt"
      >
        {card.face.prompt}
      </p>
      {card.face.hint ? (
        <p className="review-card__hint" lang={hintLang}>
          {card.face.hint}
        </p>
      ) : null}
      {revealed ? (
        <>
          <p className="review-card__answer" lang={answerLang} data-testid="review-answer">
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
        >
          {t('session.showAnswer')}
        </button>
      )}
      <FormError message={saving.errors.form && t(saving.errors.form)} />
    </section>
  );
}
