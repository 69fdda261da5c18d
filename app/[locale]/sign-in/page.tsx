import type { Metadata } from 'next';
import { SignInForm } from '@/components/auth/sign-in-form.client';
import { type AnonymousPageProps, requireAnonymous } from '@/lib/auth/guards.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';

export async function generateMetadata({ params }: AnonymousPageProps): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'account')('signIn.title') } : {};
}

export default async function SignInPage(props: AnonymousPageProps) {
  const { locale, next } = await requireAnonymous(props);
  const t = getServerT(locale, 'account');
  return (
    <div className="narrow">
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.intro')}</p>
      <SignInForm locale={locale} next={next} />
    </div>
  );
}
