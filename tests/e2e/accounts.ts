import type { Browser, BrowserContext } from 'playwright-core';

// Accounts for end-to-end tests. Signing in goes through the real /api/auth endpoint (password check,
// cookie), but each call comes from its own client address: sign-up is limited per address, and every
// test here runs from 127.0.0.1. The app under test trusts 127.0.0.1 as its proxy (TRUSTED_PROXIES in
// tests/setup/app-server.ts), so these calls name their address in X-Forwarded-For as a proxy would.
// Without a trusted proxy the header is ignored (tests/integration/auth.test.ts).
let client = 0;
const nextAddress = () => `198.51.100.${(client++ % 250) + 1}`;

export const DEMO_LEARNER = { email: 'learner@lesebruecke.test', password: 'lesebruecke-learner' } as const;
export const DEMO_TEACHER = { email: 'teacher@lesebruecke.test', password: 'lesebruecke-teacher' } as const;

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

/** A browser context signed in as a new account (a learner unless said) with a unique e-mail address. */
export async function newLearnerContext(
  browser: Browser,
  appUrl: string,
  name: string,
  role: 'learner' | 'teacher' = 'learner',
  timezoneId?: string,
): Promise<{ context: BrowserContext; email: string }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1200, height: 900 }, timezoneId });
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}-${client}@example.test`;
  await authPost(context, appUrl, '/sign-up/email', { name, email, password: 'e2e password 123', role });
  return { context, email };
}

/** A browser context signed in as a new teacher. */
export async function newTeacherContext(browser: Browser, appUrl: string, name: string): Promise<BrowserContext> {
  return (await newLearnerContext(browser, appUrl, name, 'teacher')).context;
}
