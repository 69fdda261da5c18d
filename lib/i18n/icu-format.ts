import type { I18nFormatModule } from 'i18next';
import { intlFor } from '@/lib/format';
import type { Locale } from './settings';

// i18next finds the message (namespaces, fallback, React binding); @formatjs/intl formats it as ICU
// MessageFormat (plurals, numbers, dates, select). See docs/decisions/003-icu-messages.md.
export function icuFormat(
  locale: Locale,
): I18nFormatModule & { parse(res: unknown, options: Record<string, unknown>): unknown } {
  const intl = intlFor(locale);
  return {
    type: 'i18nFormat',
    parse(res, options) {
      if (typeof res !== 'string') return res;
      return intl.formatters.getMessageFormat(res, locale).format(options as Record<string, string | number | Date>);
    },
  };
}
