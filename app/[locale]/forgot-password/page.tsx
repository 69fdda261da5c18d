import type { Metadata } from 'next';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form.client';
import { FormError } from '@/components/forms/messages';
import { type AnonymousPageProps, requireAnonymous } from '@/lib/auth/guards.server';
import { passwordResetAvailable, RESET_LINK_MINUTES } from '@/lib/auth/service.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';

export async function generateMetadata({ params }: AnonymousPageProps): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'account')('forgot.title') } : {};
}

export default async function ForgotPasswordPage(props: AnonymousPageProps) {
  const { locale } = await requireAnonymous(props);
  const t = getServerT(locale, 'account');
  return (
    <div className="narrow">
      <h1>{t('forgot.title')}</h1>
      {passwordResetAvailable ? (
        <>
          <p className="lead">{t('forgot.intro')}</p>
          <ForgotPasswordForm locale={locale} minutes={RESET_LINK_MINUTES} />
        </>
      ) : (
        <FormError message={t('errors.resetUnavailable')} testId="reset-unavailable" />
      )}
    </div>
  );
}
