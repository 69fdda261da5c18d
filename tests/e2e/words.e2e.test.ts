import fs from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { seriousViolations, useBrowser } from './browser';

// "My words" end to end, as the demo learner: words saved in the reader and imported from CSV, the
// list with its filters, editing, bulk changes, deleting, export and import, and axe on both pages.
// Sign-in is rate-limited, so the file signs in once and reuses the browser context's cookies.
const appUrl = inject('appUrl');
const browser = useBrowser();
let context: BrowserContext;
const problems: string[] = [];

async function newPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('status of 404'))
      problems.push(`console: ${message.text()}`);
  });
  return page;
}

/** The list searched for `q` (and filtered), hydrated. */
async function openWords(page: Page, search = '') {
  await page.goto(`${appUrl}/en/vocabulary${search}`, { waitUntil: 'networkidle' });
  await page.locator('h1').waitFor();
}

const row = (page: Page, lemma: string) => page.locator(`[data-testid=word-row][data-lemma="${lemma}"]`);

async function importText(page: Page, csv: string) {
  await page.goto(`${appUrl}/en/vocabulary/import`, { waitUntil: 'networkidle' });
  await page.locator('#import-text').fill(csv);
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByTestId('import-preview').waitFor();
}

beforeAll(async () => {
  context = await browser().newContext({
    locale: 'en-US',
    viewport: { width: 1200, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`${appUrl}/en/sign-in?next=${encodeURIComponent('/en/vocabulary')}`, { waitUntil: 'networkidle' });
  await page.locator('#email').fill('learner@lesebruecke.test');
  await page.locator('#password').fill('lesebruecke-learner');
  await page.getByTestId('sign-in-form').getByRole('button').click();
  await page.waitForURL('**/en/vocabulary');
  await page.close();
});

afterAll(async () => {
  await context?.close();
});

describe('My words', () => {
  test('anonymous visitors are sent to sign in, and the export answers 401', async () => {
    const anonymous = await browser().newContext();
    const page = await anonymous.newPage();
    await page.goto(`${appUrl}/en/vocabulary`);
    expect(new URL(page.url()).pathname).toBe('/en/sign-in');
    const response = await fetch(`${appUrl}/api/vocabulary/export?format=csv`);
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toContain('no-store');
    await anonymous.close();
  });

  test('the old /words address answers a permanent redirect to the list, its filters kept', async () => {
    for (const [old, moved] of [
      ['/en/words', '/en/vocabulary'],
      ['/de/words?status=known&tag=e2e', '/de/vocabulary?status=known&tag=e2e'],
      ['/en/words/import', '/en/vocabulary/import'],
    ]) {
      const response = await context.request.get(`${appUrl}${old}`, { maxRedirects: 0 });
      expect(response.status(), old).toBe(308);
      expect(response.headers().location, old).toBe(moved);
    }
  });

  test('a word saved in the reader is listed with its sentence and a link to it', async () => {
    const page = await newPage();
    await page.goto(`${appUrl}/en/articles/chinas-kalkulation-waffenlieferungen`, { waitUntil: 'networkidle' });
    await page
      .locator('.de .w', { hasText: /^Aussicht$/ })
      .first()
      .click();
    await page.getByTestId('status-picker').waitFor();
    await page.keyboard.press('2');
    await page.locator('[data-testid=status-picker] button[data-status="learning-2"][aria-pressed="true"]').waitFor();
    await expect
      .poll(async () => {
        await openWords(page, '?q=Aussicht');
        return row(page, 'Aussicht').count();
      })
      .toBe(1);
    const aussicht = row(page, 'Aussicht');
    await expect(aussicht.getByTestId('word-status').textContent()).resolves.toBe('Learning 2');
    await expect(aussicht.locator('.word-row__context p[lang=de]').textContent()).resolves.toContain(
      'beängstigende Aussicht',
    );
    await aussicht.locator('summary').click();
    await expect(aussicht.locator('.word-row__context details p[lang=en]').isVisible()).resolves.toBe(true);
    await expect(aussicht.getByTestId('word-source').getAttribute('href')).resolves.toMatch(
      /^\/en\/articles\/chinas-kalkulation-waffenlieferungen#p\d+-s\d+$/,
    );
    await page.close();
  });

  test('a file with a bad row shows each error with its line and imports nothing', async () => {
    const page = await newPage();
    await importText(
      page,
      'lemma,status,translation\nAbrüstungsvertrag,known,disarmament treaty\nSanktionspaket,sometimes,sanctions package\nZzxyqw,learning-1,\n',
    );
    const errors = page.getByTestId('import-errors');
    await expect(errors.textContent()).resolves.toContain('Line 3, column “status”: Choose one of the statuses');
    // A word to learn that nobody knows would be a review card with an empty back.
    await expect(errors.textContent()).resolves.toContain(
      'Line 4, column “translation”: “Zzxyqw” has no meaning: neither the glossary nor the dictionary knows it.',
    );
    await expect(page.getByTestId('import-confirm').count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await openWords(page, '?q=Abr%C3%BCstungsvertrag');
    await expect(row(page, 'Abrüstungsvertrag').count()).resolves.toBe(0);
    await page.close();
  });

  test('a good file is previewed, then imported, with a summary', async () => {
    const page = await newPage();
    await page.goto(`${appUrl}/en/vocabulary/import`, { waitUntil: 'networkidle' });
    expect(await seriousViolations(page)).toEqual([]);
    const csv = [
      'lemma,status,translation,tags,context_de',
      'Abrüstungsvertrag,known,disarmament treaty,e2e; treaties,"Der Abrüstungsvertrag wurde 1987 unterzeichnet."',
      'Sanktionspaket,learning-2,sanctions package,e2e,',
      'Waffenstillstandsabkommen,new,armistice agreement,e2e,',
      '',
    ].join('\r\n');
    await page
      .locator('#import-file')
      .setInputFiles({ name: 'words.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByTestId('import-preview').waitFor();
    await expect(page.getByTestId('import-summary').textContent()).resolves.toBe('3 new words, 0 updates, 0 unchanged');
    await expect(page.locator('.data-table tbody tr').nth(1).textContent()).resolves.toBe(
      '3SanktionspaketLearning 2Create',
    );
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor();
    await expect(page.getByTestId('import-done').textContent()).resolves.toContain('3 new words');
    await openWords(page, '?tag=e2e');
    await expect(page.getByTestId('words-total').textContent()).resolves.toBe('3 words');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  test('filter by status, with shareable URLs and counts per status', async () => {
    const page = await newPage();
    await openWords(page, '?tag=e2e');
    await page.locator('#words-status').selectOption('known');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/status=known/);
    expect(new URL(page.url()).searchParams.get('tag')).toBe('e2e');
    await expect(
      page.getByTestId('word-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-lemma'))),
    ).resolves.toEqual(['Abrüstungsvertrag']);
    await expect(page.getByTestId('status-counts').locator('a[aria-current=true]').textContent()).resolves.toMatch(
      /^Known \d+$/,
    );
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('status'));
    await expect(page.getByTestId('word-row').count()).resolves.toBe(3);
    await page.close();
  });

  test('a page past the end goes to the last page, its filters kept', async () => {
    const page = await newPage();
    await page.goto(`${appUrl}/en/vocabulary?tag=e2e&page=40`);
    await page.waitForURL((url) => url.search === '?tag=e2e');
    await expect(page.getByTestId('word-row').count()).resolves.toBe(3);
    await page.close();
  });

  test('edit a translation; a bad tag is reported at its field', async () => {
    const page = await newPage();
    await openWords(page, '?tag=e2e');
    const treaty = row(page, 'Abrüstungsvertrag');
    await treaty.getByRole('button', { name: 'Edit Abrüstungsvertrag' }).click();
    const editor = treaty.getByTestId('entry-editor');
    await editor.getByLabel('Tags').fill(`e2e; ${'x'.repeat(41)}`);
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(editor.locator('.field__error').textContent()).resolves.toBe('A tag must have 1 to 40 characters.');
    await editor.getByLabel('My meaning').fill('arms control treaty <b>not bold</b>');
    await editor.getByLabel('Tags').fill('e2e; treaties');
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => treaty.getByTestId('word-translation').textContent())
      .toBe('arms control treaty <b>not bold</b>');
    await expect(treaty.locator('b').count()).resolves.toBe(0);
    await page.close();
  });

  test('bulk status change of the selected rows', async () => {
    const page = await newPage();
    await openWords(page, '?tag=e2e');
    await page.getByLabel('Select Sanktionspaket').check();
    await page.getByLabel('Select Waffenstillstandsabkommen').check();
    await expect(page.getByTestId('bulk-count').textContent()).resolves.toBe('2 words selected');
    await page.locator('#bulk-status').selectOption('learning-3');
    await page.getByRole('button', { name: 'Set status' }).click();
    await expect.poll(() => page.getByTestId('bulk-message').textContent()).toBe('Status changed for 2 words.');
    await expect.poll(() => row(page, 'Sanktionspaket').getByTestId('word-status').textContent()).toBe('Learning 3');
    await expect(row(page, 'Waffenstillstandsabkommen').getByTestId('word-status').textContent()).resolves.toBe(
      'Learning 3',
    );
    await expect(row(page, 'Abrüstungsvertrag').getByTestId('word-status').textContent()).resolves.toBe('Known');
    await page.close();
  });

  test('export CSV downloads every word with a header row', async () => {
    const page = await newPage();
    await openWords(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^lesebruecke-words-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await fs.readFile(await download.path(), 'utf8');
    expect(
      text.startsWith('\uFEFFlemma,status,translation,notes,tags,context_de,context_en,article,gender,plural\r\n'),
    ).toBe(true);
    expect(text).toContain(
      'Abrüstungsvertrag,known,arms control treaty <b>not bold</b>,,e2e; treaties,Der Abrüstungsvertrag wurde 1987 unterzeichnet.',
    );
    expect(text).toContain('Aussicht,learning-2');

    const response = await context.request.get(`${appUrl}/api/vocabulary/export?format=anki`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers()['content-disposition']).toMatch(
      /^attachment; filename="lesebruecke-words-\d{4}-\d{2}-\d{2}\.txt"$/,
    );
    expect(response.headers()['cache-control']).toContain('no-store');
    // A glossary term's card front names its gender and plural.
    expect(await response.text()).toContain('das Sanktionspaket, die Sanktionspakete\tsanctions package');
    expect((await context.request.get(`${appUrl}/api/vocabulary/export?format=xls`)).status()).toBe(400);
    await page.close();
  });

  test('delete one word, then the selected ones, each after a confirmation', async () => {
    const page = await newPage();
    await openWords(page, '?tag=e2e');
    const armistice = row(page, 'Waffenstillstandsabkommen');
    await armistice.getByRole('button', { name: 'Delete Waffenstillstandsabkommen' }).click();
    await armistice.getByRole('button', { name: 'Cancel' }).click();
    await armistice.getByRole('button', { name: 'Delete Waffenstillstandsabkommen' }).click();
    await armistice.getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => row(page, 'Waffenstillstandsabkommen').count()).toBe(0);

    await page.getByLabel('Select Sanktionspaket').check();
    await page.getByLabel('Select Abrüstungsvertrag').check();
    await page.getByRole('button', { name: 'Delete selected' }).click();
    await expect(page.getByRole('alertdialog').textContent()).resolves.toContain('Delete 2 words?');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, delete' }).click();
    await expect.poll(() => page.getByTestId('bulk-message').textContent()).toBe('2 words deleted.');
    await expect.poll(() => page.getByTestId('word-row').count()).toBe(0);
    await openWords(page, '?tag=e2e');
    await expect(page.getByTestId('words-empty').or(page.getByTestId('words-no-match')).count()).resolves.toBe(1);
    await page.close();
  });

  test('the German page has no serious axe violation, and no page logged an error', async () => {
    const page = await newPage();
    await page.goto(`${appUrl}/de/vocabulary`, { waitUntil: 'networkidle' });
    await expect(page.locator('h1').textContent()).resolves.toBe('Meine Wörter');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
    expect(problems).toEqual([]);
  });
});
