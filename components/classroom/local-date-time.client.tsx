'use client';
import { useBrowserTimeZone } from '@/components/i18n/use-browser-time-zone.client';
import { formatDateTime } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';

/**
 * A moment (a due date) in the viewer's own time zone, the zone the teacher's date field was filled in.
 * The server does not know that zone: it renders UTC, named, and the browser re-renders in its zone.
 */
export function LocalDateTime({ date, locale }: { date: Date; locale: Locale }) {
  const timeZone = useBrowserTimeZone() ?? 'UTC';
  return <time dateTime={date.toISOString()}>{formatDateTime(locale, date, timeZone)}</time>;
}
