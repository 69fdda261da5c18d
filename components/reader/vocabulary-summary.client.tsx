'use client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/forms/messages';
import { useAction } from '@/components/forms/use-action.client';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { markRemainingKnownAction } from '@/lib/vocabulary/actions';
import type { ArticleCoverage } from '@/lib/vocabulary/coverage';

/**
 * What the learner knows of this article, at the top: "You know 82 % of the words" (the colours are
 * explained in the reader's key), and why a status could not be saved (`notice`, an i18n key). Its line
 * is there for every reader, from the first paint, so that the article never moves when it fills in:
 * empty until the session is known, then the figure for a learner or, for anyone else, a way to sign in.
 */
export function VocabularySummary({
  locale,
  coverage,
  signInHref,
  notice,
}: {
  locale: Locale;
  /** A learner's figure, once their words have loaded. */
  coverage: ArticleCoverage | null;
  /** For a reader who is not signed in. */
  signInHref: string | undefined;
  notice: string | undefined;
}) {
  const { t } = useTranslation('vocabulary');
  return (
    <div className="vocabulary-summary" data-testid="vocabulary-summary">
      <p>
        {coverage ? (
          <>
            <strong data-testid="coverage">{t('reader.coverage', { percent: coverage.percent / 100 })}</strong>{' '}
            <a href={paths.vocabulary(locale)}>{t('reader.myWords')}</a>
          </>
        ) : signInHref ? (
          <a href={signInHref}>{t('reader.signInToCount')}</a>
        ) : null}
      </p>
      <FormError message={notice && t(notice)} />
    </div>
  );
}

/**
 * At the end of the article: "mark all remaining words as known" (asks once before it writes). The
 * colours and the percentage are reloaded (`onMarked`) before the message shows: they tell the same story.
 */
export function MarkRemainingKnown({
  slug,
  remaining,
  onMarked,
}: {
  slug: string;
  /** Words of the article without an entry yet. */
  remaining: number;
  onMarked: () => Promise<void>;
}) {
  const { t } = useTranslation('vocabulary');
  const [confirming, setConfirming] = useState(false);
  const mark = useAction(
    async (input: { articleSlug: string }) => {
      const result = await markRemainingKnownAction(input);
      if (result.ok) await onMarked();
      setConfirming(false);
      return result;
    },
    // The page is the shared, cached one: only this island's data changed.
    { refresh: false },
  );
  return (
    <div className="vocabulary-end" data-testid="mark-remaining">
      {confirming ? (
        <p>
          {t('reader.markRemainingConfirm', { count: remaining })}{' '}
          <button
            type="button"
            className="button button--primary"
            onClick={() => mark.run({ articleSlug: slug })}
            disabled={mark.pending}
          >
            {t('reader.markRemainingYes')}
          </button>{' '}
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('reader.cancel')}
          </button>
        </p>
      ) : (
        <button type="button" className="button" onClick={() => setConfirming(true)} disabled={remaining === 0}>
          {t('reader.markRemaining', { count: remaining })}
        </button>
      )}
      <p role="status">
        {mark.result?.ok
          ? t('reader.markRemainingDone', { count: mark.result.data.created })
          : mark.errors.form
            ? t(mark.errors.form)
            : ''}
      </p>
    </div>
  );
}
