import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { initialOf } from '@/lib/glossary/alphabet';
import { INDEX_PAGE_SIZE } from '@/lib/glossary/index-page';
import { openPage, useBrowser } from './browser';

const appUrl = inject('appUrl');
const AFP = 'china-hilft-russland-aufruestung';
const browser = useBrowser();
/** The seeded glossary: every entry approved (the e2e app is seeded from it). */
const CONTENT = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../prisma/content/glossary.json'), 'utf8'),
) as { lemma: string; domains: string[] }[];

/** Waits until the element with this id is on screen: its top edge inside the viewport (to the pixel). */
async function expectInViewport(page: Page, id: string) {
  await page.waitForFunction((target) => {
    const element = document.getElementById(target);
    if (!element) return false;
    const { top } = element.getBoundingClientRect();
    return top > -1 && top < window.innerHeight;
  }, id);
}

describe('the glossary index', () => {
  test('a search with an inflected form shows the entry first', async () => {
    const { page, problems } = await openPage(browser());
    await page.goto(`${appUrl}/en/glossary`);
    await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('roten Linien');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/en\/glossary\?q=roten\+Linien/);
    const rows = page.getByTestId('search-results').getByTestId('term-row');
    await expect(rows.first().getAttribute('data-lemma')).resolves.toBe('rote Linie');
    await expect(page.getByTestId('term-count').textContent()).resolves.toBe('1 term matches “roten Linien”');
    await expect(page.getByRole('searchbox', { name: 'Search', exact: true }).inputValue()).resolves.toBe(
      'roten Linien',
    );
    expect(problems).toEqual([]);
  });

  test('part of a word and English find terms too; nothing found says what to try', async () => {
    const { page, problems } = await openPage(browser());
    await page.goto(`${appUrl}/de/glossary?q=Sanktionen`);
    const lemmas = () =>
      page.getByTestId('term-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-lemma')));
    await expect(lemmas()).resolves.toEqual([
      'Sanktion',
      'Sanktionsliste',
      'Sanktionspaket',
      'Sanktionsrunde',
      'Sanktionsumgehung',
      'Sekundärsanktion',
    ]);
    await expect(page.getByTestId('term-count').textContent()).resolves.toBe('6 Einträge passen zu „Sanktionen“');
    await page.goto(`${appUrl}/en/glossary?q=proxy+war`);
    await expect(lemmas()).resolves.toEqual(['Stellvertreterkrieg']);
    await page.goto(`${appUrl}/en/glossary?q=xyzzy`);
    await expect(page.getByTestId('term-count').textContent()).resolves.toBe('No term matches “xyzzy”');
    await expect(page.getByTestId('no-results').isVisible()).resolves.toBe(true);
    expect(problems).toEqual([]);
  });

  test('filtering by subject area keeps only its terms, A–Z with jump links', async () => {
    const { page, problems } = await openPage(browser(), { locale: 'de-DE' });
    const sanctions = CONTENT.filter((entry) => entry.domains.includes('sanctions')).length;
    await page.goto(`${appUrl}/de/glossary`);
    await expect(page.getByTestId('term-count').textContent()).resolves.toBe(`${CONTENT.length} Einträge`);
    await page.getByLabel('Sachgebiet', { exact: true }).selectOption('sanctions');
    await page.getByRole('button', { name: 'Suchen', exact: true }).click();
    await page.waitForURL(/domain=sanctions/);
    await expect(page.getByTestId('term-count').textContent()).resolves.toBe(`${sanctions} Einträge`);
    const rows = page.getByTestId('term-row');
    await expect(rows.count()).resolves.toBe(sanctions);
    const tags = await rows.evaluateAll((items) =>
      items.map((item) => [...item.querySelectorAll('.domain-tag')].map((tag) => tag.textContent)),
    );
    expect(tags.every((list) => list.includes('Sanktionen'))).toBe(true);
    await expect(page.getByLabel('Sachgebiet', { exact: true }).inputValue()).resolves.toBe('sanctions');

    const letters = page.getByRole('navigation', { name: 'Zu einem Buchstaben springen' });
    const headings = await page.locator('.letter-group h2').allTextContents();
    await expect(letters.getByRole('link').allTextContents()).resolves.toEqual(headings);
    await letters.getByRole('link', { name: 'W', exact: true }).click();
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#letter-w');
    await expectInViewport(page, 'letter-w');
    expect(problems).toEqual([]);
  });

  test('the whole glossary goes a letter at a time, a long letter in pages', async () => {
    const { page, problems } = await openPage(browser());
    const inLetter = (letter: string) => CONTENT.filter((entry) => initialOf(entry.lemma) === letter).length;
    const rows = page.getByTestId('term-row');
    const letters = page.getByRole('navigation', { name: 'Jump to a letter' });
    await page.goto(`${appUrl}/en/glossary`);
    await expect(page.getByTestId('term-count').textContent()).resolves.toBe(`${CONTENT.length} terms`);
    await expect(page.locator('.letter-group h2').allTextContents()).resolves.toEqual(['A']);
    await expect(rows.count()).resolves.toBe(Math.min(inLetter('A'), INDEX_PAGE_SIZE));
    await expect(letters.getByRole('link', { name: 'J', exact: true }).count()).resolves.toBe(0);

    await letters.getByRole('link', { name: 'W', exact: true }).click();
    await page.waitForURL(/\/en\/glossary\?letter=w$/);
    await expect(letters.locator('[aria-current="page"]').textContent()).resolves.toBe('W');
    await expect(rows.count()).resolves.toBe(Math.min(inLetter('W'), INDEX_PAGE_SIZE));

    // A (43 entries in the seed) needs a second page: its pagination goes there and names it.
    await page.goto(`${appUrl}/en/glossary?letter=a`);
    const pages = page.getByRole('navigation', { name: 'Pages under A' });
    await pages.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/\/en\/glossary\?letter=a&page=2$/);
    await expect(rows.count()).resolves.toBe(Math.min(inLetter('A') - INDEX_PAGE_SIZE, INDEX_PAGE_SIZE));
    await expect(pages.locator('[aria-current="page"]').textContent()).resolves.toMatch(/^Page 2 of \d+$/);

    // A letter without entries and a page past the end: the address is put right, not an error.
    await page.goto(`${appUrl}/en/glossary?letter=x`);
    await page.waitForURL(/\/en\/glossary\?letter=a$/);
    await page.goto(`${appUrl}/en/glossary?letter=a&page=99`);
    await page.waitForURL(new RegExp(`/en/glossary\\?letter=a&page=${Math.ceil(inLetter('A') / INDEX_PAGE_SIZE)}$`));
    expect(problems).toEqual([]);
  });

  test('invalid query parameters are ignored', async () => {
    const { page } = await openPage(browser());
    const response = await page.goto(`${appUrl}/en/glossary?domain=nonsense&kind=1&kind=2&q=`);
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId('term-count').textContent()).resolves.toBe(`${CONTENT.length} terms`);
  });
});

