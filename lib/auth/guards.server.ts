import 'server-only';
import { redirect } from 'next/navigation';
import type { Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { type CurrentUser, getCurrentUser } from './session.server';

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(locale: Locale, returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(paths.signIn(locale, returnTo));
  return user;
}

/** Sign-in and sign-up pages: someone already signed in goes on to `next` (or their dashboard). */
export async function requireAnonymous(locale: Locale, next: string): Promise<void> {
  if (await getCurrentUser()) redirect(next || paths.dashboard(locale));
}
