import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { newTeacherContext } from './accounts';
import { seriousViolations, useBrowser } from './browser';

// Issue 16 end to end: a teacher imports an article by its link from the suite's page server
// (tests/setup/page-server.ts, let through by IMPORT_FETCH_ALLOW_HOSTS), and links to private
// addresses are refused with their reason in the form (docs/decisions/043-import-from-a-link.md).
const appUrl = inject('appUrl');
const pagesUrl = inject('pagesUrl');
const browser = useBrowser();
let teacher: BrowserContext;
const problems: string[] = [];

async function newImportPage(locale: 'en' | 'de'): Promise<Page> {
  const page = await teacher.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${String(error)}`));
  await page.goto(`${appUrl}/${locale}/teach/new`, { waitUntil: 'networkidle' });
  await page.locator('input[name=source][value=link]').check();
  return page;
}

beforeAll(async () => {
  teacher = await newTeacherContext(browser(), appUrl, 'Lina Link');
});
afterAll(async () => {
  await teacher?.close();
});

describe('import from a link', () => {
  test('the teacher gives a page’s address and gets a draft of its article, with the address as its source', async () => {
    const page = await newImportPage('en');
    await expect(page.getByLabel('Address of the web page').getAttribute('type')).resolves.toBe('url');
    const url = `${pagesUrl}/artikel.html`;
    await page.locator('#article-url').fill(url);
    await page.getByTestId('new-article-submit').click();
    await page.waitForURL('**/en/teach/articles/**', { timeout: 60_000 }); // fetch, extraction and segmentation
    await page.getByTestId('article-editor').waitFor();
    await expect(page.locator('#title-de').inputValue()).resolves.toBe(
      'Werkzeugmaschinen für Moskau: Wie China den Krieg am Laufen hält',
    );
    await expect(page.locator('#source-sourceUrl').inputValue()).resolves.toBe(url);
    const german = (
      await page
        .getByTestId('group-de')
        .evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value))
    ).join('\n');
    expect(german).toContain('Stellvertreterkrieg');
    expect(german).not.toContain('Newsletter');
    await page.close();
  });

  test('a link to the metadata address or a private network is refused, and the form says why', async () => {
    const page = await newImportPage('en');
    const error = page.getByTestId('new-article-error');
    await page.locator('#article-url').fill('http://169.254.169.254/latest/meta-data/');
    await page.getByTestId('new-article-submit').click();
    await expect.poll(() => error.textContent()).toContain('This address is not on the public internet');
    await page.locator('#article-url').fill(`${pagesUrl}/privat`);
    await page.getByTestId('new-article-submit').click();
    await expect.poll(() => error.textContent()).toContain('forwards to an address that is not on the public internet');
    expect(new URL(page.url()).pathname).toBe('/en/teach/new');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  test('in German too, and a page that is not HTML', async () => {
    const page = await newImportPage('de');
    const error = page.getByTestId('new-article-error');
    await page.locator('#article-url').fill('http://10.0.0.1/');
    await page.getByTestId('new-article-submit').click();
    await expect.poll(() => error.textContent()).toContain('nicht im öffentlichen Internet');
    await page.locator('#article-url').fill(`${pagesUrl}/daten.json`);
    await page.getByTestId('new-article-submit').click();
    await expect.poll(() => error.textContent()).toContain('führt nicht zu einer Webseite');
    await page.close();
  });

  test('no script errors along the way', () => {
    expect(problems).toEqual([]);
  });
});
