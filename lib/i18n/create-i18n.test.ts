import { expect, test } from 'vitest';
import { createI18n } from './create-i18n';
import { resources } from './resources';

const tFor = (locale: 'en' | 'de', ns: string) =>
  createI18n(locale, { [locale]: resources[locale] }).getFixedT(locale, ns);

test('ICU plurals and locale number formats', () => {
  expect(tFor('en', 'library')('wordCount', { count: 1 })).toBe('1 word');
  expect(tFor('en', 'library')('wordCount', { count: 1983 })).toBe('1,983 words');
  expect(tFor('de', 'library')('wordCount', { count: 1983 })).toBe('1.983 Wörter');
  expect(tFor('de', 'library')('readingTime', { minutes: 1 })).toBe('1 Minute Lesezeit');
  expect(tFor('en', 'library')('count', { count: 0 })).toBe('No articles');
});

test('arguments are inserted as text, never interpreted', () => {
  expect(tFor('en', 'library')('read', { title: '<b>{x}</b>' })).toBe('Read “<b>{x}</b>”');
});

test('namespaced keys resolve from any namespace', () => {
  expect(tFor('de', 'common')('errors:notFound.title')).toBe('Seite nicht gefunden');
});
