import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { newLearnerContext } from './accounts';
import { openPage, pageIn, seriousViolations, useBrowser } from './browser';

// The reader's layout and keyboard (issue 18): where word cards go, focus inside them, arrow keys
// between sentences, line spacing with terms, quotation marks at line ends, the colour key, and the
// library's figures for a learner. Learners here are fresh accounts: the seed learner is left alone.
const appUrl = inject('appUrl');
const SLUG = 'chinas-kalkulation-waffenlieferungen';
const NEWSLETTER = `${appUrl}/en/articles/${SLUG}`;
const browser = useBrowser();

type Rect = { top: number; bottom: number; left: number; right: number };
const rectOf = (page: Page, selector: string): Promise<Rect> =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    });
const overlap = (a: Rect, b: Rect) => a.top < b.bottom && a.bottom > b.top && a.left < b.right && a.right > b.left;

/** The id of the German sentence with the most lines (in the current layout), up to `most` px high. */
const tallestSentence = (page: Page, most = Infinity) =>
  page.evaluate((most) => {
    const all = [...document.querySelectorAll<HTMLElement>('.group > .de')].filter((el) => el.offsetHeight <= most);
    return all.reduce((a, b) => (b.offsetHeight > a.offsetHeight ? b : a)).id;
  }, most);

/** Scrolls a sentence to the top or bottom of the screen and clicks its first or last word. */
async function clickWordOf(page: Page, id: string, where: 'start' | 'end') {
  const point = await page.locator(`[id="${id}"]`).evaluate((element, at) => {
    element.scrollIntoView({ block: at === 'start' ? 'start' : 'end', behavior: 'instant' });
    if (at === 'end') window.scrollBy({ top: 4, behavior: 'instant' }); // clear of the bottom edge by a hair
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const words: Range[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('button')) continue;
      for (const match of (node.textContent ?? '').matchAll(/\p{L}{4,}/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        words.push(range);
      }
    }
    const r = (at === 'start' ? words[0] : words.at(-1))!.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, where);
  await page.mouse.click(point.x, point.y);
}

/** The card's box once it is placed and its content loaded. */
async function cardRect(page: Page): Promise<Rect> {
  const card = page.getByTestId('word-popover');
  await card.waitFor();
  await expect.poll(() => card.textContent()).not.toContain('Looking up');
  await expect.poll(() => card.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  return rectOf(page, '[data-testid="word-popover"]');
}

describe('word cards', () => {
  test('on a desktop a card never covers its own sentence and stays on screen, above or below it', async () => {
    const { page, problems } = await openPage(browser(), { width: 1200 });
    await page.goto(NEWSLETTER);
    const id = await tallestSentence(page);
    const viewport = { width: 1200, height: 900 };
    for (const where of ['start', 'end'] as const) {
      await clickWordOf(page, id, where);
      const card = await cardRect(page);
      const sentence = await rectOf(page, `[id="${id}"]`);
      expect(
        overlap(card, sentence),
        `${where}: card ${JSON.stringify(card)} sentence ${JSON.stringify(sentence)}`,
      ).toBe(false);
      expect(where === 'start' ? card.top >= sentence.bottom : card.bottom <= sentence.top).toBe(true);
      expect(card.left >= 0 && card.right <= viewport.width && card.top >= 0 && card.bottom <= viewport.height).toBe(
        true,
      );
      await page.keyboard.press('Escape');
    }
    // A word at the right edge of the English column's neighbour: the card is moved left to stay on screen.
    await page.setViewportSize({ width: 700, height: 900 });
    await clickWordOf(page, id, 'start');
    const narrow = await cardRect(page);
    expect(narrow.right).toBeLessThanOrEqual(700);
    expect(problems).toEqual([]);
  });

  test('on a 390 px phone the card is a sheet along the bottom, with its sentence scrolled above it', async () => {
    const { page } = await openPage(browser(), { width: 390 });
    await page.goto(NEWSLETTER);
    const id = await tallestSentence(page, 450); // a long sentence that still fits above a sheet
    await expect(
      page.locator(`[id="${id}"]`).evaluate((el) => (el as HTMLElement).offsetHeight),
    ).resolves.toBeGreaterThan(150);
    await clickWordOf(page, id, 'end');
    const sheet = await cardRect(page);
    const size = await page.evaluate(() => ({ width: document.documentElement.clientWidth, height: innerHeight }));
    expect(sheet.left).toBe(0);
    expect(Math.round(sheet.right)).toBe(size.width);
    expect(Math.round(sheet.bottom)).toBe(size.height);
    await expect
      .poll(async () => JSON.stringify({ overlap: overlap(sheet, await rectOf(page, `[id="${id}"]`)), sheet }))
      .toBe(JSON.stringify({ overlap: false, sheet }));
    const sentence = await rectOf(page, `[id="${id}"]`);
    expect(sentence.top).toBeGreaterThanOrEqual(0);
  });

  test('focus stays inside an open card (Tab and Shift+Tab cycle); Escape closes it and returns focus to the sentence', async () => {
    const { page } = await openPage(browser());
    await page.goto(NEWSLETTER);
    await page.locator('[id="p2-s1"]').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('words-popover').getByRole('button', { name: 'sagen', exact: true }).click();
    await cardRect(page);
    const insideCard = () => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
    const seen = new Set<string>();
    for (let step = 0; step < 14; step++) {
      await page.keyboard.press('Tab');
      expect(await insideCard(), `Tab ${step + 1}`).toBe(true);
      seen.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60) ?? ''));
    }
    expect(seen.size).toBeGreaterThan(3); // it moved through the card's controls, not stuck on one
    for (let step = 0; step < 14; step++) {
      await page.keyboard.press('Shift+Tab');
      expect(await insideCard(), `Shift+Tab ${step + 1}`).toBe(true);
    }
    await expect(page.getByRole('dialog').getAttribute('aria-modal')).resolves.toBe('true');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('p2-s1');
  });
});

