import { describe, expect, inject, test } from 'vitest';
import { openPage, useBrowser } from './browser';

const appUrl = inject('appUrl');
const browser = useBrowser();

describe('reading an article', () => {
  test('library → article → both languages → switch UI language', async () => {
    const { page, problems } = await openPage(browser());
    await page.goto(`${appUrl}/en`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Library');
    const cards = page.getByTestId('article-list').locator('li.article-card');
    await expect(cards.count()).resolves.toBe(2);
    await expect(page.getByTestId('article-count').textContent()).resolves.toBe('2 articles');
    await expect(page.locator('body').textContent()).resolves.toContain('Published April 12, 2024');

    await page.getByRole('link', { name: 'Chinas Kalkulation, Russland mit Waffen zu beliefern' }).click();
    await page.waitForURL('**/en/articles/chinas-kalkulation-waffenlieferungen');
    const firstGroup = page.locator('.group').first();
    await expect(firstGroup.locator('.de[lang="de"]').textContent()).resolves.toContain(
      'Die beängstigende Aussicht, dass China Waffen nach Russland schickt',
    );
    await expect(firstGroup.locator('.en[lang="en"]').textContent()).resolves.toContain(
      'China sending weapons to Russia',
    );
    await expect(page.getByRole('heading', { name: 'RUSSEN RUFEN ZU HAUSE AN' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('body').textContent()).resolves.not.toContain('Lockheed');

    await page.getByTestId('language-switcher').click();
    await page.waitForURL('**/de/articles/chinas-kalkulation-waffenlieferungen');
    await page.getByRole('link', { name: 'Bibliothek' }).first().waitFor();
    await expect(page.getAttribute('html', 'lang')).resolves.toBe('de');
    await expect(page.getByTestId('word-count').first().textContent()).resolves.toMatch(/^\d\.\d{3} Wörter$/);
    await expect(page.getByTestId('language-switcher').textContent()).resolves.toBe('English');
    expect(problems).toEqual([]);
  });

  test('the reader page is served from the shared cache, without a per-request ETag (ADR 012)', async () => {
    const url = `${appUrl}/en/articles/chinas-kalkulation-waffenlieferungen`;
    await fetch(url); // the first request may render it
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-nextjs-cache')).toBe('HIT');
    expect(response.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
    await expect(response.text()).resolves.toContain('Die beängstigende Aussicht');
  });

  test('an unknown article gets a localized 404 page', async () => {
    const { page } = await openPage(browser(), { locale: 'de-DE' });
    const response = await page.goto(`${appUrl}/de/articles/gibt-es-nicht`);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId('not-found').locator('h1').textContent()).resolves.toBe('Seite nicht gefunden');
  });

  test('an unknown locale answers in the browser language', async () => {
    const { page } = await openPage(browser(), { locale: 'de-DE' });
    const response = await page.goto(`${appUrl}/fr/articles`);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId('not-found').locator('h1').textContent()).resolves.toBe('Seite nicht gefunden');
  });

  test('narrow screens stack German above English', async () => {
    const { page } = await openPage(browser(), { width: 390 });
    await page.goto(`${appUrl}/en/articles/china-hilft-russland-aufruestung`);
    const de = await page.locator('.group .de').first().boundingBox();
    const en = await page.locator('.group .en').first().boundingBox();
    expect(de && en && en.y > de.y + de.height - 1).toBe(true);
  });
});

describe('the front door', () => {
  test.each([
    ['de-DE,de;q=0.9,en;q=0.8', '/de'],
    ['en-US,en;q=0.9', '/en'],
    ['fr-FR', '/en'],
  ])('/ with Accept-Language %s redirects to %s', async (acceptLanguage, target) => {
    const response = await fetch(`${appUrl}/`, { redirect: 'manual', headers: { 'Accept-Language': acceptLanguage } });
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get('location')!, appUrl).pathname).toBe(target);
  });
});
