'use client';
import Link from 'next/link';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/forms/messages';
import { TextField } from '@/components/forms/text-field';
import { authClient } from '@/lib/auth/client';
import { PASSWORD_MIN, ResetPasswordSchema } from '@/lib/auth/schema';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { useAuthSubmit } from './use-auth-submit.client';

/**
 * Sets a new password with a reset link's token (single use, every session of the account ends), then
 * goes to sign-in, which says the password has changed.
 */
export function ResetPasswordForm({ locale, token }: { locale: Locale; token: string }) {
  const { t } = useTranslation('account');
  const { errors, formValues, pending, onSubmit } = useAuthSubmit(
    ResetPasswordSchema,
    (data, options) => authClient.resetPassword(data, options),
    paths.signInAfterReset(locale),
  );
  const linkRefused = errors.form === 'account:errors.resetLinkInvalid' || errors.token !== undefined;
  return (
    <form className="form" method="post" onSubmit={onSubmit} noValidate data-testid="reset-password-form">
      <FormError
        message={linkRefused ? t('errors.resetLinkInvalid') : errors.form && t(errors.form, formValues)}
        testId="auth-form-error"
      />
      {linkRefused ? (
        <p>
          <Link href={paths.forgotPassword(locale)}>{t('reset.requestNew')}</Link>
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <TextField
        id="new-password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        label={t('password.new')}
        // The rule once: as the hint, or as the error that repeats it.
        hint={errors.newPassword ? undefined : t('fields.passwordHint', { min: PASSWORD_MIN })}
        error={errors.newPassword && t(errors.newPassword, { min: PASSWORD_MIN })}
      />
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('reset.pending') : t('reset.submit')}
      </button>
    </form>
  );
}