describe('keyboard in the article', () => {
  test('the article is one tab stop; arrow keys, Home and End move between sentences', async () => {
    const { page } = await openPage(browser());
    await page.goto(NEWSLETTER);
    // Sentences and section headings, in reading order.
    const order = await page
      .locator('.reader-body [data-anchor]')
      .evaluateAll((all) => all.map((el) => (el as HTMLElement).dataset.anchor!));
    expect(order).toContain('p1-s1');
    expect(order.length).toBeGreaterThan(20);
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.anchor);
    const tabStops = () =>
      page
        .locator('.reader-body [tabindex], .reader-body .en, .reader-body button')
        .evaluateAll((all) => all.filter((el) => (el as HTMLElement).tabIndex >= 0).length);
    const termsOf = (anchor: string) => page.locator(`[data-anchor="${anchor}"] button.term`).count();
    await expect(tabStops()).resolves.toBe(1 + (await termsOf(order[0]!)));

    await page.locator(`[data-anchor="${order[0]}"]`).focus();
    await page.keyboard.press('ArrowDown');
    await expect(focused()).resolves.toBe(order[1]);
    await page.keyboard.press('ArrowRight');
    await expect(focused()).resolves.toBe(order[2]);
    await page.keyboard.press('ArrowUp');
    await expect(focused()).resolves.toBe(order[1]);
    await page.keyboard.press('ArrowLeft');
    await expect(focused()).resolves.toBe(order[0]);
    await page.keyboard.press('End');
    await expect(focused()).resolves.toBe(order.at(-1));
    await page.keyboard.press('Home');
    await expect(focused()).resolves.toBe(order[0]);
    await page.keyboard.press('ArrowDown');
    await expect(tabStops()).resolves.toBe(1 + (await termsOf(order[1]!)));
    await expect(page.locator(`[data-anchor="${order[1]}"]`).getAttribute('tabindex')).resolves.toBe('0');

    // Tab leaves the article after the current sentence's own terms (and no other sentence's).
    const terms = await termsOf(order[1]!);
    for (let step = 0; step < terms; step++) {
      await page.keyboard.press('Tab');
      await expect(
        page.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-anchor]')?.dataset.anchor),
      ).resolves.toBe(order[1]);
    }
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => Boolean(document.activeElement?.closest('.reader-body')))).resolves.toBe(false);
    // …and Shift+Tab comes back to the sentence last visited.
    await page.keyboard.press('Shift+Tab');
    for (let step = 0; step < terms; step++) await page.keyboard.press('Shift+Tab');
    await expect(focused()).resolves.toBe(order[1]);
  });
});

