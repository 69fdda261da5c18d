'use client';
import { useRouter } from 'next/navigation';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/forms/messages';
import { TextField } from '@/components/forms/text-field';
import { useActionForm } from '@/components/forms/use-action.client';
import { joinClassAction } from '@/lib/classroom/actions';

/**
 * A student joins a class with its code: typed on the classes page (the field is emptied and the page
 * refreshed), or confirmed on a join link (then on to `redirectTo`).
 */
export function JoinClassForm({ code, redirectTo }: { code?: string; redirectTo?: string }) {
  const { t } = useTranslation('classroom');
  const router = useRouter();
  const { formRef, errors, pending, done, onSubmit } = useActionForm(
    joinClassAction,
    (form) => ({ code: String(form.get('code') ?? '').trim() }),
    redirectTo
      ? { onSuccess: () => router.push(redirectTo), refresh: false }
      : { onSuccess: (_joined, form) => form?.reset() },
  );
  const error = errors.code ?? errors.form;
  return (
    <form
      ref={formRef}
      className="form form--inline"
      method="post"
      onSubmit={onSubmit}
      noValidate
      data-testid="join-class-form"
    >
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
          error={error && t(error)}
        />
      )}
      <FormError message={code && error && t(error)} />
      <button type="submit" className="button button--primary" disabled={pending} data-testid="join-submit">
        {code ? t('join.confirm') : t('join.submit')}
      </button>
      <p role="status" className="form__status">
        {done ? t('join.joined') : ''}
      </p>
    </form>
  );
}
