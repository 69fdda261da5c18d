import 'server-only';
import { getServerT } from '@/lib/i18n/server';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/settings';
import type { Mail } from '@/lib/mail/types';
import { paths } from '@/lib/paths';

/** How long a password-reset link works. */
export const RESET_LINK_MINUTES = 60;

/**
 * The reset link for `token`, on the app's origin as better-auth resolved it for the request (`authUrl`,
 * its own link, which carries the asking page's reset page as `callbackURL`), and that page's locale.
 * The link opens the locale's reset page directly; any other callback falls back to the default locale.
 */
export function resetLink(authUrl: string, token: string): { url: string; locale: Locale } {
  const parsed = new URL(authUrl);
  const locale = parsed.searchParams.get('callbackURL')?.split('/')[1] ?? '';
  const chosen = isLocale(locale) ? locale : defaultLocale;
  return { url: new URL(paths.resetPassword(chosen, token), parsed.origin).href, locale: chosen };
}

/** The password-reset e-mail, in the language of the page it was asked for on. */
export function passwordResetMail(locale: Locale, to: { name: string; email: string }, url: string): Mail {
  const t = getServerT(locale, 'account');
  return {
    to: to.email,
    subject: t('resetMail.subject'),
    text: t('resetMail.text', { name: to.name, url, minutes: RESET_LINK_MINUTES }),
  };
}
