import type { TFunction } from 'i18next';
import { formatList, formatLongDate } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';

/**
 * Where the article comes from: the curated note of a seeded article; for an imported one (no note),
 * the outlet, authors and original date the teacher entered, and a link to the original. Nothing when
 * nothing is known. The address was validated (http/https only) when it was saved; it is rendered as
 * a plain link that gets no access to this page (rel noopener noreferrer).
 */
/** The original's address as a link, http or https only (a stored address is checked once more). */
function originalLink(url: string | null | undefined): { href: string; host: string } | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? { href: parsed.href, host: parsed.hostname }
      : null;
  } catch {
    return null;
  }
}

export function SourceNote({
  noteDe,
  noteEn,
  outlet = '',
  authors = [],
  publishedAt,
  url,
  locale,
  t,
}: {
  noteDe: string;
  noteEn: string;
  outlet?: string;
  authors?: string[];
  /** ISO date (YYYY-MM-DD) of the original. */
  publishedAt?: string;
  url?: string | null;
  locale: Locale;
  t: TFunction;
}) {
  const note = locale === 'de' ? noteDe : noteEn;
  const names = [outlet, authors.length ? formatList(locale, authors) : ''].filter(Boolean).join(' · ');
  const facts =
    names && publishedAt ? t('reader:sourceFacts', { names, date: formatLongDate(locale, publishedAt) }) : names;
  const link = originalLink(url);
  if (!note && !facts && !link) return null;
  return (
    <footer className="source-note" data-testid="source-note">
      <h2>{t('reader:source')}</h2>
      {note ? <p lang={locale}>{note}</p> : facts ? <p>{facts}</p> : null}
      {link ? (
        <p>
          <a href={link.href} rel="noopener noreferrer" data-testid="source-link">
            {t('reader:sourceLink', { host: link.host })}
          </a>
        </p>
      ) : null}
    </footer>
  );
}
