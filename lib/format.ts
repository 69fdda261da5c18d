import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { Locale } from '@/lib/i18n/settings';

// All locale-aware formatting goes through @formatjs/intl, here. One IntlShape per locale: formatters
// are immutable and costly to build, so they are shared.
const cache = createIntlCache();
const intls = new Map<Locale, IntlShape>();

export function intlFor(locale: Locale): IntlShape {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl({ locale, defaultLocale: 'en', timeZone: 'UTC' }, cache);
    intls.set(locale, intl);
  }
  return intl;
}

/**
 * A day, long: "26 November 2026" / "26. November 2026". Publication dates are calendar dates stored at
 * UTC midnight: they keep the default UTC. A moment (when a word was saved) takes the viewer's zone
 * (components/i18n/local-date.client.tsx), so that it is the viewer's day.
 */
export function formatLongDate(locale: Locale, date: Date | string, timeZone = 'UTC'): string {
  return intlFor(locale).formatDate(date, { dateStyle: 'long', timeZone });
}

export function formatList(locale: Locale, items: readonly string[]): string {
  return intlFor(locale).formatList(items, { type: 'conjunction' }) as string;
}

/** The UTC calendar date as YYYY-MM-DD (file names such as lesebruecke-words-2026-11-26.csv); not locale-dependent. */
export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function formatNumber(locale: Locale, value: number): string {
  return intlFor(locale).formatNumber(value);
}

/** A calendar day key (YYYY-MM-DD, already in the learner's zone) as a short label: "26 Nov" / "26. Nov.". */
export function formatDayKey(locale: Locale, dayKey: string): string {
  return intlFor(locale).formatDate(`${dayKey}T00:00:00Z`, { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** A moment such as an assignment's due date, with its time and zone: "26 Nov 2026, 18:00 UTC". */
export function formatDateTime(locale: Locale, date: Date | string, timeZone = 'UTC'): string {
  return intlFor(locale).formatDate(date, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });
}

/** A stretch of study time, in whole minutes, or seconds under a minute: "4 minutes" / "4 Minuten", "40 seconds". */
export function formatDuration(locale: Locale, ms: number): string {
  const [value, unit] = ms < 60_000 ? [Math.round(ms / 1000), 'second'] : [Math.round(ms / 60_000), 'minute'];
  return intlFor(locale).formatNumber(value, { style: 'unit', unit, unitDisplay: 'long' });
}

/** A share (0..1) as a percentage: "40%" / "40 %". */
export function formatPercent(locale: Locale, share: number): string {
  return intlFor(locale).formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
}

/**
 * A moment as "2026-05-09 14:00" in `timeZone`, for files that spreadsheets read: the same in every
 * locale, sorts as text, and Excel and LibreOffice read it as a date and time whatever their language.
 */
export function formatSortableDateTime(date: Date, timeZone = 'UTC'): string {
  const parts = intlFor('en').formatDateToParts(date, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
