import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { newLearnerContext } from './accounts';
import { callAction } from './actions';
import { pageIn, seriousViolations, useBrowser } from './browser';

// My words, as a fresh learner whose words come from a CSV import (the shared demo learner stays as
// it is): German wording, filter chips and the status dropdown in step, the word in bold in its
// sentence (as text, never HTML), nouns with their article, and the export's gender and plural from
// the lemma table for nouns no glossary term is linked to.
const appUrl = inject('appUrl');
const browser = useBrowser();
let context: BrowserContext;

const CSV = [
  'lemma,status,translation,context_de',
  'Waffe,learning-1,weapon,"Die Waffe blieb <b>geladen</b>, sagte er."',
  'Aussicht,known,prospect,"Die Aussicht auf Frieden ist gering."',
  'schnell,new,fast,"Es ging schnell."',
].join('\n');

beforeAll(async () => {
  ({ context } = await newLearnerContext(browser(), appUrl, 'Words Details'));
  const imported = await callAction(appUrl, context.request, 'lib/vocabulary/actions.ts#applyImportAction', CSV);
  expect(imported).toMatchObject({ ok: true, data: { created: 3 } });
});
afterAll(async () => {
  await context?.close();
});

describe('My words, in detail', () => {
  test('the status chips and the dropdown show the same filter; German says Status, Alle, Lernstufe', async () => {
    const { page, problems } = await pageIn(context);
    await page.goto(`${appUrl}/de/vocabulary`, { waitUntil: 'networkidle' });
    const dropdown = page.locator('#words-status');
    await expect(page.locator('label[for="words-status"]').textContent()).resolves.toBe('Status');
    await expect(dropdown.locator('option').first().textContent()).resolves.toBe('Alle');
    await expect.poll(() => dropdown.inputValue()).toBe('');
    const chips = page.getByTestId('status-counts');
    await chips.getByRole('link', { name: /^Lernstufe 1/ }).click();
    await page.waitForURL(/status=learning-1/);
    await expect.poll(() => dropdown.inputValue()).toBe('learning-1');
    await expect.poll(() => page.getByTestId('word-row').count()).toBe(1);
    await chips.getByRole('link', { name: /^Bekannt/ }).click();
    await page.waitForURL(/status=known/);
    await expect.poll(() => dropdown.inputValue()).toBe('known');
    await chips.getByRole('link', { name: /^Alle/ }).click();
    await page.waitForURL(`${appUrl}/de/vocabulary`);
    await expect.poll(() => dropdown.inputValue()).toBe('');
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('nouns carry their article, and the word is bold in its sentence, which stays text', async () => {
    const { page, problems } = await pageIn(context);
    await page.goto(`${appUrl}/en/vocabulary`, { waitUntil: 'networkidle' });
    const row = (lemma: string) => page.locator(`[data-testid=word-row][data-lemma="${lemma}"]`);
    await expect(row('Waffe').locator('h2').textContent()).resolves.toBe('die Waffe');
    await expect(row('Aussicht').locator('h2').textContent()).resolves.toBe('die Aussicht');
    await expect(row('schnell').locator('h2').textContent()).resolves.toBe('schnell');
    await expect(row('Waffe').getByTestId('word-in-context').textContent()).resolves.toBe('Waffe');
    await expect(row('Aussicht').getByTestId('word-in-context').textContent()).resolves.toBe('Aussicht');
    // The learner's own markup is shown as written, never parsed.
    await expect(row('Waffe').locator('.word-row__context p').first().textContent()).resolves.toBe(
      'Die Waffe blieb <b>geladen</b>, sagte er.',
    );
    await expect(row('Waffe').locator('.word-row__context b').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the CSV export has gender and plural from the lemma table', async () => {
    const response = await context.request.get(`${appUrl}/api/vocabulary/export?format=csv`);
    expect(response.status()).toBe(200);
    const lines = (await response.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('lemma,status,translation,notes,tags,context_de,context_en,article,gender,plural');
    expect(lines.find((line) => line.startsWith('Waffe,'))).toMatch(/,f,Waffen$/);
    expect(lines.find((line) => line.startsWith('Aussicht,'))).toMatch(/,f,Aussichten$/);
    expect(lines.find((line) => line.startsWith('schnell,'))).toMatch(/,,$/);
  });
});
