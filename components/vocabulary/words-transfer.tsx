import Link from 'next/link';
import type { TFunction } from 'i18next';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

/** Downloads of all the learner's words (CSV, Anki) and the way to import a CSV file. */
export function WordsTransfer({ locale, t }: { locale: Locale; t: TFunction }) {
  return (
    <nav className="words-transfer" aria-label={t('words.transfer.label')}>
      <a className="button button--small" href={paths.vocabularyExport('csv')} download data-testid="export-csv">
        {t('words.transfer.exportCsv')}
      </a>
      <a className="button button--small" href={paths.vocabularyExport('anki')} download data-testid="export-anki">
        {t('words.transfer.exportAnki')}
      </a>
      <Link className="button button--small" href={paths.vocabularyImport(locale)}>
        {t('words.transfer.import')}
      </Link>
    </nav>
  );
}