describe('a term page', () => {
  test('shows the entry and its concordance; a concordance link opens the reader at that sentence', async () => {
    const { page, problems } = await openPage(browser());
    await page.goto(`${appUrl}/en/glossary?q=machine+tool`);
    await page.getByRole('link', { name: 'die Werkzeugmaschine' }).click();
    await page.waitForURL('**/en/glossary/Werkzeugmaschine');
    await expect(page.getByTestId('term-headword').textContent()).resolves.toBe('die Werkzeugmaschine');
    // Next streams metadata after the page body on client navigation, so the title lands a moment later.
    await expect.poll(() => page.title()).toBe('Werkzeugmaschine · Glossary · Lesebrücke');
    await expect(page.locator('dd[lang="de"]').allTextContents()).resolves.toContain('die Werkzeugmaschinen');
    const lines = page.getByTestId('concordance-line');
    await expect(lines.count()).resolves.toBe(2);
    await expect(lines.locator('mark').allTextContents()).resolves.toEqual(['Werkzeugmaschinen', 'Werkzeugmaschinen']);
    await expect(lines.first().locator('[lang="en"]').textContent()).resolves.toContain('machine tools');

    const link = lines.nth(1).getByRole('link');
    const anchor = await link.getAttribute('data-anchor');
    expect(anchor).toMatch(/^p\d+-s\d+$/);
    await link.click();
    await page.waitForURL(`**/en/articles/${AFP}#${anchor}`);
    await expectInViewport(page, anchor!);
    await expect(page.locator(`[id="${anchor}"]`).textContent()).resolves.toContain('Werkzeugmaschinen');
    await expect(page.locator(`[id="${anchor}"]`).evaluate((element) => element.matches(':target'))).resolves.toBe(
      true,
    );
    expect(problems).toEqual([]);
  });

  test('a concordance page past the end goes to the last page', async () => {
    const { page, problems } = await openPage(browser());
    await page.goto(`${appUrl}/en/glossary/Werkzeugmaschine?page=7`);
    await page.waitForURL((url) => url.pathname === '/en/glossary/Werkzeugmaschine' && url.search === '');
    await expect(page.getByTestId('concordance-line').count()).resolves.toBe(2);
    expect(problems).toEqual([]);
  });

  test('a concordance line in a heading links to the section heading', async () => {
    const { page, problems } = await openPage(browser(), { locale: 'de-DE' });
    await page.goto(`${appUrl}/de/glossary/Sanktion`);
    const link = page.locator('[data-anchor^="section-"]').first();
    const anchor = await link.getAttribute('data-anchor');
    await expect(link.textContent()).resolves.toMatch(/^Im Kontext: Überschrift von Abschnitt \d+/);
    await link.click();
    await page.waitForURL(`**/de/articles/**#${anchor}`);
    await expectInViewport(page, anchor!);
    expect(problems).toEqual([]);
  });

  test('a German page marks the English-only usage note and source as English', async () => {
    const { page, problems } = await openPage(browser(), { locale: 'de-DE' });
    await page.goto(`${appUrl}/de/glossary/Sanktion`);
    const usage = page.locator('section[aria-labelledby="term-usage"]');
    await expect(usage.locator('h2').textContent()).resolves.toBe('Gebrauch (auf Englisch)');
    await expect(usage.locator('p').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('.term-source').textContent()).resolves.toMatch(/^Quelle \(auf Englisch\): /);
    await expect(page.locator('.term-source [lang="en"]').count()).resolves.toBe(1);
    await page.goto(`${appUrl}/en/glossary/Sanktion`);
    await expect(page.getByTestId('english-only').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  test('lemmas with spaces, umlauts and an ellipsis have working URLs', async () => {
    const { page, problems } = await openPage(browser());
    await page.goto(`${appUrl}/en/glossary/${encodeURIComponent('einen Keil zwischen … treiben')}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('einen Keil zwischen … treiben');
    await page.goto(`${appUrl}/en/glossary/Bundeskanzler`);
    await page.getByRole('link', { name: 'Außenminister', exact: true }).click();
    await page.waitForURL(`**/en/glossary/${encodeURIComponent('Außenminister')}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('der Außenminister');
    expect(problems).toEqual([]);
  });

  test('an unknown term gets a localized 404 page', async () => {
    const { page } = await openPage(browser(), { locale: 'de-DE' });
    const response = await page.goto(`${appUrl}/de/glossary/Gibtesnicht`);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId('not-found').locator('h1').textContent()).resolves.toBe('Seite nicht gefunden');
  });
});

describe('glossary accessibility', () => {
  test.each([
    ['index', '/en/glossary'],
    ["index, a letter's second page (de)", '/de/glossary?letter=a&page=2'],
    ['index, filtered (de)', '/de/glossary?domain=sanctions&kind=noun'],
    ['search results', '/en/glossary?q=Sanktionen'],
    ['no results (de)', '/de/glossary?q=xyzzy'],
    ['term page', '/en/glossary/Werkzeugmaschine'],
    ['term page (de)', `/de/glossary/${encodeURIComponent('Verbündeter')}`],
  ])('%s has no serious or critical axe violation', async (_name, path) => {
    const { page } = await openPage(browser());
    await page.goto(`${appUrl}${path}`);
    await page.locator('main').waitFor();
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 5)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
    expect(serious).toEqual([]);
  });
});
