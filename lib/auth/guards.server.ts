import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { isLocale, type Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { NextPathSchema } from './schema';
import { type CurrentUser, getCurrentUser } from './session.server';

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(locale: Locale, returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(paths.signIn(locale, returnTo));
  return user;
}

export type AnonymousPageProps = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string | string[] }>;
};

/**
 * Sign-in and sign-up pages: their locale (404 if unknown) and where to go afterwards (a local path
 * only); someone already signed in goes straight on to it (or to their dashboard).
 */
export async function requireAnonymous({
  params,
  searchParams,
}: AnonymousPageProps): Promise<{ locale: Locale; next: string }> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  const next = NextPathSchema.parse((await searchParams).next);
  if (await getCurrentUser()) redirect(next || paths.dashboard(locale));
  return { locale, next };
}
