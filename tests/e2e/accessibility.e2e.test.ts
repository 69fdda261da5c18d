import { expect, inject, test } from 'vitest';
import { newLearnerContext } from './accounts';
import { openPage, seriousViolations, useBrowser } from './browser';

// axe must find no serious or critical violation on the main pages, in both UI languages.
const appUrl = inject('appUrl');
const browser = useBrowser();

test.each([
  ['library', '/en'],
  ['library (de)', '/de'],
  ['reader', '/en/articles/chinas-kalkulation-waffenlieferungen'],
  ['reader (de)', '/de/articles/china-hilft-russland-aufruestung'],
  ['not found', '/en/articles/missing'],
  ['sign in', '/en/sign-in'],
  ['sign up (de)', '/de/sign-up'],
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

test('signed-in pages: reader with coloured words and a word card, review, dashboard, account (en and de)', async () => {
  const { context } = await newLearnerContext(browser(), appUrl, 'Axe Learner');
  const page = await context.newPage();
  await page.goto(`${appUrl}/en/articles/chinas-kalkulation-waffenlieferungen`, { waitUntil: 'networkidle' });
  await page.getByTestId('coverage').waitFor();
  await page.locator('[id="p1-s1"] .w').nth(2).click();
  await page
    .getByTestId('status-picker')
    .getByRole('button', { name: /Learning 1/ })
    .click();
  expect(await seriousViolations(page), 'reader').toEqual([]);
  await page.goto(`${appUrl}/en/review`, { waitUntil: 'networkidle' });
  await page.getByTestId('show-answer').click();
  await page.getByTestId('review-answer').waitFor();
  expect(await seriousViolations(page), 'review').toEqual([]);
  for (const path of ['/en/dashboard', '/de/dashboard', '/en/account', '/de/account']) {
    await page.goto(`${appUrl}${path}`, { waitUntil: 'networkidle' });
    await page.locator('main h1').waitFor();
    expect(await seriousViolations(page), path).toEqual([]);
  }
  await context.close();
});
