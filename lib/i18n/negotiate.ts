import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import { defaultLocale, type Locale, locales } from './settings';

/** The UI locale that best fits an Accept-Language header (q-values honoured), else the default. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  const requested = new Negotiator({ headers: { 'accept-language': acceptLanguage ?? '' } }).languages();
  const wanted = requested.filter((tag) => tag !== '*' && isValidTag(tag));
  if (wanted.length === 0) return defaultLocale;
  return match(wanted, [...locales], defaultLocale) as Locale;
}

function isValidTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length > 0;
  } catch {
    return false;
  }
}
