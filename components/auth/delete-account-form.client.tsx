'use client';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/forms/messages';
import { TextField } from '@/components/forms/text-field';
import { useActionForm } from '@/components/forms/use-action.client';
import { deleteAccountAction } from '@/lib/auth/actions';
import type { Role } from '@/lib/auth/roles';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

/** Deletes the account for good, after the password is given again; then a full load of the library, signed out. */
export function DeleteAccountForm({ locale, role }: { locale: Locale; role: Role }) {
  const { t } = useTranslation('account');
  const { onSubmit, pending, done, errors, formRef } = useActionForm(
    deleteAccountAction,
    (form) => ({ password: form.get('password') }),
    { onSuccess: () => window.location.assign(paths.library(locale)), refresh: false },
  );
  return (
    <form ref={formRef} className="form" method="post" onSubmit={onSubmit} noValidate data-testid="delete-account-form">
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
      <button type="submit" className="button button--danger" disabled={pending || done}>
        {t('delete.submit')}
      </button>
    </form>
  );
}
