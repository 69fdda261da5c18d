import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect, inject, test } from 'vitest';
import { openPage, useBrowser } from './browser';

// axe must find no serious or critical violation on the main pages, in both UI languages.
const appUrl = inject('appUrl');
const browser = useBrowser();

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page: page as never }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test.each([
  ['library', '/en'],
  ['library (de)', '/de'],
  ['reader', '/en/articles/chinas-kalkulation-waffenlieferungen'],
  ['reader (de)', '/de/articles/china-hilft-russland-aufruestung'],
  ['not found', '/en/articles/missing'],
])('%s has no serious or critical axe violation', async (_name, path) => {
  const { page } = await openPage(browser());
  await page.goto(`${appUrl}${path}`);
  await page.locator('main').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
});

test('reader with an open term popover and in German-only layout', async () => {
  const { page } = await openPage(browser());
  await page.goto(`${appUrl}/en/articles/chinas-kalkulation-waffenlieferungen`);
  await page.getByLabel('German only').check();
  await page.locator('button.term').first().click();
  await page.getByRole('dialog').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
});
