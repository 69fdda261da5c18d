'use client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/forms/text-field';
import { authClient } from '@/lib/auth/client';

import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/auth/schema';
import { FormError } from '@/components/forms/messages';
import { authFailure, type FormMessage } from './use-auth-submit.client';

/** Changing the password signs every other browser out. */
export function ChangePasswordForm() {
  const { t } = useTranslation('account');
  const [error, setError] = useState<FormMessage | null>(null);
  const [saved, setSaved] = useState(false);
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get('currentPassword') ?? '');
    const newPassword = String(form.get('newPassword') ?? '');
    setSaved(false);
    if (newPassword.length < PASSWORD_MIN) return setError({ key: 'account:errors.passwordTooShort' });
    if (newPassword.length > PASSWORD_MAX) return setError({ key: 'account:errors.passwordTooLong' });
    // Wrong current passwords are throttled per account and address: a 429 says how long to wait.
    let response: Response | null = null;
    const result = await authClient.changePassword(
      { currentPassword, newPassword, revokeOtherSessions: true },
      {
        onError: (context) => {
          response = context.response;
        },
      },
    );
    if (result.error) return setError(authFailure(result.error, response));
    setError(null);
    setSaved(true);
    formElement.reset();
  };
  return (
    <form className="form" method="post" onSubmit={onSubmit} noValidate>
      <FormError message={error && t(error.key, { min: PASSWORD_MIN, ...error.values })} />
      <TextField
        id="current-password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        label={t('password.current')}
      />
      <TextField
        id="new-password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        label={t('password.new')}
        hint={t('fields.passwordHint', { min: PASSWORD_MIN })}
      />
      <button type="submit" className="button">
        {t('password.submit')}
      </button>
      <p role="status" className="form__status">
        {saved ? t('password.saved') : ''}
      </p>
    </form>
  );
}
