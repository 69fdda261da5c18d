'use client';
import { useBrowserTimeZone } from '@/components/i18n/use-browser-time-zone.client';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';

/**
 * The class CSV's download link: headers in the page's language, and, once the browser has said its time
 * zone, dates in that zone (before that, and without scripts, in UTC: the file names the zone it uses).
 */
export function GridCsvLink({ classId, locale, label }: { classId: string; locale: Locale; label: string }) {
  const timeZone = useBrowserTimeZone();
  return (
    <a
      href={paths.classGridCsv(classId, locale, timeZone)}
      className="button button--small"
      download
      data-testid="grid-csv"
    >
      {label}
    </a>
  );
}
