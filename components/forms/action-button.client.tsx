'use client';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '@/components/forms/messages';
import { useAction } from '@/components/forms/use-action.client';
import type { Result } from '@/lib/result';

/** A small button that runs one action on `input` at once (no question first); the page is refreshed after. */
export function ActionButton<I>({
  action,
  input,
  className,
  label,
  testId,
  children,
}: {
  action: (input: I) => Promise<Result<unknown>>;
  input: I;
  /** Its variant, e.g. `button--primary`. */
  className: string;
  /** Its accessible name, which says whom it concerns. */
  label: string;
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { run, pending, errors } = useAction(action);
  return (
    <>
      <button
        type="button"
        className={`button button--small ${className}`}
        onClick={() => run(input)}
        disabled={pending}
        aria-label={label}
        data-testid={testId}
      >
        {children}
      </button>
      <ActionError message={errors.form && t(errors.form)} />
    </>
  );
}
