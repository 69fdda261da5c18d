import Link from 'next/link';
import type { TFunction } from 'i18next';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

/** No saved words at all: how to get some. */
export function WordsEmpty({ locale, t }: { locale: Locale; t: TFunction }) {
  return (
    <div className="glossary-empty" data-testid="words-empty">
      <p>
        <strong>{t('words.empty.title')}</strong>
      </p>
      <p>{t('words.empty.hint')}</p>
      <p>
        <Link href={paths.library(locale)}>{t('words.empty.library')}</Link>
      </p>
    </div>
  );
}
