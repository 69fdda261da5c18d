import type { Metadata } from 'next';
import { SignUpForm } from '@/components/auth/sign-up-form.client';
import { type AnonymousPageProps, requireAnonymous } from '@/lib/auth/guards.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';

export async function generateMetadata({ params }: AnonymousPageProps): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'account')('signUp.title') } : {};
}

export default async function SignUpPage(props: AnonymousPageProps) {
  const { locale, next } = await requireAnonymous(props);
  const t = getServerT(locale, 'account');
  return (
    <div className="narrow">
      <h1>{t('signUp.title')}</h1>
      <p className="lead">{t('signUp.intro')}</p>
      <SignUpForm locale={locale} next={next} />
    </div>
  );
}
