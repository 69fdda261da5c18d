import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ResetPasswordForm } from '@/components/auth/reset-password-form.client';
import { FormError } from '@/components/forms/messages';
import { resetTokenOf } from '@/lib/auth/service.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ token?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'account')('reset.title') } : {};
}

/** The page a reset e-mail's link opens: signed in or not (the new password ends every session). */
export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const token = resetTokenOf((await searchParams).token);
  const t = getServerT(locale, 'account');
  return (
    <div className="narrow">
      <h1>{t('reset.title')}</h1>
      {token ? (
        <>
          <p className="lead">{t('reset.intro')}</p>
          <ResetPasswordForm locale={locale} token={token} />
        </>
      ) : (
        <>
          <FormError message={t('errors.resetLinkInvalid')} testId="reset-link-invalid" />
          <p>
            <Link href={paths.forgotPassword(locale)}>{t('reset.requestNew')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
