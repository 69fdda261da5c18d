import Link from 'next/link';
import type { TFunction } from 'i18next';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { UserMenu } from '@/components/auth/user-menu.client';
import { LanguageSwitcher } from './language-switcher.client';
import { SiteMenu } from './site-menu.client';

export function SiteHeader({ locale, t }: { locale: Locale; t: TFunction }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Link className="brand" href={paths.library(locale)}>
        {t('appName')}
      </Link>
      <SiteMenu>
        <nav aria-label={t('nav.main')} className="site-nav">
          <Link href={paths.library(locale)}>{t('nav.library')}</Link>
          <Link href={paths.glossary(locale)}>{t('nav.glossary')}</Link>
          <Link href={paths.about(locale)}>{t('nav.about')}</Link>
        </nav>
        <UserMenu locale={locale} />
        <LanguageSwitcher locale={locale} />
      </SiteMenu>
    </header>
  );
}
