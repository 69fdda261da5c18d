'use client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/forms/text-field';
import { authClient } from '@/lib/auth/client';
import { authErrorKey } from '@/lib/auth/errors';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/auth/schema';
import { FormError } from '@/components/forms/messages';

/** Changing the password signs every other browser out. */
export function ChangePasswordForm() {
  const { t } = useTranslation('account');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get('currentPassword') ?? '');
    const newPassword = String(form.get('newPassword') ?? '');
    setSaved(false);
    if (newPassword.length < PASSWORD_MIN) return setError('account:errors.passwordTooShort');
    if (newPassword.length > PASSWORD_MAX) return setError('account:errors.passwordTooLong');
    const result = await authClient.changePassword({ currentPassword, newPassword, revokeOtherSessions: true });
    if (result.error) return setError(authErrorKey(result.error));
    setError(null);
    setSaved(true);
    formElement.reset();
  };
  return (
    <form className="form" method="post" onSubmit={onSubmit} noValidate>
      <FormError message={error && t(error, { min: PASSWORD_MIN })} />
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
