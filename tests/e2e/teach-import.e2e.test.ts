import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_TEACHER, signedInContext } from './accounts';
import { useBrowser } from './browser';

// Issue 16 end to end, as the demo teacher: a Word file becomes a draft whose sections carry the
// file's headings, and a news page with inline clutter (tests/fixtures/clutter) comes into the editor
// without it, the editor listing each removed box with its reason.
const appUrl = inject('appUrl');
const browser = useBrowser();
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
let teacher: BrowserContext;
const problems: string[] = [];

beforeAll(async () => {
  teacher = await signedInContext(browser(), appUrl, DEMO_TEACHER);
});

afterAll(async () => {
  await teacher?.close();
});

/** Uploads a file on the new-article page and waits for its draft's editor. */
async function importFile(file: string): Promise<Page> {
  const page = await teacher.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${String(error)}`));
  await page.goto(`${appUrl}/en/teach/new`, { waitUntil: 'networkidle' });
  await page.locator('#article-file').setInputFiles(file);
  await page.getByTestId('new-article-submit').click();
  await page.waitForURL('**/en/teach/articles/**', { timeout: 60_000 }); // conversion and segmentation on the server
  await page.getByTestId('article-editor').waitFor();
  return page;
}

const germanOf = (page: Page) =>
  page.locator('[data-testid=group-de]').evaluateAll((fields) => fields.map((f) => (f as HTMLTextAreaElement).value));

describe('importing a Word file and a cluttered news page', () => {
  test('a .docx becomes a draft with its title and its headings as sections', async () => {
    const page = await importFile(path.join(FIXTURES, 'docx/wehrdienst.docx'));
    await expect(page.locator('#title-de').inputValue()).resolves.toBe(
      'Der neue Wehrdienst: Was sich ab Januar ändert',
    );
    await expect(page.locator('[data-testid=heading-form] h2').allTextContents()).resolves.toEqual([
      'Der Fragebogen',
      'Die Musterung',
      'Kritik der Opposition',
    ]);
    const german = await germanOf(page);
    expect(german[0]).toBe('Ab Januar erhalten alle jungen Männer eines Jahrgangs einen Fragebogen der Bundeswehr.');
    expect(german.join('\n')).not.toContain('Lesen Sie auch');
    await page.close();
  });

  test('a broken .docx is refused with its reason, and the form stays', async () => {
    const page = await teacher.newPage();
    await page.goto(`${appUrl}/en/teach/new`, { waitUntil: 'networkidle' });
    await page.locator('#article-file').setInputFiles({
      name: 'kaputt.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('PK\u0003\u0004 kein Word-Dokument'),
    });
    await page.getByTestId('new-article-submit').click();
    await expect
      .poll(() => page.getByTestId('new-article-error').textContent())
      .toMatch(/^This Word file could not be read/u);
    expect(new URL(page.url()).pathname).toBe('/en/teach/new');
    await page.close();
  });

  test('the editor lists the inline clutter it removed, each with its reason', async () => {
    const page = await importFile(path.join(FIXTURES, 'clutter/01-tagesblick-ausland.html'));
    const removed = page.getByTestId('removed-blocks');
    await removed.locator('summary').click();
    const item = (reason: string, text: string) =>
      removed.locator(`li[data-reason="${reason}"]`).filter({ hasText: text });
    for (const [reason, label, text] of [
      ['advertisement', 'Advertisement', 'Jetzt Festgeld sichern'],
      ['teaser', 'Teaser for another article', 'Wehrpflicht: Was die Koalition jetzt plant'],
      ['caption', 'Photo caption or credit', 'Foto: Mindaugas Kulbis/dpa'],
      ['subscription', 'Subscription or newsletter', 'Hier abonnieren'],
      ['author', 'About the author', 'Jana Kessler berichtet seit 2019'],
    ] as const) {
      await expect(item(reason, text).count(), text).resolves.toBe(1);
      await expect(item(reason, text).locator('.removed-blocks__reason').textContent()).resolves.toBe(label);
    }
    const german = (await germanOf(page)).join('\n');
    expect(german).toContain('Die Bundeswehr baut ihre Kampfbrigade in Litauen schneller auf');
    expect(german).toContain('Die Nato plant, ihre Präsenz im Baltikum');
    for (const clutter of ['Festgeld', 'Lesen Sie auch', 'Foto:', 'abonnieren', 'Über die Autorin'])
      expect(german).not.toContain(clutter);
    await page.close();
    expect(problems).toEqual([]);
  });
});
