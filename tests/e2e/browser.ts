import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

// Debian's chromium, driven by playwright-core (test tools cannot download browsers here). The flags
// keep it from reaching for the network, which this machine does not have.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** One browser for the calling test file: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('useBrowser(): the browser is launched in beforeAll');
    return browser;
  };
}

/** A page that records script errors and failed requests, so a test can insist on none. */
export async function openPage(
  browser: Browser,
  options: { locale?: string; width?: number } = {},
): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: { width: options.width ?? 1200, height: 900 },
  });
  return pageIn(context);
}

/** A new page of `context` that records script errors and failed requests. */
export async function pageIn(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('status of 404'))
      problems.push(`console: ${message.text()}`);
  });
  return { page, problems };
}

/** axe's serious and critical findings on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Next streams a page's metadata after its body: the <title> may arrive a moment after the content.
  await page.waitForFunction(() => document.title.trim() !== '');
  const result = await new AxeBuilder({ page: page as never }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

/** The assignment form's article: part of its title typed into the search, then its match clicked. */
export async function chooseArticle(scope: Page | Locator, query: string, slug: string): Promise<void> {
  await scope.locator('#assignment-article').fill(query);
  await scope.locator(`[role=option][data-slug="${slug}"]`).click();
}
