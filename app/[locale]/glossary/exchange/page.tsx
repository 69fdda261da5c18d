import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ExchangeForm } from '@/components/glossary/exchange-form.client';
import { GlossaryDownloads } from '@/components/glossary/glossary-downloads';
import { IslandStrings } from '@/components/i18n/island-strings';
import { requireEditor } from '@/lib/auth/guards.server';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale, 'glossaryExchange')('page.title') } : {};
}

/** Glossary editors: the exports and the import of a TBX or CSV file (anyone else: the localized 404). */
export default async function GlossaryExchangePage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  await requireEditor(locale, paths.glossaryExchange(locale));
  const t = getServerT(locale, 'glossaryExchange');
  return (
    <div className="import-page">
      <p className="term-header__back">
        <Link href={paths.glossary(locale)}>{t('page.back')}</Link>
      </p>
      <h1>{t('page.title')}</h1>
      <p className="lead">{t('page.intro')}</p>
      <h2>{t('page.exportTitle')}</h2>
      <p>{t('downloads.hint')}</p>
      <GlossaryDownloads t={t} />
      <h2>{t('page.importTitle')}</h2>
      <IslandStrings locale={locale} namespaces={['glossaryExchange']}>
        <ExchangeForm locale={locale} />
      </IslandStrings>
    </div>
  );
}
