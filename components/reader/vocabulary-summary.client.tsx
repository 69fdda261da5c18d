'use client';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { markRemainingKnownAction } from '@/lib/vocabulary/actions';
import { articleCoverage } from '@/lib/vocabulary/coverage';
import type { Vocabulary } from './article-body.client';
import { FormError } from '@/components/forms/messages';

/**
 * What the learner knows of this article: at the top "82 % of the words you know" (with the colour
 * legend), at the end "mark all remaining words as known" (asks once before it writes).
 */
export function VocabularySummary({
  slug,
  locale,
  vocabulary,
  onMarked,
  notice,
  placement,
}: {
  slug: string;
  locale: Locale;
  vocabulary: Vocabulary;
  onMarked: () => Promise<void>;
  notice: string | null;
  placement: 'top' | 'end';
}) {
  const { t } = useTranslation('vocabulary');
  const coverage = useMemo(
    () =>
      articleCoverage(
        Object.values(vocabulary.words).flatMap((tokens) => tokens.map((token) => token[2])),
        vocabulary.statuses,
      ),
    [vocabulary],
  );
  const [confirming, setConfirming] = useState(false);
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'pending' } | { kind: 'done'; created: number } | { kind: 'failed'; error: string }
  >({ kind: 'idle' });

  if (placement === 'top') {
    return (
      <div className="vocabulary-summary" data-testid="vocabulary-summary">
        <p>
          <strong data-testid="coverage">{t('reader.coverage', { percent: coverage.percent / 100 })}</strong>{' '}
          <a href={paths.vocabulary(locale)}>{t('reader.myWords')}</a>
        </p>
        <p className="status-legend" aria-hidden="true">
          <span className="w" data-status="unknown">
            {t('reader.legendUnknown')}
          </span>{' '}
          <span className="w" data-status="new">
            {t('status.new')}
          </span>{' '}
          <span className="w" data-status="learning-1">
            {t('status.learning1')}
          </span>{' '}
          <span className="w" data-status="learning-4">
            {t('status.learning4')}
          </span>{' '}
          <span className="w" data-status="known">
            {t('status.known')}
          </span>
        </p>
        <FormError message={notice && t(notice)} />
      </div>
    );
  }

  const mark = async () => {
    setState({ kind: 'pending' });
    const result = await markRemainingKnownAction({ articleSlug: slug });
    setConfirming(false);
    if (!result.ok) return setState({ kind: 'failed', error: result.error });
    // The colours and the percentage first, then the message: they tell the same story.
    await onMarked();
    setState({ kind: 'done', created: result.data.created });
  };
  const remaining = coverage.unknownLemmas.length;
  return (
    <div className="vocabulary-end" data-testid="mark-remaining">
      {confirming ? (
        <p>
          {t('reader.markRemainingConfirm', { count: remaining })}{' '}
          <button type="button" className="button button--primary" onClick={mark} disabled={state.kind === 'pending'}>
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
        {state.kind === 'done'
          ? t('reader.markRemainingDone', { count: state.created })
          : state.kind === 'failed'
            ? t(state.error)
            : ''}
      </p>
    </div>
  );
}
