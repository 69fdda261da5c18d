'use client';
import { useTranslation } from 'react-i18next';
import { PageErrorMessage } from './page-error';

/** error.tsx receives no params; the provider above it already holds the page's locale. */
export function LocalizedError({ retry }: { retry: () => void }) {
  const { t } = useTranslation('errors');
  return (
    <PageErrorMessage
      title={t('unavailable.title')}
      body={t('unavailable.body')}
      retryLabel={t('unavailable.retry')}
      onRetry={retry}
    />
  );
}
