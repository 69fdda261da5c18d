import type { ReactNode } from 'react';
import { IslandStrings } from '@/components/i18n/island-strings';

/** The UI strings this section's islands use. */
export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  return (
    <IslandStrings locale={locale} namespaces={['reader', 'vocabulary']}>
      {children}
    </IslandStrings>
  );
}
