import type { TFunction } from 'i18next';
import Link from 'next/link';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

/**
 * Downloads of the approved glossary, TBX and CSV, for everyone; with `exchangeFor` (an editor's
 * locale) also the link to the editors' import page. `t` is of the glossaryExchange namespace.
 */
export function GlossaryDownloads({ t, exchangeFor }: { t: TFunction; exchangeFor?: Locale }) {
  return (
    <nav className="words-transfer" aria-label={t('downloads.label')}>
      <a className="button button--small" href={paths.glossaryExport('tbx')} download data-testid="export-tbx">
        {t('downloads.tbx')}
      </a>
      <a className="button button--small" href={paths.glossaryExport('csv')} download data-testid="export-csv">
        {t('downloads.csv')}
      </a>
      {exchangeFor ? (
        <Link
          className="button button--small"
          href={paths.glossaryExchange(exchangeFor)}
          data-testid="glossary-exchange"
        >
          {t('downloads.exchange')}
        </Link>
      ) : null}
    </nav>
  );
}
