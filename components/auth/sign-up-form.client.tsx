'use client';
import Link from 'next/link';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/forms/text-field';
import { authClient } from '@/lib/auth/client';
import { SIGN_UP_ROLES } from '@/lib/auth/roles';
import { PASSWORD_MIN, SignUpSchema } from '@/lib/auth/schema';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { useAuthSubmit } from './use-auth-submit.client';
import { FormError } from '@/components/forms/messages';

/**
 * Creates an account (learner or teacher) and signs it in; the server checks every field again. With an
 * admin's `invitation` the account is a teacher at once; otherwise, with `teacherApproval`, a teacher
 * account waits for an admin (docs/decisions/021-teacher-approval.md).
 */
export function SignUpForm({
  locale,
  next,
  invitation,
  teacherApproval,
}: {
  locale: Locale;
  next: string;
  invitation?: string;
  teacherApproval: boolean;
}) {
  const { t } = useTranslation('account');
  const { errors, formValues, pending, onSubmit } = useAuthSubmit(
    SignUpSchema,
    (data, options) => authClient.signUp.email(data, options),
    // A teacher goes to their articles, or to the page that says their account waits for approval.
    (data) =>
      next ||
      (data.invitation
        ? paths.teach(locale)
        : data.role === 'teacher' && teacherApproval
          ? paths.teachingRequest(locale)
          : paths.dashboard(locale)),
  );

  return (
    <form className="form" method="post" onSubmit={onSubmit} noValidate data-testid="sign-up-form">
      <FormError message={errors.form && t(errors.form, formValues)} testId="auth-form-error" />
      <TextField
        id="name"
        name="name"
        autoComplete="name"
        required
        label={t('fields.name')}
        error={errors.name && t(errors.name)}
      />
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
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        label={t('fields.password')}
        // The rule once: as the hint, or as the error that repeats it.
        hint={errors.password ? undefined : t('fields.passwordHint', { min: PASSWORD_MIN })}
        error={errors.password && t(errors.password, { min: PASSWORD_MIN })}
      />
      {invitation ? (
        <>
          <input type="hidden" name="invitation" value={invitation} />
          <input type="hidden" name="role" value="teacher" />
        </>
      ) : (
        <fieldset className="field field--choice" aria-describedby={teacherApproval ? 'role-hint' : undefined}>
          <legend>{t('fields.role')}</legend>
          {SIGN_UP_ROLES.map((role) => (
            <label key={role}>
              <input type="radio" name="role" value={role} defaultChecked={role === 'learner'} /> {t(`roles.${role}`)}
            </label>
          ))}
          {teacherApproval ? (
            <p id="role-hint" className="field__hint">
              {t('signUp.teacherApproval')}
            </p>
          ) : null}
        </fieldset>
      )}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? t('signUp.pending') : t('signUp.submit')}
      </button>
      <p>
        {t('signUp.haveAccount')} <Link href={paths.signIn(locale, next || undefined)}>{t('signIn.link')}</Link>
      </p>
    </form>
  );
}
