import fs from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { E2E_ADMIN, signedInContext } from './accounts';
import { callAction } from './actions';
import { pageIn, seriousViolations, useBrowser } from './browser';

// Issue 14, the glossary's exchange (docs/decisions/034-glossary-exchange-tbx-csv.md): an editor (the
// admin) downloads the glossary as TBX, changes one definition, imports the file, checks the preview
// and confirms; the term page shows the new definition. The original file is imported again after.
const appUrl = inject('appUrl');
const browser = useBrowser();
const LEMMA = 'Aggression';

let editor: BrowserContext;
let original = '';

beforeAll(async () => {
  editor = await signedInContext(browser(), appUrl, E2E_ADMIN);
});
afterAll(async () => {
  if (original) {
    const restored = await callAction(
      appUrl,
      editor.request,
      'lib/glossary/exchange-actions.ts#applyGlossaryImportAction',
      original,
    );
    expect(restored.ok, JSON.stringify(restored)).toBe(true);
  }
  await editor.close();
});

describe('glossary exchange', () => {
  test('an editor exports TBX, imports a changed file, sees the preview and confirms', async () => {
    const { page, problems } = await pageIn(editor);
    await page.goto(`${appUrl}/en/glossary`, { waitUntil: 'networkidle' });
    await page.getByTestId('glossary-exchange').click();
    await page.waitForURL(`${appUrl}/en/glossary/exchange`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-tbx').click()]);
    expect(download.suggestedFilename()).toMatch(/^lesebruecke-glossary-\d{4}-\d{2}-\d{2}\.tbx$/);
    original = fs.readFileSync((await download.path())!, 'utf8');
    expect(original).toContain('<tbx type="TBX-Basic" style="dca"');
    // The English definition of one entry, changed.
    const entry = new RegExp(
      `(<conceptEntry id="c-${LEMMA}">[\\s\\S]*?<langSec xml:lang="en">\\s*<descrip type="definition">)([^<]*)`,
    );
    const definition = `${entry.exec(original)![2]} (as an editor revised it)`;
    const changed = original.replace(entry, `$1${definition}`);
    expect(changed).not.toBe(original);

    await page
      .locator('#exchange-file')
      .setInputFiles({ name: 'glossary.tbx', mimeType: 'application/xml', buffer: Buffer.from(changed) });
    await page.getByRole('button', { name: 'Check' }).click();
    const preview = page.getByTestId('exchange-preview');
    await preview.waitFor();
    await expect
      .poll(() => preview.getByTestId('exchange-summary').textContent())
      .toMatch(/^0 new entries, 1 changed, \d+ unchanged$/);
    const row = preview.locator('tr[data-action="update"]');
    expect(await row.locator('td').allTextContents()).toEqual([
      expect.stringMatching(/^Entry \d+$/),
      LEMMA,
      'Changed',
      'definition (English)',
    ]);
    expect(await preview.getByTestId('exchange-errors').count()).toBe(0);
    expect(await seriousViolations(page), 'preview').toEqual([]);

    await page.getByTestId('exchange-confirm').click();
    const done = page.getByTestId('exchange-done');
    await done.waitFor();
    expect(await done.textContent()).toContain('1 entry changed');
    expect(problems).toEqual([]);

    await page.goto(`${appUrl}/en/glossary/${LEMMA}`, { waitUntil: 'networkidle' });
    expect(await page.locator('main').textContent()).toContain(definition);
    await page.close();
  });
});
