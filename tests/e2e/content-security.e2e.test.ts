import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_LEARNER, DEMO_TEACHER, newLearnerContext, signedInContext } from './accounts';
import { useBrowser } from './browser';

// Issue 13, finding 5, in the browser: under the Content-Security-Policy the app works on every kind of
// page without a single violation, and an inline script the app did not write does not run, on a page
// from the cache (hashes) as on a page rendered per request (nonce). No page may be framed by another
// site. The headers themselves: tests/e2e/security-headers.e2e.test.ts.
const appUrl = inject('appUrl');
const browser = useBrowser();
const ARTICLE = `${appUrl}/en/articles/chinas-kalkulation-waffenlieferungen`;

type Watched = { page: Page; violations: string[] };

/**
 * A page that records every CSP violation of every document it loads: the `securitypolicyviolation`
 * events (listened for before the first script of each document) and the browser's console reports.
 */
async function watchedPage(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (violation: string) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportViolation: (violation: string) => void }).reportViolation;
      report(`${event.effectiveDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => violations.push(`pageerror: ${String(error)}`));
  return { page, violations };
}

/**
 * Adds an inline script to the page, as an XSS would, and says whether it ran. The policy must refuse
 * it (and report that refusal, which is taken off the list again).
 */
async function injectedScriptRuns({ page, violations }: Watched): Promise<boolean> {
  const before = violations.length;
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.head.append(script);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  if (!ran) {
    await expect.poll(() => violations.length).toBeGreaterThan(before);
    violations.splice(before);
  }
  return ran;
}

/** Serves the page at `url` with `markup` added right after <body>: text an injection would have put there. */
async function withInjectedMarkup(page: Page, url: string, markup: (html: string) => string): Promise<void> {
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    await route.fulfill({ response, body: html.replace(/<body([^>]*)>/, (body) => `${body}${markup(html)}`) });
  });
}

let teacher: BrowserContext;
let anonymous: BrowserContext;

beforeAll(async () => {
  teacher = await signedInContext(browser(), appUrl, DEMO_TEACHER);
  anonymous = await browser().newContext({ locale: 'en-US' });
});

afterAll(async () => {
  await Promise.all([teacher?.close(), anonymous?.close()]);
});

describe('the app works under its policy, without a violation', () => {
  test('the reader (a page from the cache): glossary term, word lookup', async () => {
    const watched = await watchedPage(anonymous);
    const { page } = watched;
    await page.goto(ARTICLE, { waitUntil: 'networkidle' });
    await page.locator('button.term[data-term="rote Linie"]').first().click();
    await expect(page.getByRole('dialog').locator('h2').textContent()).resolves.toBe('rote Linie');
    await page.keyboard.press('Escape');
    await page.locator('[id="p2-s1"]').click({ position: { x: 20, y: 10 } });
    await page.getByTestId('word-popover').waitFor();
    expect(watched.violations).toEqual([]);
    expect(await injectedScriptRuns(watched)).toBe(false);
  });

  test('signing in through the form, a not-found page', async () => {
    const context = await browser().newContext({ locale: 'en-US' });
    const watched = await watchedPage(context);
    const { page } = watched;
    await page.goto(`${appUrl}/en/no-such-page`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.waitForURL('**/en/sign-in**');
    await page.locator('#email').fill(DEMO_LEARNER.email);
    await page.locator('#password').fill(DEMO_LEARNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('user-menu').waitFor();
    expect(watched.violations).toEqual([]);
    expect(await injectedScriptRuns(watched)).toBe(false);
    await context.close();
  });

  test('the article editor', async () => {
    const watched = await watchedPage(teacher);
    const { page } = watched;
    await page.goto(`${appUrl}/en/teach/new`, { waitUntil: 'networkidle' });
    await page.locator('#article-title').fill('Sicherheitsrichtlinie');
    await page.getByLabel('Paste text').check();
    await page.locator('#article-text').fill('Die Regierung prüft den Vorschlag. Eine Entscheidung fällt im Mai.');
    await page.getByTestId('new-article-submit').click();
    await page.waitForURL('**/en/teach/articles/**', { timeout: 60_000 });
    const english = page.getByTestId('group-en').first();
    await english.fill('The government is examining the proposal.');
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
    expect(watched.violations).toEqual([]);
    expect(await injectedScriptRuns(watched)).toBe(false);
  });

  test('a review session and the dashboard’s charts', async () => {
    const { context } = await newLearnerContext(browser(), appUrl, 'Petra Policy');
    const watched = await watchedPage(context);
    const { page } = watched;
    await page.goto(ARTICLE, { waitUntil: 'networkidle' });
    await page.getByTestId('coverage').waitFor();
    await page
      .locator('[id="p1-s1"] .w', { hasText: /^Aussicht$/ })
      .first()
      .click();
    // The colour changes at once (optimistically): wait for the save itself before leaving the page.
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'POST' && 'next-action' in r.request().headers(),
    );
    await page.getByTestId('status-picker').getByRole('button', { name: 'New', exact: true }).click();
    expect((await saved).ok()).toBe(true);
    await expect
      .poll(() =>
        page
          .locator('[id="p1-s1"] .w', { hasText: /^Aussicht$/ })
          .first()
          .getAttribute('data-status'),
      )
      .toBe('new');

    await page.goto(`${appUrl}/en/review`, { waitUntil: 'networkidle' });
    await page.getByTestId('review-prompt').waitFor();
    await page.keyboard.press('Space');
    await page.getByTestId('review-answer').waitFor();
    await page.keyboard.press('3');

    await page.goto(`${appUrl}/en/dashboard`, { waitUntil: 'networkidle' });
    await page.getByTestId('known-chart').locator('svg').first().waitFor();
    // The bars are sized by style attributes, which the policy lets through.
    const widths = await page
      .getByTestId('status-bars')
      .locator('[style]')
      .evaluateAll((bars) => bars.map((bar) => (bar as HTMLElement).style.width));
    expect(widths.some((width) => width !== '' && width !== '0%')).toBe(true);
    expect(watched.violations).toEqual([]);
    expect(await injectedScriptRuns(watched)).toBe(false);
    await context.close();
  });
});

describe('an inline script the app did not write does not run', () => {
  test('in a page from the cache: not as new markup, not as a copy of a payload script with code added', async () => {
    const watched = await watchedPage(anonymous);
    const { page } = watched;
    await withInjectedMarkup(page, ARTICLE, (html) => {
      // A nonce the cached page may carry from its first render (public now: it must open nothing).
      const stale = /<script nonce="([^"]+)"/.exec(html)?.[1] ?? 'none';
      return [
        '<script>window.__injected = "plain"</script>',
        '<script>self.__next_f.push([1,""]);window.__injected = "appended"</script>',
        `<script nonce="${stale}">window.__injected = "stale nonce"</script>`,
      ].join('');
    });
    await page.goto(ARTICLE, { waitUntil: 'networkidle' });
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
    expect(watched.violations.filter((violation) => violation.startsWith('script-src-elem inline'))).toHaveLength(3);
    // The app's own scripts still run: the page is interactive.
    await page.locator('button.term[data-term="rote Linie"]').first().click();
    await page.getByRole('dialog').waitFor();
    expect(await injectedScriptRuns(watched)).toBe(false);
  });

  test('in a page rendered for this request: not without the nonce, not with a guessed one', async () => {
    const watched = await watchedPage(anonymous);
    const { page } = watched;
    const url = `${appUrl}/en/sign-in`;
    await withInjectedMarkup(page, url, () =>
      [
        '<script>window.__injected = "plain"</script>',
        '<script nonce="AAAAAAAAAAAAAAAAAAAAAA==">window.__injected = "guessed nonce"</script>',
      ].join(''),
    );
    await page.goto(url, { waitUntil: 'networkidle' });
    expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
    expect(watched.violations.filter((violation) => violation.startsWith('script-src-elem inline'))).toHaveLength(2);
    await page.locator('#email').fill('someone@example.test');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#password-error').waitFor(); // the form's own validation, in the browser
    expect(await injectedScriptRuns(watched)).toBe(false);
  });
});

describe('framing', () => {
  let site: Server;
  let siteUrl = '';

  beforeAll(async () => {
    // Another site (another origin: another port) that puts the account page in a frame.
    site = createServer((_, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(
        '<!DOCTYPE html><title>Another site</title>' +
          `<iframe src="${appUrl}/en/account" onload="document.title = 'framed'"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  });

  afterAll(() => {
    site?.close();
  });

  test('another site cannot show the account page in a frame', async () => {
    const learner = await signedInContext(browser(), appUrl, DEMO_LEARNER);
    const page = await learner.newPage();
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes("frame-ancestors 'none'")) refusals.push(message.text());
    });
    await page.goto(siteUrl);
    await page.waitForFunction(() => document.title === 'framed');
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
    const shown = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    expect(shown).not.toContain('Delete my account');
    await expect.poll(() => refusals.length).toBeGreaterThan(0); // the browser says why
    await learner.close();
  });
});
