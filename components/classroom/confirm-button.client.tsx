'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Result = { ok: true } | { ok: false; error?: string };

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
  redirectTo,
}: {
  action: (input: unknown) => Promise<Result>;
  input: unknown;
  label: string;
  question: string;
  confirmLabel: string;
  danger?: boolean;
  testId?: string;
  redirectTo?: string;
}) {
  const { t } = useTranslation('classroom');
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setPending(true);
    setError(null);
    try {
      const result = await action(input);
      if (!result.ok) return setError(result.error ?? 'classroom:form.failed');
      setAsking(false);
      if (redirectTo) router.push(redirectTo);
      else router.refresh();
    } catch {
      setError('classroom:form.failed');
    } finally {
      setPending(false);
    }
  };
  return (
    <span className="confirm-button" data-testid={testId}>
      {asking ? (
        <span role="group" aria-label={question}>
          <span className="confirm-button__question">{question}</span>{' '}
          <button
            type="button"
            className={`button button--small${danger ? ' button--danger' : ''}`}
            onClick={() => void run()}
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
      {error ? (
        <span className="form__error" role="alert">
          {t(error)}
        </span>
      ) : null}
    </span>
  );
}
