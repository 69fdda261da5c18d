'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/forms/text-field';
import { joinClassAction } from '@/lib/classroom/actions';
import { FormError } from '@/components/forms/messages';

/** A student joins a class with its code: typed on the classes page, or confirmed on a join link. */
export function JoinClassForm({ code, redirectTo }: { code?: string; redirectTo?: string }) {
  const { t } = useTranslation('classroom');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [joined, setJoined] = useState(false);
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setJoined(false);
    try {
      const result = await joinClassAction({ code: String(form.get('code') ?? '').trim() });
      if (!result.ok) return setError(result.fieldErrors?.code ?? result.error);
      setError(null);
      setJoined(true);
      if (redirectTo) router.push(redirectTo);
      else {
        formElement.reset();
        router.refresh();
      }
    } catch {
      setError('classroom:form.failed');
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="form form--inline" method="post" onSubmit={onSubmit} noValidate data-testid="join-class-form">
      {code ? (
        <input type="hidden" name="code" value={code} />
      ) : (
        <TextField
          id="join-code"
          name="code"
          required
          autoComplete="off"
          spellCheck={false}
          maxLength={32}
          label={t('join.codeLabel')}
          hint={t('join.codeHint')}
          error={error ? t(error) : undefined}
        />
      )}
      <FormError message={code && error && t(error)} />
      <button type="submit" className="button button--primary" disabled={pending} data-testid="join-submit">
        {code ? t('join.confirm') : t('join.submit')}
      </button>
      <p role="status" className="form__status">
        {joined ? t('join.joined') : ''}
      </p>
    </form>
  );
}
