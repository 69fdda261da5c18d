'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { gradeAction } from '@/lib/review/actions';
import { RATING_LABEL_KEYS, ratingForKey, SHOW_ANSWER_KEYS } from '@/lib/review/schema';
import { REVIEW_RATINGS, type ReviewRating } from '@/lib/review/scheduler';
import type { QueueCard } from '@/lib/review/types';
import { FormError } from '@/components/forms/messages';

const DIRECTION_KEYS = { 'de-en': 'direction.deEn', 'en-de': 'direction.enDe', cloze: 'direction.cloze' } as const;

/**
 * One review session over today's queue: the prompt, then (button, Space or Enter) the answer, then a
 * grade (button or 1–4). Each grade is saved before the next card shows; a failed save keeps the card.
 */
export function ReviewSession({ cards, locale }: { cards: QueueCard[]; locale: Locale }) {
  const { t } = useTranslation('review');
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shownAt = useRef(Date.now());
  const card = cards[index];

  const grade = useCallback(
    async (rating: ReviewRating) => {
      if (!card || !revealed || pending) return;
      setPending(true);
      const result = await gradeAction({
        cardId: card.id,
        rating,
        reps: card.reps,
        durationMs: Math.min(Date.now() - shownAt.current, 86_400_000),
      });
      setPending(false);
      // Already graded (another tab, a double submit): the card is done all the same.
      if (!result.ok && result.reason !== 'conflict') return setError(result.formError);
      setError(null);
      setRevealed(false);
      setIndex((i) => i + 1);
      shownAt.current = Date.now();
    },
    [card, revealed, pending],
  );

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
        void grade(rating);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [revealed, grade]);

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
                onClick={() => void grade(rating)}
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
      <FormError message={error && t(error)} />
    </section>
  );
}
