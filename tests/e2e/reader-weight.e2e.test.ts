import { describe, expect, inject, test } from 'vitest';
import { openPage, useBrowser } from './browser';

const appUrl = inject('appUrl');
const SLUG = 'chinas-kalkulation-waffenlieferungen';
const NEWSLETTER = `${appUrl}/en/articles/${SLUG}`;
const browser = useBrowser();

/** How often `text` (plain words, the same inside the RSC payload's escaped strings) occurs in `page`. */
const occurrences = (page: string, text: string) => page.split(text).length - 1;

describe("the article's text travels once (docs/decisions/046-article-text-sent-once.md)", () => {
  test('the page holds each German and English sentence once, as HTML', async () => {
    const page = await (await fetch(NEWSLETTER)).text();
    const german = 'In den letzten Wochen haben die';
    const english = 'In recent weeks, US officials have worked to convince allies';
    expect(occurrences(page, german)).toBe(1);
    expect(occurrences(page, english)).toBe(1);
    expect(page).toMatch(/<div class="reader-body"[^>]*>[\s\S]*In den letzten Wochen haben die/);
  });

  test('reached by a link inside the app, the article arrives whole and works', async () => {
    const { page, problems } = await openPage(browser());
    await page.goto(`${appUrl}/en`);
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    await page.locator(`a[href="/en/articles/${SLUG}"]`).first().click();
    await page.locator('#p3-s1 button.term[data-term="Verbündeter"]').waitFor();
    // A client-side navigation, not a page load: the body came from the page's own HTML.
    await expect(page.evaluate(() => 'notReloaded' in window)).resolves.toBe(true);
    await expect(page.locator('#en-p3-s1').textContent()).resolves.toContain('US officials');

    await page.locator('#p3-s1 button.term[data-term="Verbündeter"]').click();
    await page.getByTestId('term-popover').waitFor();
    await expect(page.getByTestId('term-popover').textContent()).resolves.toContain('ally');
    await page.keyboard.press('Escape');
    await page.getByLabel('German only').check();
    await page.locator('button.reveal[data-reveal="p3-s1"]').click();
    await expect(page.locator('#en-p3-s1').isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
  });
});
