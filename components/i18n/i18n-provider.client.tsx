'use client';
import type { Resource } from 'i18next';
import { type ReactNode, useState } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { createI18n } from '@/lib/i18n/create-i18n';
import type { Locale } from '@/lib/i18n/settings';

/** Gives client islands the active locale's strings; initialised synchronously, so no flash. */
export function I18nProvider({
  locale,
  resources,
  children,
}: {
  locale: Locale;
  resources: Resource;
  children: ReactNode;
}) {
  const [i18n] = useState(() => createI18n(locale, resources, [initReactI18next]));
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}
