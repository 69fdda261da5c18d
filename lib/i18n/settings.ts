// Shared by server and client: imports no resources, so only the active locale reaches the browser.
export const locales = ['en', 'de'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';
export const namespaces = [
  'common',
  'library',
  'reader',
  'glossary',
  'glossaryEditor',
  'account',
  'vocabulary',
  'review',
  'teach',
  'classroom',
  'admin',
  'errors',
] as const;
export type Namespace = (typeof namespaces)[number];
export const defaultNamespace: Namespace = 'common';

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'de' : 'en';
}
