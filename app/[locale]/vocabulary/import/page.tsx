import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ImportColumns } from '@/components/vocabulary/import-columns';
import { ImportForm } from '@/components/vocabulary/import-form.client';
import { requireUser } from '@/lib/auth/guards.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'vocabulary')('importPage.title') } : {};
}

export default async function VocabularyImportPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  await requireUser(locale, paths.vocabularyImport(locale));
  const t = getServerT(locale, 'vocabulary');
  return (
    <div className="import-page">
      <p className="term-header__back">
        <Link href={paths.vocabulary(locale)}>{t('importPage.back')}</Link>
      </p>
      <h1>{t('importPage.title')}</h1>
      <p className="lead">{t('importPage.intro')}</p>
      <ImportForm locale={locale} />
      <ImportColumns t={t} />
    </div>
  );
}
