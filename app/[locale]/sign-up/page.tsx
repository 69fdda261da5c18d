import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form.client';
import { requireAnonymous } from '@/lib/auth/guards.server';
import { NextPathSchema } from '@/lib/auth/schema';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'account')('signUp.title') } : {};
}

export default async function SignUpPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const next = NextPathSchema.parse((await searchParams).next);
  await requireAnonymous(locale, next);
  const t = getServerT(locale, 'account');
  return (
    <div className="narrow">
      <h1>{t('signUp.title')}</h1>
      <p className="lead">{t('signUp.intro')}</p>
      <SignUpForm locale={locale} next={next} />
    </div>
  );
}
