import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getServerT } from '@/lib/i18n/server';
import { isLocale } from '@/lib/i18n/settings';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return isLocale(locale) ? { title: getServerT(locale)('about.title') } : {};
}

/** What Lesebrücke is and whose work it stands on (the data licences require the credit). */
export default async function AboutPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const t = getServerT(locale);
  return (
    <div className="prose">
      <h1>{t('about.title')}</h1>
      <p className="lead">{t('about.intro')}</p>
      <h2>{t('about.creditsTitle')}</h2>
      <ul>
        <li>{t('about.creditLemmas')}</li>
        <li>{t('about.creditArticles')}</li>
        <li>{t('about.creditDictionary')}</li>
      </ul>
    </div>
  );
}
