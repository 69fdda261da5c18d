import type { ReactNode } from 'react';
import { type NamespaceParts, resourcesFor, SHARED_NAMESPACES, SHARED_PARTS } from '@/lib/i18n/server';
import { isLocale, type Namespace } from '@/lib/i18n/settings';
import { I18nProvider } from './i18n-provider.client';

/**
 * A section of the app gives its islands the namespaces they use (on top of the shared ones the root
 * layout ships), so that no page carries every UI string of the app.
 */
export function IslandStrings({
  locale,
  namespaces,
  parts,
  children,
}: {
  locale: string;
  namespaces: readonly Namespace[];
  /** Of a namespace, only these top-level sections (the islands use no others). */
  parts?: NamespaceParts;
  children: ReactNode;
}) {
  if (!isLocale(locale)) return children; // the page answers with the localized 404
  // A shared namespace the section asks for is shipped whole, not as the parts every page gets.
  const shared = Object.fromEntries(
    Object.entries(SHARED_PARTS).filter(([namespace]) => !namespaces.includes(namespace as Namespace)),
  );
  return (
    <I18nProvider
      locale={locale}
      resources={resourcesFor(locale, [...SHARED_NAMESPACES, ...namespaces], { ...shared, ...parts })}
    >
      {children}
    </I18nProvider>
  );
}

/** A section's layout whose only job is to give the section's islands their UI strings. */
export function islandStringsLayout(namespaces: readonly Namespace[], parts?: NamespaceParts) {
  return async function IslandStringsLayout({
    children,
    params,
  }: {
    children: ReactNode;
    params: Promise<{ locale: string }>;
  }) {
    const { locale } = await params;
    return (
      <IslandStrings locale={locale} namespaces={namespaces} parts={parts}>
        {children}
      </IslandStrings>
    );
  };
}
