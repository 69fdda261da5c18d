'use client';
import Link from 'next/link';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/forms/text-field';
import { authClient } from '@/lib/auth/client';
import { SignInSchema } from '@/lib/auth/schema';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { useAuthSubmit } from './use-auth-submit.client';
import { FormError } from '@/components/forms/messages';

/** E-mail sign-in against /api/auth (rate-limited there); a full page load afterwards picks the session up. */
export function SignInForm({ locale, next, canReset }: { locale: Locale; next: string; canReset: boolean }) {
  const { t } = useTranslation('account');
  const { errors, formValues, pending, onSubmit } = useAuthSubmit(
    SignInSchema,
    (data, options) => authClient.signIn.email(data, options),
    next || paths.dashboard(locale),
  );

  return (
    <form className="form" method="post" onSubmit={onSubmit} noValidate data-testid="sign-in-form">
      <FormError message={errors.form && t(errors.form, formValues)} testId="auth-form-error" />
      <TextField
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        required
        label={t('fields.email')}
        error={errors.email && t(errors.email)}
      />
      <TextField
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        label={t('fields.password')}
        error={errors.password && t(errors.password)}
      />
      {canReset ? (
        <p>
          <Link href={paths.forgotPassword(locale)}>{t('signIn.forgot')}</Link>
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('signIn.pending') : t('signIn.submit')}
      </button>
      <p>
        {t('signIn.noAccount')} <Link href={paths.signUp(locale, next || undefined)}>{t('signUp.link')}</Link>
      </p>
    </form>
  );
}
