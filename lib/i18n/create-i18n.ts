import { createInstance, type i18n as I18n, type Resource } from 'i18next';
import { icuFormat } from './icu-format';
import { defaultLocale, defaultNamespace, type Locale, namespaces } from './settings';

// A fresh instance per server render or client provider: no global, language-mutable i18next is shared
// between concurrent requests. Inline resources + initAsync:false make init synchronous (no flash).
export function createI18n(locale: Locale, resources: Resource, plugins: readonly object[] = []): I18n {
  const instance = createInstance();
  for (const plugin of plugins) instance.use(plugin as never);
  void instance.use(icuFormat(locale)).init({
    lng: locale,
    fallbackLng: defaultLocale,
    supportedLngs: [locale, defaultLocale],
    ns: [...namespaces],
    defaultNS: defaultNamespace,
    resources,
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
