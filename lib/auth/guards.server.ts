import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { isLocale, type Locale } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import type { Guard } from '@/lib/action.server';
import { ForbiddenError } from '@/lib/errors';
import { isGlossaryEditor, storedRole, storedTeachingAccess } from './queries.server';
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

/**
 * A teacher's page (approved teachers and admins, read from the database, not the session cache): a
 * teacher sign-up that waits for approval, or was declined, is sent to the page that says so; anyone
 * else gets the localized 404, as for a missing page.
 */
export async function requireTeacher(locale: Locale, returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(locale, returnTo);
  const access = await storedTeachingAccess(user.id);
  if (access === 'pending' || access === 'declined') redirect(paths.teachingRequest(locale));
  if (access !== 'teacher') notFound();
  return user;
}

/** An admin's page: anyone else gets the localized 404. The role is read from the database. */
export async function requireAdmin(locale: Locale, returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(locale, returnTo);
  if ((await storedRole(user.id)) !== 'admin') notFound();
  return user;
}

// Guards of the action pipeline (lib/action.server.ts). Roles are read from the database, not from the
// session's cookie cache, so a demoted account loses its rights at once.

/** Any signed-in user (the pipeline has already proved that). */
export const signedIn: Guard<unknown> = async () => {};

/** The refusal a teacher sign-up gets while it waits for an admin's approval. */
export const TEACHER_PENDING = 'account:errors.teacherPending';

/**
 * Approved teachers and admins: who may import articles and run classes. A teacher sign-up that waits
 * for approval is told so; anyone else gets `forbidden`.
 */
export function teacher(forbidden = 'errors:action.forbidden'): Guard<unknown> {
  return async ({ userId }) => {
    const access = await storedTeachingAccess(userId);
    if (access === 'teacher') return;
    throw new ForbiddenError(access === 'pending' ? TEACHER_PENDING : forbidden);
  };
}

/** Admins: who approve teachers and make invitation links. */
export function admin(forbidden = 'errors:action.forbidden'): Guard<unknown> {
  return async ({ userId }) => {
    if ((await storedRole(userId)) !== 'admin') throw new ForbiddenError(forbidden);
  };
}

/** Who may create, edit, approve, reject and retire glossary entries: admins and the teachers they made editors. */
export function editor(forbidden = 'errors:action.forbidden'): Guard<unknown> {
  return async ({ userId }) => {
    if (!(await isGlossaryEditor(userId))) throw new ForbiddenError(forbidden);
  };
}

/** A glossary editor's page: anyone else gets the localized 404. Read from the database. */
export async function requireEditor(locale: Locale, returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(locale, returnTo);
  if (!(await isGlossaryEditor(user.id))) notFound();
  return user;
}
