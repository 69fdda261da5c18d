import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form.client';
import { requireAnonymous } from '@/lib/auth/guards.server';
import { NextPathSchema } from '@/lib/auth/schema';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'account')('signIn.title') } : {};
}

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const next = NextPathSchema.parse((await searchParams).next);
  await requireAnonymous(locale, next);
  const t = getServerT(locale, 'account');
  return (
    <div className="narrow">
      <h1>{t('signIn.title')}</h1>
      <p className="lead">{t('signIn.intro')}</p>
      <SignInForm locale={locale} next={next} />
    </div>
  );
}
