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

/** Of a namespace, the top-level sections a section's islands use (the rest stays on the server). */
export type NamespaceParts = Partial<Record<Namespace, readonly string[]>>;

/**
 * Of the shared namespaces, what every page's islands use: the header's account menu (with its sign-in
 * and sign-up links) and the error keys. The forms of the account pages come with their sections'
 * strings (their layouts ask for the whole `account` namespace): about 3 KB off every page.
 */
export const SHARED_PARTS: NamespaceParts = { account: ['errors', 'menu', 'signOut', 'signIn', 'signUp'] };

/**
 * The strings a client provider ships: the active locale only, and only the namespaces its islands use
 * (every namespace sent to every page would cost each page about 35 KB), or of a namespace in `parts`
 * only the sections named there.
 */
export function resourcesFor(locale: Locale, namespaces: readonly Namespace[], parts: NamespaceParts = {}): Resource {
  const strings = (namespace: Namespace) => {
    const all = resources[locale][namespace] as Record<string, unknown>;
    const only = parts[namespace];
    return only ? Object.fromEntries(only.map((part) => [part, all[part]])) : all;
  };
  return { [locale]: Object.fromEntries(namespaces.map((namespace) => [namespace, strings(namespace)])) };
}
