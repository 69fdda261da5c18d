'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslation } from 'react-i18next';
import { otherLocale, type Locale } from '@/lib/i18n/settings';
import { switchLocale } from '@/lib/paths';

/** Links to the same page in the other UI language (a plain link: works without JavaScript too). */
export function LanguageSwitcher({ locale }: { locale: Locale }) {
  const { t } = useTranslation('common');
  const pathname = usePathname();
  const target = otherLocale(locale);
  return (
    <nav aria-label={t('languageSwitcher.label')}>
      <Link
        className="language-switcher"
        href={switchLocale(pathname, target)}
        hrefLang={target}
        lang={target}
        data-testid="language-switcher"
      >
        {t('languageSwitcher.switchTo')}
      </Link>
    </nav>
  );
}
