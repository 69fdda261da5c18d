import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { I18nProvider } from '@/components/i18n/i18n-provider.client';
import { SiteHeader } from '@/components/layout/site-header';
import { getServerT, resourcesFor, SHARED_NAMESPACES, SHARED_PARTS } from '@/lib/i18n/server';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import { isLocale, type Locale, locales } from '@/lib/i18n/settings';
import '../globals.css';

export function generateStaticParams(): { locale: Locale }[] {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = getServerT(locale);
  return { title: { default: t('appName'), template: `%s · ${t('appName')}` }, description: t('tagline') };
}

/**
 * The root layout. An unknown first segment (/fr/…) still gets a full page in the browser's preferred
 * language: every page below calls notFound() for it, and the localized not-found page renders here.
 */
export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale: segment } = await params;
  const locale: Locale = isLocale(segment) ? segment : negotiateLocale((await headers()).get('accept-language'));
  const t = getServerT(locale);
  return (
    // reader-mode.js sets data-reader-mode on <html> before hydration: React must not flag it.
    <html lang={locale} suppressHydrationWarning>
      <head>
        {/* eslint-disable-next-line @next/next/no-sync-scripts -- it must run before the first paint (no flash of the wrong layout) */}
        <script src="/reader-mode.js" />
      </head>
      <body>
        <I18nProvider key={locale} locale={locale} resources={resourcesFor(locale, SHARED_NAMESPACES, SHARED_PARTS)}>
          <SiteHeader locale={locale} t={t} />
          <main id="main" className="page">
            {children}
          </main>
        </I18nProvider>
      </body>
    </html>
  );
}
