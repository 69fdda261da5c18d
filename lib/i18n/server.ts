import 'server-only';
import type { Resource } from 'i18next';
import { createI18n } from './create-i18n';
import { resources } from './resources';
import type { Locale, Namespace } from './settings';

export function getServerT(locale: Locale, namespace: Namespace = 'common') {
  return createI18n(locale, resourcesFor(locale)).getFixedT(locale, namespace);
}

/** Exactly the resources a client provider needs: the active locale only (both locales have every key; a test checks it). */
export function resourcesFor(locale: Locale): Resource {
  return { [locale]: resources[locale] };
}
