'use client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/forms/messages';
import { useActionForm } from '@/components/forms/use-action.client';
import { submitQuizAction } from '@/lib/classroom/actions';
import type { QuizItemView, QuizResult } from '@/lib/classroom/types';

const KIND_KEYS: Record<QuizItemView['kind'], string> = { cloze: 'quiz.kindCloze', 'en-de': 'quiz.kindEnDe' };

/** The kebab-case verdict as its i18n key (verdict.correct, verdict.wrongEnding, …). */
const verdictKey = (verdict: string) => `verdict.${verdict.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}`;

/** The assignment's quiz: one text input per item; the server scores it and names each near miss. */
export function QuizForm({ assignmentId, items }: { assignmentId: string; items: readonly QuizItemView[] }) {
  const { t } = useTranslation('classroom');
  // The scored attempt, shown until "Try again" brings back an empty form.
  const [result, setResult] = useState<QuizResult | null>(null);
  const { formRef, errors, pending, onSubmit } = useActionForm(
    submitQuizAction,
    (form) => ({
      assignmentId,
      answers: items.map((item) => ({ itemId: item.id, given: String(form.get(`answer-${item.id}`) ?? '') })),
    }),
    { onSuccess: (scored) => setResult(scored) },
  );

  if (result) {
    return (
      <div className="quiz-result" data-testid="quiz-result">
        <p className="quiz-result__score" role="status" data-testid="quiz-score">
          {t('quiz.score', { score: result.score, maxScore: result.maxScore })}
        </p>
        <ol className="quiz-items">
          {result.items.map((item) => (
            <li key={item.id} className="quiz-item" data-testid="quiz-result-item" data-verdict={item.verdict}>
              <p className="quiz-item__prompt" lang={item.kind === 'cloze' ? 'de' : 'en'}>
                {item.prompt}
              </p>
              <p>
                <span className="status-badge quiz-verdict" data-verdict={item.verdict} data-testid="quiz-verdict">
                  {t(verdictKey(item.verdict))}
                </span>{' '}
                {t('quiz.yourAnswer')}: <span lang="de">{item.given || '—'}</span>
                {item.verdict !== 'correct' ? (
                  <>
                    {' '}
                    · {t('quiz.expected')}: <strong lang="de">{item.expected}</strong>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
        <button type="button" className="button" onClick={() => setResult(null)}>
          {t('quiz.again')}
        </button>
      </div>
    );
  }

  return (
    <form ref={formRef} className="form quiz-form" method="post" onSubmit={onSubmit} noValidate data-testid="quiz-form">
      <FormError message={errors.form && t(errors.form)} />
      <ol className="quiz-items">
        {items.map((item) => (
          <li key={item.id} className="quiz-item field" data-testid="quiz-item" data-kind={item.kind}>
            <label htmlFor={`answer-${item.id}`}>
              <span className="muted">{t(KIND_KEYS[item.kind])}</span>
              <br />
              <span className="quiz-item__prompt" lang={item.kind === 'cloze' ? 'de' : 'en'} data-testid="quiz-prompt">
                {item.prompt}
              </span>
            </label>
            {item.hint ? (
              <p
                id={`answer-${item.id}-hint`}
                className="field__hint"
                lang={item.kind === 'cloze' ? 'en' : undefined}
                data-testid="quiz-hint"
              >
                {t('quiz.hint', { hint: item.hint })}
              </p>
            ) : null}
            <input
              id={`answer-${item.id}`}
              name={`answer-${item.id}`}
              autoComplete="off"
              spellCheck={false}
              lang="de"
              aria-describedby={item.hint ? `answer-${item.id}-hint` : undefined}
            />
          </li>
        ))}
      </ol>
      <button type="submit" className="button button--primary" disabled={pending} data-testid="quiz-submit">
        {t('quiz.submit')}
      </button>
    </form>
  );
}