describe('reading typography', () => {
  test('sentences with glossary terms keep the line height of plain text (side by side, sentence by sentence)', async () => {
    const { context } = await newLearnerContext(browser(), appUrl, 'Line Height');
    const { page } = await pageIn(context);
    await page.goto(NEWSLETTER);
    await page.getByTestId('coverage').waitFor(); // words coloured, as a learner sees them
    for (const layout of ['Side by side', 'Sentence by sentence']) {
      await page.getByLabel(layout).check();
      const off = await page.locator('.group > .de').evaluateAll((all) =>
        all.flatMap((el) => {
          const style = getComputedStyle(el);
          const line = parseFloat(style.lineHeight);
          const text =
            el.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
          const lines = Math.round(text / line);
          return Math.abs(text - lines * line) > 0.5 && el.querySelector('.term')
            ? [`${el.id}: ${text}px for ${lines} lines of ${line}px`]
            : [];
        }),
      );
      expect(off, layout).toEqual([]);
      await expect(page.locator('.group > .de .term').count()).resolves.toBeGreaterThan(5);
    }
    await context.close();
  });

  test('sentence by sentence and German only keep a readable line length (at most about 70 characters)', async () => {
    const { page } = await openPage(browser(), { width: 1400 });
    await page.goto(NEWSLETTER);
    for (const layout of ['Sentence by sentence', 'German only']) {
      await page.getByLabel(layout).check();
      const widest = await page.locator('.group > .de').evaluateAll((all) => {
        // Characters of the sentence's own font that fit on its widest line.
        const probe = document.createElement('span');
        probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre';
        all[0]!.append(probe);
        probe.textContent = '0'.repeat(100);
        const perChar = probe.getBoundingClientRect().width / 100;
        probe.remove();
        const container = (el: Element) => (getComputedStyle(el).display === 'inline' ? el.closest('.para')! : el);
        return Math.max(...all.map((el) => container(el).getBoundingClientRect().width / perChar));
      });
      expect(widest, layout).toBeLessThanOrEqual(72);
      expect(widest, layout).toBeGreaterThan(50);
    }
  });

  test('no opening quotation mark is left at a line end, in German or English, at any width', async () => {
    const { page } = await openPage(browser());
    await page.goto(NEWSLETTER);
    const stranded = await page.locator('.group > .de, .group > .en').evaluateAll((all) => {
      const found: string[] = [];
      for (const el of all) {
        const text = el.textContent ?? '';
        if (!/[„‚“‘«»]\p{L}/u.test(text)) continue;
        // Character boxes by offset into the element's text.
        const boxAt = (offset: number) => {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          let before = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = node.textContent?.length ?? 0;
            if (offset < before + length) {
              const range = document.createRange();
              range.setStart(node, offset - before);
              range.setEnd(node, offset - before + 1);
              return range.getBoundingClientRect();
            }
            before += length;
          }
          throw new Error('offset outside the text');
        };
        const quotes = [...text.matchAll(/[„‚“‘«»](?=\p{L})/gu)].map((m) => m.index);
        const element = el as HTMLElement;
        for (let width = 140; width <= 640; width += 3) {
          element.style.width = `${width}px`;
          for (const at of quotes) {
            if (Math.abs(boxAt(at).top - boxAt(at + 1).top) > 2)
              found.push(`${el.id} at ${width}px: ${text.slice(at, at + 20)}`);
          }
        }
        element.style.width = '';
      }
      return found;
    });
    expect(stranded.slice(0, 5)).toEqual([]);
  });

  test('the hover and focus tint of a sentence is far from the colours of unsaved and new words', async () => {
    const { context } = await newLearnerContext(browser(), appUrl, 'Tint Check');
    const { page } = await pageIn(context);
    await page.goto(NEWSLETTER);
    await page.getByTestId('coverage').waitFor();
    await page.locator('[id="p3-s1"]').focus();
    const rgb = (css: string) => css.match(/\d+/g)!.slice(0, 3).map(Number);
    const tint = rgb(await page.locator('[id="en-p3-s1"]').evaluate((el) => getComputedStyle(el).backgroundColor));
    const key = page.getByTestId('reader-key');
    const swatch = async (status: string) =>
      rgb(
        await key
          .locator(`.w[data-status="${status}"]`)
          .first()
          .evaluate((el) => getComputedStyle(el).backgroundColor),
      );
    for (const status of ['unknown', 'new']) {
      const colour = await swatch(status);
      const distance = colour.reduce((sum, c, i) => sum + Math.abs(c - tint[i]!), 0);
      expect(distance, `${status} ${colour.join()} vs tint ${tint.join()}`).toBeGreaterThanOrEqual(40);
    }
    await context.close();
  });
});

