'use client';
import { usePathname } from 'next/navigation';
import { PageErrorMessage } from '@/components/layout/page-error';
import { defaultLocale, isLocale } from '@/lib/i18n/settings';
import de from '@/locales/de/errors.json';
import en from '@/locales/en/errors.json';
import './globals.css';

const messages = { en, de };

/**
 * When the locale layout itself fails, this replaces it: a whole document of its own, in the language
 * of the path's first segment, with a button that renders the page again.
 */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  const segment = usePathname()?.split('/')[1] ?? '';
  const locale = isLocale(segment) ? segment : defaultLocale;
  const { unavailable } = messages[locale];
  return (
    <html lang={locale}>
      <body>
        <title>{unavailable.title}</title>
        <main id="main" className="page">
          <PageErrorMessage
            title={unavailable.title}
            body={unavailable.body}
            retryLabel={unavailable.retry}
            onRetry={retry}
          />
        </main>
      </body>
    </html>
  );
}
