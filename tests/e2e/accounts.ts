import type { Browser, BrowserContext } from 'playwright-core';
import { E2E_ADMIN } from '../setup/app-server';
import { callAction } from './actions';

// Accounts for end-to-end tests. Signing in goes through the real /api/auth endpoint (password check,
// cookie), but each call comes from its own client address: sign-up is limited per address, and every
// test here runs from 127.0.0.1. The app under test trusts 127.0.0.1 as its proxy (TRUSTED_PROXIES in
// tests/setup/app-server.ts), so these calls name their address in X-Forwarded-For as a proxy would.
// Without a trusted proxy the header is ignored (tests/integration/auth.test.ts).
let client = 0;
const nextAddress = () => `198.51.100.${(client++ % 250) + 1}`;

export const DEMO_LEARNER = { email: 'learner@lesebruecke.test', password: 'lesebruecke-learner' } as const;
export const DEMO_TEACHER = { email: 'teacher@lesebruecke.test', password: 'lesebruecke-teacher' } as const;
export { E2E_ADMIN } from '../setup/app-server';
/** A client address no other test uses, for a browser whose requests the test names (X-Forwarded-For). */
export const freshAddress = () => nextAddress();

async function authPost(
  context: BrowserContext,
  appUrl: string,
  path: string,
  data: Record<string, string>,
): Promise<void> {
  const response = await context.request.post(`${appUrl}/api/auth${path}`, {
    data,
    headers: { origin: appUrl, 'x-forwarded-for': nextAddress() },
  });
  if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
}

/** A browser context signed in as an existing account (in the machine's time zone unless `timezoneId` says). */
export async function signedInContext(
  browser: Browser,
  appUrl: string,
  account: { email: string; password: string },
  timezoneId?: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1200, height: 900 }, timezoneId });
  await authPost(context, appUrl, '/sign-in/email', account);
  return context;
}

/**
 * A browser context signed in as a new account with a unique e-mail address: a learner unless said; a
 * teacher sign-up without an invitation waits for an admin's approval (the e2e app's TEACHER_SIGNUP).
 */
export async function newLearnerContext(
  browser: Browser,
  appUrl: string,
  name: string,
  role: 'learner' | 'teacher' = 'learner',
  timezoneId?: string,
  invitation?: string,
): Promise<{ context: BrowserContext; email: string }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1200, height: 900 }, timezoneId });
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}-${client}@example.test`;
  const body = { name, email, password: 'e2e password 123', role, ...(invitation && { invitation }) };
  await authPost(context, appUrl, '/sign-up/email', body);
  return { context, email };
}

/** A new invitation link's token, made by the e2e admin. */
export async function newInvitation(browser: Browser, appUrl: string): Promise<string> {
  const admin = await signedInContext(browser, appUrl, E2E_ADMIN);
  try {
    const made = await callAction(appUrl, admin.request, 'lib/auth/actions.ts#createInvitationAction', {});
    if (!made.ok) throw new Error(`invitation: ${made.error}`);
    return String(made.data?.token);
  } finally {
    await admin.close();
  }
}

/** A browser context signed in as a new teacher, approved at once through an admin's invitation link. */
export async function newTeacherContext(browser: Browser, appUrl: string, name: string): Promise<BrowserContext> {
  const invitation = await newInvitation(browser, appUrl);
  return (await newLearnerContext(browser, appUrl, name, 'teacher', undefined, invitation)).context;
}
