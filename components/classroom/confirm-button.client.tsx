'use client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '@/components/forms/messages';
import { useAction } from '@/components/forms/use-action.client';
import type { Result } from '@/lib/result';

/**
 * A button for a consequential action (remove a student, leave or archive a class, delete an
 * assignment, new join code): a first press asks, a second one acts; the page is refreshed after.
 */
export function ConfirmButton({
  action,
  input,
  label,
  question,
  confirmLabel,
  danger = false,
  testId,
}: {
  action: (input: unknown) => Promise<Result<unknown>>;
  input: unknown;
  label: string;
  question: string;
  confirmLabel: string;
  danger?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation('classroom');
  const [asking, setAsking] = useState(false);
  const { run, pending, errors } = useAction(action, { onSuccess: () => setAsking(false) });
  return (
    <span className="confirm-button" data-testid={testId}>
      {asking ? (
        <span role="group" aria-label={question}>
          <span className="confirm-button__question">{question}</span>{' '}
          <button
            type="button"
            className={`button button--small${danger ? ' button--danger' : ''}`}
            onClick={() => run(input)}
            disabled={pending}
            data-testid={testId ? `${testId}-confirm` : undefined}
          >
            {confirmLabel}
          </button>{' '}
          <button type="button" className="button button--small" onClick={() => setAsking(false)} disabled={pending}>
            {t('form.cancel')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          className={`button button--small${danger ? ' button--danger' : ''}`}
          onClick={() => setAsking(true)}
        >
          {label}
        </button>
      )}
      <ActionError message={errors.form && t(errors.form)} />
    </span>
  );
}
