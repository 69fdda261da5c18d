import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JoinClassForm } from '@/components/classroom/join-class-form.client';
import { requireUser } from '@/lib/auth/guards.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string; code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'classroom')('join.title') } : {};
}

/** A teacher's join link: signed-in users confirm and join; anyone else signs in first and comes back here. */
export default async function JoinPage({ params }: Props) {
  const { locale, code } = await params;
  if (!isLocale(locale)) notFound();
  const decoded = decodeURIComponent(code);
  await requireUser(locale, paths.joinClass(locale, decoded));
  const t = getServerT(locale, 'classroom');
  return (
    <div className="narrow" data-testid="join-page">
      <h1>{t('join.title')}</h1>
      <p className="lead">{t('join.linkIntro')}</p>
      <p>
        {t('join.codeLabel')}: <code data-testid="join-page-code">{decoded}</code>
      </p>
      <JoinClassForm code={decoded} redirectTo={paths.assignments(locale)} />
    </div>
  );
}
