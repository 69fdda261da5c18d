'use client';
import Link from 'next/link';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/forms/messages';
import { TextField } from '@/components/forms/text-field';
import { authClient } from '@/lib/auth/client';
import { INVALID, ForgotPasswordSchema } from '@/lib/auth/schema';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { fieldErrorsOf } from '@/lib/result';
import { authFailure, type FormMessage } from './use-auth-submit.client';

/**
 * Asks for a password-reset link. The answer is the same whether or not an account has the address
 * (the server says nothing else either); the link opens this locale's reset page, and the e-mail is in
 * this page's language.
 */
export function ForgotPasswordForm({ locale, minutes }: { locale: Locale; minutes: number }) {
  const { t } = useTranslation('account');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<FormMessage | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = ForgotPasswordSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    if (!parsed.success) return setFieldError(fieldErrorsOf(parsed.error.issues, INVALID).email);
    setFieldError(undefined);
    setError(null);
    setPending(true);
    let response: Response | null = null;
    const result = await authClient.requestPasswordReset(
      { email: parsed.data.email, redirectTo: paths.resetPassword(locale) },
      {
        onError: (context) => {
          response = context.response;
        },
      },
    );
    setPending(false);
    if (result.error) return setError(authFailure(result.error, response));
    setSentTo(parsed.data.email);
  };
  if (sentTo)
    return (
      <div role="status" data-testid="reset-mail-sent">
        <p className="notice">{t('forgot.sent', { email: sentTo, minutes })}</p>
        <p>
          <Link href={paths.signIn(locale)}>{t('forgot.back')}</Link>
        </p>
      </div>
    );
  return (
    <form className="form" method="post" onSubmit={onSubmit} noValidate data-testid="forgot-password-form">
      <FormError message={error && t(error.key, { ...error.values })} testId="auth-form-error" />
      <TextField
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        required
        label={t('fields.email')}
        error={fieldError && t(fieldError)}
      />
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('forgot.pending') : t('forgot.submit')}
      </button>
      <p>
        <Link href={paths.signIn(locale)}>{t('forgot.back')}</Link>
      </p>
    </form>
  );
}
