import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_TEACHER, E2E_ADMIN, signedInContext } from './accounts';
import { callAction } from './actions';
import { pageIn, useBrowser } from './browser';
import { withE2eDatabase } from './database';

// Proposals from an imported article (docs/decisions/033-term-proposals.md), end to end: the demo
// teacher imports an article, the editor's "Suggested terms" panel streams in after the page, two
// candidates are ticked (one English edited) and proposed; the admin, a glossary editor, finds both in
// the review queue, filtered by the article, each linking to its entry's editor page. Then the issue's
// whole journey: the teacher publishes the article; the editor approves one proposal with an edited
// definition and rejects the other with a reason; readers of the new article and of an older one that
// were open before highlight the approved term after a reload (no rebuild, no restart), and its page
// lists the occurrences in both. Afterwards the term is retired and the article unpublished again.
const appUrl = inject('appUrl');
const browser = useBrowser();
const TITLE = 'Drohnenabwehr im Haushalt';
const TEXT = [
  'Die Drohnenabwehrstrategie der Regierung ist umstritten.',
  'Der Militärdienst soll wieder attraktiver werden.',
  'Die neue Drohnenabwehrstrategie soll im Sommer vorgestellt werden.',
].join(' ');
/** The second also occurs in an older, seeded article (Politico's "Militärdienst"). */
const TICKED = ['Drohnenabwehrstrategie', 'Militärdienst'];
const OLDER = 'chinas-kalkulation-waffenlieferungen';
let slug = '';
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
  // The shared app as it was: the approved term retired, the article out of the library.
  const approved = withE2eDatabase(
    (database) =>
      database.prepare('SELECT id, version, status FROM "Term" WHERE lemma = ?').get(TICKED[1]) as
        { id: string; version: number; status: string } | undefined,
  );
  if (approved?.status === 'approved')
    await callAction(appUrl, admin.request, 'lib/glossary/actions.ts#retireTermAction', {
      id: approved.id,
      version: approved.version,
    });
  if (slug) await callAction(appUrl, teacher.request, 'lib/teach/actions.ts#unpublishAction', { slug });
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
    slug = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

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

  test('approved with an edited definition, the term is highlighted in open readers; the other is rejected', async () => {
    // The teacher publishes the article (machine drafts for the English).
    const editor = await newPage(teacher);
    await editor.goto(`${appUrl}/en/teach/articles/${encodeURIComponent(slug)}`, { waitUntil: 'networkidle' });
    await editor.getByTestId('machine-translate').click();
    await expect.poll(() => editor.getByTestId('editor-notice').textContent()).toMatch(/drafted by machine/);
    await editor.getByTestId('publish').click();
    await expect
      .poll(() => editor.getByTestId('publish-status').textContent(), { timeout: 60_000 })
      .toBe('Published. The article is now in the library.');
    await editor.close();

    // Two readers open before the approval: neither highlights the proposal.
    const reader = await browser().newContext();
    const readers = await Promise.all(
      [slug, OLDER].map(async (article) => {
        const { page } = await pageIn(reader);
        await page.goto(`${appUrl}/en/articles/${article}`);
        await page.getByTestId('reader').waitFor();
        await expect(page.locator(`[data-term="${TICKED[1]}"]`).count()).resolves.toBe(0);
        return page;
      }),
    );

    // The editor checks the fields, edits the definition and approves in one step.
    const page = await newPage(admin);
    await page.goto(`${appUrl}/en/glossary/${encodeURIComponent(TICKED[1]!)}/edit`);
    await expect(page.getByTestId('term-status-value').textContent()).resolves.toBe('proposed');
    await page.getByTestId('term-fill').click();
    await page.getByText('Filled from the lemma table').waitFor();
    const definition = 'Service in the armed forces, compulsory or voluntary.';
    await page.getByLabel('Definition in English').fill(definition);
    await page.getByLabel('Definition in German').fill('Der Dienst in den Streitkräften, als Pflicht oder freiwillig.');
    await page.getByLabel('Source', { exact: true }).fill('DWDS');
    await page.getByTestId('term-approve').click();
    await page.getByTestId('term-status-value').filter({ hasText: 'approved' }).waitFor();

    // The other is rejected with a reason, which stays with it.
    await page.goto(`${appUrl}/en/glossary/${encodeURIComponent(TICKED[0]!)}/edit`);
    await page.getByLabel('Why is it rejected?').fill('Too specific: a single strategy paper, not a term.');
    await page.getByTestId('term-reject').click();
    await page.getByTestId('term-status-value').filter({ hasText: 'rejected' }).waitFor();
    await expect(page.getByTestId('term-rejection-reason').textContent()).resolves.toContain('Too specific');

    // Both open readers highlight it after a reload; the rejected one nowhere.
    for (const open of readers) {
      await expect
        .poll(async () => {
          await open.reload();
          return open.locator(`[data-term="${TICKED[1]}"]`).count();
        })
        .toBeGreaterThan(0);
      await expect(open.locator(`[data-term="${TICKED[0]}"]`).count()).resolves.toBe(0);
    }
    await reader.close();

    // Its page shows the edited definition and the occurrences in both articles.
    await page.goto(`${appUrl}/en/glossary/${encodeURIComponent(TICKED[1]!)}`);
    await expect(page.getByTestId('term-page').textContent()).resolves.toContain(definition);
    const links = await page
      .locator('[data-testid=term-page] a[href*="/en/articles/"]')
      .evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/')[3]));
    expect(new Set(links)).toEqual(new Set([slug, OLDER]));
    expect((await admin.request.get(`${appUrl}/en/glossary/${encodeURIComponent(TICKED[0]!)}`)).status()).toBe(404);
    await page.close();
    expect(problems).toEqual([]);
  });
});
