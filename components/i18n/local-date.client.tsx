'use client';
import { formatLongDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';
import { useBrowserTimeZone } from './use-browser-time-zone.client';

/**
 * The day of a moment (an account's creation, a word's saving) in the viewer's own time zone. The
 * server does not know that zone: it renders the UTC day, and the browser re-renders in its zone.
 */
export function LocalDate({ date, locale }: { date: Date | string; locale: Locale }) {
  const timeZone = useBrowserTimeZone() ?? 'UTC';
  return <time dateTime={new Date(date).toISOString()}>{formatLongDate(locale, date, timeZone)}</time>;
}
