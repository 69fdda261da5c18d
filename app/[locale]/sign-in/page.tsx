import type { Metadata } from 'next';
import { SignInForm } from '@/components/auth/sign-in-form.client';
import { type AnonymousPageProps, requireAnonymous } from '@/lib/auth/guards.server';
import { passwordResetAvailable } from '@/lib/auth/service.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';

export async function generateMetadata({ params }: AnonymousPageProps): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'account')('signIn.title') } : {};
}

type Props = AnonymousPageProps & { searchParams: Promise<{ reset?: string | string[] }> };

export default async function SignInPage(props: Props) {
  const { locale, next } = await requireAnonymous(props);
  // After a password reset (lib/paths.ts signInAfterReset): say so above the form.
  const afterReset = (await props.searchParams).reset === '1';
  const t = getServerT(locale, 'account');
  return (
    <div className="narrow">
      <h1>{t('signIn.title')}</h1>
      {afterReset ? (
        <p className="notice" role="status" data-testid="password-reset-done">
          {t('signIn.resetDone')}
        </p>
      ) : (
        <p className="lead">{t('signIn.intro')}</p>
      )}
      <SignInForm locale={locale} next={next} canReset={passwordResetAvailable} />
    </div>
  );
}
