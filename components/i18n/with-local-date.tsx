import type { Locale } from '@/lib/i18n/settings';
import { LocalDate } from './local-date.client';

const SLOT = '\u0000';

/**
 * A translated message with a moment's day in it ("created {date}"), the day written by LocalDate: in
 * the viewer's time zone once the browser knows it. `message` gets the placeholder to put in its date.
 */
export function WithLocalDate({
  message,
  date,
  locale,
}: {
  message: (date: string) => string;
  date: Date | string;
  locale: Locale;
}) {
  const [before, after] = message(SLOT).split(SLOT);
  return (
    <>
      {before}
      <LocalDate date={date} locale={locale} />
      {after}
    </>
  );
}
