'use client';
import { useTranslation } from 'react-i18next';
import { isLocale, defaultLocale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { NotFoundMessage } from './not-found-message';

/** not-found.tsx receives no params; the provider above it already holds the page's locale. */
export function LocalizedNotFound() {
  const { t, i18n } = useTranslation('errors');
  const locale = isLocale(i18n.language) ? i18n.language : defaultLocale;
  return (
    <NotFoundMessage
      title={t('notFound.title')}
      body={t('notFound.body')}
      homeLabel={t('notFound.home')}
      homeHref={paths.library(locale)}
    />
  );
}
