'use client';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What the shared (cached) reader page of a classes-only article holds: no text of the article, only
 * the way to its own page, which the server renders per request for the readers it lets in. The
 * browser goes there at once, keeping the query (an assignment) and the anchor.
 */
export function ClassesOnlyNotice({ href }: { href: string }) {
  const { t } = useTranslation('reader');
  useEffect(() => {
    window.location.replace(`${href}${window.location.search}${window.location.hash}`);
  }, [href]);
  return (
    <div className="reader" data-testid="classes-only-notice">
      <h1>{t('classesOnly.title')}</h1>
      <p>
        <a href={href}>{t('classesOnly.open')}</a>
      </p>
    </div>
  );
}
