'use client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/forms/messages';
import { TextField } from '@/components/forms/text-field';
import { deleteAccountAction } from '@/lib/auth/actions';
import type { Role } from '@/lib/auth/roles';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

/** Deletes the account for good, after the password is given again; then a full load of the library, signed out. */
export function DeleteAccountForm({ locale, role }: { locale: Locale; role: Role }) {
  const { t } = useTranslation('account');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setPending(true);
    try {
      const result = await deleteAccountAction({ password: new FormData(event.currentTarget).get('password') });
      if (result.ok) return window.location.assign(paths.library(locale));
      setErrors({ ...result.fieldErrors, ...(result.formError ? { form: result.formError } : {}) });
    } catch {
      setErrors({ form: 'account:errors.unexpected' });
    }
    setPending(false);
  };
  return (
    <form className="form" method="post" onSubmit={onSubmit} noValidate data-testid="delete-account-form">
      <p>{t('delete.what')}</p>
      {role === 'learner' ? null : <p>{t('delete.teaching')}</p>}
      <FormError message={errors.form && t(errors.form)} />
      <TextField
        id="delete-password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        label={t('delete.password')}
        error={errors.password && t(errors.password)}
      />
      <button type="submit" className="button button--danger" disabled={pending}>
        {t('delete.submit')}
      </button>
    </form>
  );
}
