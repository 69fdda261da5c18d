import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_TEACHER, E2E_ADMIN, signedInContext } from './accounts';
import { seriousViolations, useBrowser } from './browser';

// Editors' notes (docs/decisions/042-editors-notes-and-seeded-articles.md), end to end: an editor (the
// admin) opens a seeded article in the editor, gives a sentence group a note, and a reader finds the
// marker after that group, opens its popover from the keyboard, reads the note as text and closes it
// with Escape. The seeded notes of the content file are in the reader too.
const appUrl = inject('appUrl');
const browser = useBrowser();
const SLUG = 'china-hilft-russland-aufruestung';
const GERMAN = 'Bundeskanzler Olaf Scholz an diesem Wochenende nach Peking reist';
const NOTE = 'Check <b>this</b>: “Gruppe der Sieben” is the G7.';
let editor: BrowserContext;
let reader: BrowserContext;

beforeAll(async () => {
  editor = await signedInContext(browser(), appUrl, E2E_ADMIN);
  reader = await browser().newContext();
});
afterAll(async () => {
  await Promise.all([editor?.close(), reader?.close()]);
});

const editorGroup = (page: Page) =>
  page.locator('[data-testid=editor-group]').filter({ has: page.locator(`textarea:text-matches("${GERMAN}")`) });

describe("editors' notes", () => {
  test('a teacher who is no editor cannot open a seeded article in the editor', async () => {
    const teacher = await signedInContext(browser(), appUrl, DEMO_TEACHER);
    expect((await teacher.request.get(`${appUrl}/en/teach/articles/${SLUG}`)).status()).toBe(404);
    await teacher.close();
  });

  test('an editor adds a note to a group of a seeded article', async () => {
    const page = await editor.newPage();
    await page.goto(`${appUrl}/en/teach`, { waitUntil: 'networkidle' });
    await page.locator(`[data-testid=teach-article][data-slug="${SLUG}"] a`).click();
    await page.getByTestId('article-editor').waitFor();
    // A seeded article stays public: no classes-only choice.
    await expect(page.getByTestId('visibility').count()).resolves.toBe(0);
    const group = editorGroup(page);
    await group.getByTestId('add-note').click();
    const field = group.getByTestId('group-note');
    await expect.poll(() => field.evaluate((element) => element === document.activeElement)).toBe(true);
    await field.fill(NOTE);
    await field.blur();
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
    expect(await seriousViolations(page)).toEqual([]);
    await page.reload({ waitUntil: 'networkidle' });
    await expect(editorGroup(page).getByTestId('group-note').inputValue()).resolves.toBe(NOTE);
    await page.close();
  });

  test('the reader shows the note behind a marker, by keyboard, as text', async () => {
    const page = await reader.newPage();
    const anchor = await (async () => {
      await page.goto(`${appUrl}/en/articles/${SLUG}`, { waitUntil: 'networkidle' });
      return page.locator('.group').filter({ hasText: GERMAN }).getAttribute('data-sentence');
    })();
    expect(anchor).toBeTruthy();
    const marker = page.locator(`[data-note="${anchor}"]`);
    // The note's change dropped the cached page: a later request renders it anew.
    await expect
      .poll(async () => {
        await page.reload({ waitUntil: 'networkidle' });
        return marker.count();
      })
      .toBe(1);
    // The seeded notes of the content file are there too (the AFP text's "stopped short of").
    await expect(page.locator('.note__text').filter({ hasText: 'stopped short of' }).count()).resolves.toBe(1);

    // The sentence is the article's tab stop; Tab from it reaches the marker (after its terms, if any).
    await page.locator(`[id="${anchor}"]`).focus();
    for (let step = 0; step < 10; step++) {
      if (await marker.evaluate((element) => element === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    await expect(marker.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await expect(marker.getAttribute('aria-expanded')).resolves.toBe('false');
    const popover = page.locator(`[id="note-${anchor}"]`);
    await expect(popover.isVisible()).resolves.toBe(false);

    await page.keyboard.press('Enter');
    await expect.poll(() => marker.getAttribute('aria-expanded')).toBe('true');
    await expect(popover.isVisible()).resolves.toBe(true);
    await expect(marker.getAttribute('aria-controls')).resolves.toBe(`note-${anchor}`);
    // Text, never markup.
    await expect(popover.locator('.note__text').textContent()).resolves.toBe(NOTE);
    await expect(popover.locator('b').count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.keyboard.press('Escape');
    await expect.poll(() => marker.getAttribute('aria-expanded')).toBe('false');
    await expect(popover.isVisible()).resolves.toBe(false);
    await expect(marker.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await page.close();
  });

  test('the editor clears the note again', async () => {
    const page = await editor.newPage();
    await page.goto(`${appUrl}/en/teach/articles/${SLUG}`, { waitUntil: 'networkidle' });
    await editorGroup(page).getByTestId('clear-note').click();
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
    await page.reload({ waitUntil: 'networkidle' });
    await expect(editorGroup(page).getByTestId('group-note').count()).resolves.toBe(0);
    await page.close();
  });
});
