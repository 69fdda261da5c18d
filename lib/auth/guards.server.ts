import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { isLocale, type Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import type { Guard } from '@/lib/action.server';
import { ForbiddenError } from '@/lib/errors';
import { storedRole } from './queries.server';
import { canTeach } from './roles';
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

/** A teacher's page (teachers and admins): anyone else gets the localized 404, as for a missing page. */
export async function requireTeacher(locale: Locale, returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(locale, returnTo);
  if (!canTeach(user.role)) notFound();
  return user;
}

// Guards of the action pipeline (lib/action.server.ts). Roles are read from the database, not from the
// session's cookie cache, so a demoted account loses its rights at once.

/** Any signed-in user (the pipeline has already proved that). */
export const signedIn: Guard<unknown> = async () => {};

/** Teachers and admins: who may import articles and run classes. */
export function teacher(forbidden = 'errors:action.forbidden'): Guard<unknown> {
  return async ({ userId }) => {
    const role = await storedRole(userId);
    if (!role || !canTeach(role)) throw new ForbiddenError(forbidden);
  };
}

/** Who may review and change the glossary: admins, until an editor role exists. */
export function editor(forbidden = 'errors:action.forbidden'): Guard<unknown> {
  return async ({ userId }) => {
    if ((await storedRole(userId)) !== 'admin') throw new ForbiddenError(forbidden);
  };
}
