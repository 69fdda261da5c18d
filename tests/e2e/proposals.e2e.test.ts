import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_TEACHER, E2E_ADMIN, signedInContext } from './accounts';
import { useBrowser } from './browser';

// Proposals from an imported article (docs/decisions/033-term-proposals.md), end to end: the demo
// teacher imports an article, the editor's "Suggested terms" panel streams in after the page, two
// candidates are ticked (one English edited) and proposed; the admin, a glossary editor, finds both in
// the review queue, filtered by the article, each linking to its entry's editor page.
const appUrl = inject('appUrl');
const browser = useBrowser();
const TITLE = 'Drohnenabwehr im Haushalt';
const TEXT = [
  'Die Drohnenabwehrstrategie der Regierung ist umstritten.',
  'Der Munitionshaushalt wächst im kommenden Jahr deutlich.',
  'Die neue Drohnenabwehrstrategie soll im Sommer vorgestellt werden.',
].join(' ');
const TICKED = ['Drohnenabwehrstrategie', 'Munitionshaushalt'];
let teacher: BrowserContext;
let admin: BrowserContext;
const problems: string[] = [];

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${String(error)}`));
  return page;
}
const candidate = (page: Page, lemma: string) => page.locator(`[data-testid=suggested-term][data-lemma="${lemma}"]`);

beforeAll(async () => {
  teacher = await signedInContext(browser(), appUrl, DEMO_TEACHER);
  admin = await signedInContext(browser(), appUrl, E2E_ADMIN);
});
afterAll(async () => {
  await Promise.all([teacher?.close(), admin?.close()]);
});

describe('proposing terms from an imported article', () => {
  test('the teacher imports an article, ticks two suggested terms and proposes them', async () => {
    const page = await newPage(teacher);
    await page.goto(`${appUrl}/en/teach/new`, { waitUntil: 'networkidle' });
    await page.locator('#article-title').fill(TITLE);
    await page.locator('input[name=source][value=paste]').check();
    await page.locator('#article-text').fill(TEXT);
    await page.getByTestId('new-article-submit').click();
    await page.waitForURL('**/en/teach/articles/**', { timeout: 60_000 });
    await page.getByTestId('article-editor').waitFor();

    // The panel streams in: both candidates with their sentences, the term marked, and their grammar.
    await candidate(page, TICKED[0]!).waitFor({ timeout: 60_000 });
    await expect(candidate(page, TICKED[0]!).locator('mark').first().textContent()).resolves.toBe(TICKED[0]);
    await expect(candidate(page, TICKED[0]!).textContent()).resolves.toContain('2 occurrences');
    await expect(candidate(page, TICKED[1]!).textContent()).resolves.toContain('masculine');

    const submit = page.getByTestId('suggested-submit');
    await expect(submit.isDisabled()).resolves.toBe(true);
    for (const lemma of TICKED) await candidate(page, lemma).getByTestId('suggested-tick').check();
    await candidate(page, TICKED[0]!).getByTestId('suggested-english').fill('counter-drone strategy');
    await expect(submit.textContent()).resolves.toBe('Propose 2 terms');
    await submit.click();
    await expect.poll(() => page.getByTestId('suggested-status').textContent()).toBe('2 terms were proposed.');
    // Proposed ones cannot be ticked again.
    for (const lemma of TICKED)
      await expect(candidate(page, lemma).getByTestId('suggested-tick').isDisabled()).resolves.toBe(true);
    await page.close();
  });

  test('the editor sees both in the review queue, filtered by the article', async () => {
    const page = await newPage(admin);
    await page.goto(`${appUrl}/en/glossary/review`, { waitUntil: 'networkidle' });
    await page.locator('#review-article').selectOption({ label: TITLE });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/\/en\/glossary\/review\?article=/);
    await expect.poll(() => page.getByTestId('review-count').textContent()).toBe('2 open proposals');
    const items = page.getByTestId('review-item');
    const lemmas = await items.evaluateAll((list) => list.map((item) => (item as HTMLElement).dataset.lemma));
    expect(lemmas.sort()).toEqual([...TICKED].sort());
    const strategy = page.locator(`[data-testid=review-item][data-lemma="${TICKED[0]}"]`);
    await expect(strategy.textContent()).resolves.toContain('counter-drone strategy');
    await expect(strategy.textContent()).resolves.toContain('proposed by');
    await expect(strategy.getByRole('link', { name: TICKED[0] }).getAttribute('href')).resolves.toBe(
      `/en/glossary/${encodeURIComponent(TICKED[0]!)}/edit`,
    );

    // Another domain's filter leaves them out; an invalid filter value is dropped, not an error.
    await page.goto(
      `${appUrl}/en/glossary/review?domain=media&article=${new URL(page.url()).searchParams.get('article')}`,
    );
    await expect.poll(() => page.getByTestId('review-count').textContent()).toBe('No open proposals');
    const invalid = await admin.request.get(`${appUrl}/en/glossary/review?domain=cooking&proposer=%3Cx%3E`);
    expect(invalid.status()).toBe(200);
    await page.close();
    expect(problems).toEqual([]);
  });
});
