import type { TFunction } from 'i18next';
import { paths } from '@/lib/paths';

/** Downloads of the approved glossary, TBX and CSV, for everyone. `t` is of the glossaryExchange namespace. */
export function GlossaryDownloads({ t }: { t: TFunction }) {
  return (
    <nav className="words-transfer" aria-label={t('downloads.label')}>
      <a className="button button--small" href={paths.glossaryExport('tbx')} download data-testid="export-tbx">
        {t('downloads.tbx')}
      </a>
      <a className="button button--small" href={paths.glossaryExport('csv')} download data-testid="export-csv">
        {t('downloads.csv')}
      </a>
    </nav>
  );
}
