import type { TFunction } from 'i18next';
import type { Locale } from '@/lib/i18n/settings';

export function SourceNote({
  noteDe,
  noteEn,
  locale,
  t,
}: {
  noteDe: string;
  noteEn: string;
  locale: Locale;
  t: TFunction;
}) {
  return (
    <footer className="source-note">
      <h2>{t('reader:source')}</h2>
      <p lang={locale}>{locale === 'de' ? noteDe : noteEn}</p>
    </footer>
  );
}