describe('the colour and key legend', () => {
  test.each([
    [
      'en',
      'Colours and keys',
      ['not saved', 'New', 'Learning 1', 'Learning 2', 'Learning 3', 'Learning 4', 'Known', 'Ignored'],
    ],
    [
      'de',
      'Farben und Tasten',
      ['nicht gespeichert', 'Neu', 'Lernstufe 1', 'Lernstufe 2', 'Lernstufe 3', 'Lernstufe 4', 'Bekannt', 'Ignoriert'],
    ],
  ])('(%s) lists every status with the key that sets it, folded until opened', async (locale, summary, labels) => {
    const { context } = await newLearnerContext(browser(), appUrl, `Legend ${locale}`);
    const { page, problems } = await pageIn(context);
    await page.goto(`${appUrl}/${locale}/articles/${SLUG}`);
    await page.getByTestId('coverage').waitFor();
    const key = page.getByTestId('reader-key');
    await expect(key.locator('ul').first().isVisible()).resolves.toBe(false);
    await key.getByText(summary).click();
    const statuses = key.getByTestId('reader-key-statuses');
    await expect(statuses.locator('.w').allTextContents()).resolves.toEqual(labels);
    await expect(statuses.locator('kbd').allTextContents()).resolves.toEqual(['N', '1', '2', '3', '4', 'K', 'I']);
    await expect(key.locator('dl kbd').count()).resolves.toBe(6);
    expect(await seriousViolations(page)).toEqual([]);

    // The key the legend shows for "new" sets it while a word's card is open.
    await page.locator('[id="p1-s1"] .w[data-status="unknown"]').first().click();
    await page.getByTestId('status-picker').waitFor();
    await page.keyboard.press('n');
    await expect
      .poll(() => page.getByTestId('status-picker').locator('button[data-status="new"]').getAttribute('aria-pressed'))
      .toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the library for a signed-in learner', () => {
  test('shows each article’s known share and words new to the learner, as the reader counts them', async () => {
    const { context } = await newLearnerContext(browser(), appUrl, 'Library Figures');
    const { page, problems } = await pageIn(context);
    await page.goto(`${appUrl}/en`);
    const card = page.locator('.article-card', { has: page.locator(`a[href="/en/articles/${SLUG}"]`) });
    await expect(card.getByTestId('article-known').textContent()).resolves.toBe('0% of the words known');
    const newWords = async () => Number((await card.getByTestId('article-new-words').textContent())!.match(/\d+/)![0]);
    const before = await newWords();
    expect(before).toBeGreaterThan(100);
    await expect(page.getByTestId('article-coverage').count()).resolves.toBe(
      await page.locator('.article-card').count(),
    );

    // The reader agrees: as many words to mark as known as the library calls new.
    await page.goto(NEWSLETTER);
    await page.getByTestId('coverage').waitFor();
    // The same words, but for the glossary's, which "mark all" leaves to be learned.
    const terms = new Set(
      await page.locator('button.term').evaluateAll((b) => b.map((e) => e.getAttribute('data-term'))),
    );
    const remaining = Number(
      /\d+/.exec((await page.getByTestId('mark-remaining').getByRole('button').textContent()) ?? '')?.[0],
    );
    expect(remaining).toBeLessThanOrEqual(before);
    expect(remaining).toBeGreaterThanOrEqual(before - terms.size);
    await page.locator('[id="p1-s1"] .w[data-status="unknown"]').first().click();
    await page.getByTestId('status-picker').waitFor();
    // The colours change at once (optimistically): wait for the save itself before leaving the page.
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'POST' && 'next-action' in r.request().headers(),
    );
    await page.keyboard.press('k');
    expect((await saved).ok()).toBe(true);
    await expect.poll(() => page.getByTestId('coverage').textContent()).not.toBe('You know 0% of the words');
    const percent = (await page.getByTestId('coverage').textContent())!.match(/\d+%/)![0];

    await page.goto(`${appUrl}/de`);
    const cardDe = page.locator('.article-card', { has: page.locator(`a[href="/de/articles/${SLUG}"]`) });
    const digits = percent.replace('%', '');
    await expect(cardDe.getByTestId('article-known').textContent()).resolves.toMatch(
      new RegExp(`^${digits}\\s%\\sder Wörter bekannt$`),
    );
    await expect(cardDe.getByTestId('article-new-words').textContent()).resolves.toBe(
      `${before - 1} Wörter neu für Sie`,
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  test('an anonymous reader sees no figures', async () => {
    const { page } = await openPage(browser());
    await page.goto(`${appUrl}/en`);
    await page.getByTestId('article-list').waitFor();
    await expect(page.getByTestId('article-coverage').count()).resolves.toBe(0);
  });
});
