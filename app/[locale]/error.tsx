'use client';
import { LocalizedError } from '@/components/layout/localized-error.client';

/**
 * A page that failed to render (most often because the database is briefly unavailable), in the
 * page's language, with a button that renders it again. docs/decisions/018-unknown-paths-and-outages.md
 */
export default function LocaleError({ retry }: { error: unknown; retry: () => void }) {
  return <LocalizedError retry={retry} />;
}
