import 'server-only';
import type { Resource } from 'i18next';
import { createI18n } from './create-i18n';
import { resources } from './resources';
import type { Locale, Namespace } from './settings';

export function getServerT(locale: Locale, namespace: Namespace = 'common') {
  return createI18n(locale, { [locale]: resources[locale] }).getFixedT(locale, namespace);
}

/**
 * What every page's islands may need: the header, the language switcher, not-found, and the error
 * keys that any server result can carry (e.g. account:errors.signedOut).
 */
export const SHARED_NAMESPACES = ['common', 'account', 'errors'] as const satisfies readonly Namespace[];

/**
 * The strings a client provider ships: the active locale only, and only the namespaces its islands use
 * (every namespace sent to every page would cost each page about 35 KB).
 */
export function resourcesFor(locale: Locale, namespaces: readonly Namespace[]): Resource {
  return { [locale]: Object.fromEntries(namespaces.map((namespace) => [namespace, resources[locale][namespace]])) };
}
