import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage, useBrowser } from './browser';

const appUrl = inject('appUrl');
const NEWSLETTER = `${appUrl}/en/articles/chinas-kalkulation-waffenlieferungen`;
const browser = useBrowser();

/** Clicks the middle of a word inside a sentence, as a reader would. */
async function clickWord(page: Page, sentence: string, word: string) {
  const box = await page.locator(sentence).evaluate((element, w) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').search(new RegExp(`\\b${w}\\b`));
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error(`${w} not found`);
  }, word);
  await page.mouse.click(box.x, box.y);
}

const background = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => getComputedStyle(el).backgroundColor);
const TRANSPARENT = 'rgba(0, 0, 0, 0)';

describe('reader layouts', () => {
  test('German only reveals a sentence on demand; the choice survives a reload; sentence by sentence stacks', async () => {
    const { page, problems } = await openPage(browser());
    await page.goto(NEWSLETTER);
    const firstEn = page.locator('#en-p1-s1');
    await expect(firstEn.isVisible()).resolves.toBe(true);

    await page.getByLabel('German only').check();
    await expect(firstEn.isVisible()).resolves.toBe(false);
    const reveal = page.locator('button.reveal[data-reveal="p1-s1"]');
    await reveal.click();
    await expect(firstEn.isVisible()).resolves.toBe(true);
    await expect(reveal.getAttribute('aria-expanded')).resolves.toBe('true');

    await page.reload();
    await expect(page.evaluate(() => document.documentElement.dataset.readerMode)).resolves.toBe('de-only');
    await page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('input[value="de-only"]')?.checked === true,
    ); // after hydration
    await expect(page.locator('#en-p2-s1').isVisible()).resolves.toBe(false);

    await page.getByLabel('Sentence by sentence').check();
    const de = await page.locator('#p1-s1').boundingBox();
    const en = await firstEn.boundingBox();
    expect(de && en && en.y >= de.y + de.height - 1 && Math.abs(en.x - de.x) < 20).toBe(true);

    await page.getByLabel('Side by side').check();
    const side = await firstEn.boundingBox();
    expect(de && side && side.x > de.x + 200).toBe(true);
    expect(problems).toEqual([]);
  });

  test('hovering or focusing a sentence highlights its counterpart', async () => {
    const { page } = await openPage(browser());
    await page.goto(NEWSLETTER);
    await expect(background(page, '#en-p2-s1')).resolves.toBe(TRANSPARENT);
    await page.locator('#p2-s1').hover();
    await expect(background(page, '#en-p2-s1')).resolves.not.toBe(TRANSPARENT);
    await page.locator('#en-p3-s1').hover();
    await expect(background(page, '#p3-s1')).resolves.not.toBe(TRANSPARENT);
    await page.mouse.move(0, 0);
    await page.locator('#p4-s1').focus();
    await expect(background(page, '#en-p4-s1')).resolves.not.toBe(TRANSPARENT);
  });
});

describe('glossary terms and words', () => {
  test('a term in any inflected form opens its card by mouse', async () => {
    const { page, problems } = await openPage(browser());
    await page.goto(NEWSLETTER);
    const term = page.locator('button.term[data-term="rote Linie"]').first();
    await expect(term.textContent()).resolves.toBe('rote Linie');
    await expect(page.locator('button.term--partial').count()).resolves.toBeGreaterThan(0);
    await term.click();
    const popover = page.getByRole('dialog');
    await expect(popover.locator('h2').textContent()).resolves.toBe('rote Linie');
    await expect(popover.textContent()).resolves.toContain('red line');
    await expect(popover.getByRole('link', { name: 'Full glossary entry' }).getAttribute('href')).resolves.toBe(
      '/en/glossary/rote%20Linie',
    );
    await page.mouse.click(5, 5);
    await expect(popover.count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  });

  test('…and by keyboard: Enter opens, focus moves in, Escape closes and returns focus', async () => {
    const { page } = await openPage(browser(), { locale: 'de-DE' });
    await page.goto(NEWSLETTER.replace('/en/', '/de/'));
    const term = page.locator('button.term[data-term="Stellvertreterkrieg"]').first();
    await term.focus();
    await page.keyboard.press('Enter');
    const popover = page.getByRole('dialog', { name: 'der Stellvertreterkrieg' });
    await popover.waitFor();
    await expect(popover.textContent()).resolves.toContain('proxy war');
    await expect(popover.textContent()).resolves.toContain('Vollständiger Glossareintrag');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('role'))).resolves.toBe('dialog');
    await page.keyboard.press('Escape');
    await expect(popover.count()).resolves.toBe(0);
    await expect(page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.term)).resolves.toBe(
      'Stellvertreterkrieg',
    );
  });

  test('any other word shows its base form, part of speech, the aligned English and dictionary links', async () => {
    const { page } = await openPage(browser());
    await page.goto(NEWSLETTER);
    await clickWord(page, '#p2-s1', 'sagen');
    const popover = page.getByTestId('word-popover');
    await popover.waitFor();
    await expect(popover.locator('dd').first().textContent()).resolves.toBe('sagen');
    await expect(popover.textContent()).resolves.toContain('verb');
    await expect(page.getByTestId('word-popover-sentence').textContent()).resolves.toBe(
      await page.locator('#en-p2-s1').textContent(),
    );
    await expect(popover.getByRole('link', { name: 'DWDS' }).getAttribute('href')).resolves.toBe(
      'https://www.dwds.de/wb/sagen',
    );
    await expect(popover.getByRole('button', { name: 'Read the word aloud' }).count()).resolves.toBe(1);
    await page.keyboard.press('Escape');
    await clickWord(page, '#p2-s1', 'Informationen'); // a noun: its base form comes with its article
    await expect(page.getByTestId('word-popover').locator('dd').first().textContent()).resolves.toBe('die Information');
  });

  test('keyboard: Enter on a focused sentence lists its words; a word opens its card; Escape returns to the sentence', async () => {
    const { page } = await openPage(browser());
    await page.goto(NEWSLETTER);
    await page.locator('#p2-s1').focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('dialog', { name: 'Words in this sentence' });
    await list.waitFor();
    await list.getByRole('button', { name: 'sagen', exact: true }).focus();
    await page.keyboard.press('Enter');
    const card = page.getByTestId('word-popover');
    await card.waitFor();
    await expect(card.locator('dd').first().textContent()).resolves.toBe('sagen');
    await page.keyboard.press('Escape');
    await expect(card.count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('p2-s1');
  });
});
