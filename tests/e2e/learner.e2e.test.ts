import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { newLearnerContext } from './accounts';
import { openPage, pageIn, useBrowser } from './browser';

// The learner's main flow, as a new user would take it: sign up, save three words from the reader
// (one by keyboard), see the colours change, review them, export CSV — and delete the account.
const appUrl = inject('appUrl');
const ARTICLE = `${appUrl}/en/articles/chinas-kalkulation-waffenlieferungen`;
const browser = useBrowser();

/** The coloured word span of `word` in the German sentence `anchor` (first one). */
const wordIn = (page: Page, anchor: string, word: string) =>
  page.locator(`[id="${anchor}"] .w`, { hasText: new RegExp(`^${word}$`) }).first();
const statusOf = (page: Page, anchor: string, word: string) => wordIn(page, anchor, word).getAttribute('data-status');

async function openWordCard(page: Page, anchor: string, word: string) {
  await wordIn(page, anchor, word).click();
  await page.getByTestId('status-picker').waitFor();
}

describe('a new learner', () => {
  test('signs up, saves three words (one by keyboard), sees colours change, reviews them, exports CSV and deletes the account', async () => {
    const { page, problems } = await openPage(browser());
    const email = `new-learner-${Date.now()}@example.test`;

    // Sign up from the reader's "sign in to save" hint: the account page flow comes back to the article.
    await page.goto(ARTICLE, { waitUntil: 'networkidle' });
    await page.locator('[id="p1-s1"]').click({ position: { x: 20, y: 10 } });
    await page.getByTestId('word-popover').waitFor();
    await expect(page.getByRole('link', { name: 'Sign in to save this word' }).count()).resolves.toBe(1);
    await page.goto(
      `${appUrl}/en/sign-up?next=${encodeURIComponent('/en/articles/chinas-kalkulation-waffenlieferungen')}`,
      { waitUntil: 'networkidle' },
    );
    await page.locator('#name').fill('Nora Neu');
    await page.locator('#email').fill(email);
    await page.locator('#password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.locator('#password-error').textContent()).resolves.toBe('Use at least 10 characters.');
    await page.locator('#password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/en/articles/chinas-kalkulation-waffenlieferungen');
    await page.getByTestId('coverage').waitFor();
    await expect(page.getByTestId('coverage').textContent()).resolves.toBe('You know 0% of the words');
    await expect(page.getByTestId('user-menu').textContent()).resolves.toContain('Nora Neu');

    // Three words: two by click, one by keyboard (Enter on the sentence, pick the word, then "1").
    expect(await statusOf(page, 'p1-s1', 'Aussicht')).toBe('unknown');
    await openWordCard(page, 'p1-s1', 'Aussicht');
    await page.getByTestId('status-picker').getByRole('button', { name: 'New', exact: true }).click();
    await expect.poll(() => statusOf(page, 'p1-s1', 'Aussicht')).toBe('new');
    await page.keyboard.press('Escape');

    await openWordCard(page, 'p1-s1', 'Russland');
    await page
      .getByTestId('status-picker')
      .getByRole('button', { name: /Learning 2/ })
      .click();
    await expect.poll(() => statusOf(page, 'p1-s1', 'Russland')).toBe('learning-2');
    await page.keyboard.press('Escape');

    await page.locator('[id="p2-s1"]').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('words-popover').getByRole('button', { name: 'Informationen', exact: true }).first().click();
    await page.getByTestId('status-picker').waitFor();
    await page.keyboard.press('1');
    await expect.poll(() => statusOf(page, 'p2-s1', 'Informationen')).toBe('learning-1');
    await expect(
      page
        .getByTestId('status-picker')
        .getByRole('button', { name: /Learning 1/ })
        .getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await page.keyboard.press('Escape');

    // Colours: every inflected form of a saved lemma takes its colour; unknown words look different.
    const colour = (anchor: string, word: string) =>
      wordIn(page, anchor, word).evaluate((el) => getComputedStyle(el).backgroundColor);
    const unknown = await colour('p1-s1', 'nach');
    expect(await colour('p1-s1', 'Aussicht')).not.toBe(unknown);
    expect(await colour('p1-s1', 'Russland')).not.toBe(await colour('p1-s1', 'Aussicht'));
    expect(await colour('p2-s1', 'Informationen')).not.toBe(unknown);

    // They are stored: a reload shows the same statuses.
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByTestId('coverage').waitFor();
    await expect.poll(() => statusOf(page, 'p1-s1', 'Russland')).toBe('learning-2');
    expect(await statusOf(page, 'p2-s1', 'Informationen')).toBe('learning-1');

    // Review: one card of each of the three words today (their siblings wait for tomorrow), graded
    // Good by keyboard (Space shows the answer); a new card graded Good comes back once from its
    // learning step in the same session.
    await page.goto(`${appUrl}/en/review`, { waitUntil: 'networkidle' });
    const progress = page.getByTestId('review-progress');
    const done = page.getByTestId('review-done');
    const prompts: string[] = [];
    for (let i = 1; i <= 20; i++) {
      await expect
        .poll(async () => ((await done.count()) > 0 ? 'done' : await progress.textContent()))
        .toMatch(new RegExp(`^(done|Card ${i} of \\d+)$`));
      if ((await done.count()) > 0) break;
      prompts.push((await page.getByTestId('review-prompt').textContent()) ?? '');
      await page.keyboard.press('Space');
      await page.getByTestId('review-answer').waitFor();
      await page.keyboard.press('3');
    }
    await done.waitFor();
    expect(prompts).toHaveLength(6);
    expect(new Set(prompts).size).toBe(3);
    expect(prompts.some((p) => p.includes('Aussicht'))).toBe(true);

    // The dashboard counts today's reviews and starts a streak.
    await page.goto(`${appUrl}/en/dashboard`, { waitUntil: 'networkidle' });
    await expect(page.getByTestId('streak').textContent()).resolves.toContain('1 day');
    await expect(page.getByTestId('reviews-today').textContent()).resolves.toMatch(
      new RegExp(`^${prompts.length} reviews today, \\d+ (seconds?|minutes?) of study$`),
    );
    await expect(page.getByTestId('status-bars').textContent()).resolves.toMatch(
      /New.*1.*Learning 1.*1.*Learning 2.*1/s,
    );
    await page.getByTestId('known-chart').locator('svg').first().waitFor();

    // Export CSV: the three words with their context.
    const csv = await page.request.get(`${appUrl}/api/vocabulary/export?format=csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = await csv.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/^lemma,status,translation/);
    expect(lines.filter((line) => /^(Aussicht|Russland|Information),/.test(line))).toHaveLength(3);
    expect(text).toContain('learning-2');

    // At the end of the article: every word not saved yet becomes known; words being learned stay.
    await page.goto(ARTICLE, { waitUntil: 'networkidle' });
    await page.getByTestId('coverage').waitFor();
    await page
      .getByTestId('mark-remaining')
      .getByRole('button', { name: /Mark all \d+ remaining words as known/ })
      .click();
    await page.getByRole('button', { name: 'Yes, mark them' }).click();
    await expect
      .poll(() => page.getByTestId('mark-remaining').getByRole('status').textContent())
      .toMatch(/\d+ words marked as known\./);
    const coverage = async () => Number(/(\d+)%/.exec((await page.getByTestId('coverage').textContent()) ?? '')?.[1]);
    await expect.poll(coverage).toBeGreaterThanOrEqual(95);
    const percent = await coverage();
    expect(percent).toBeLessThan(100);
    expect(await statusOf(page, 'p1-s1', 'nach')).toBe('known');
    expect(await statusOf(page, 'p1-s1', 'Russland')).toBe('learning-2');

    // Leaving: the account is deleted only with its password, and then it is gone for good.
    await page.goto(`${appUrl}/en/account`, { waitUntil: 'networkidle' });
    const deletion = page.getByTestId('delete-account-form');
    await deletion.locator('#delete-password').fill('not my password');
    await deletion.getByRole('button', { name: 'Delete my account' }).click();
    await expect(deletion.locator('#delete-password-error').textContent()).resolves.toBe(
      'The current password is not right.',
    );
    await expect(page.url()).toBe(`${appUrl}/en/account`);
    await deletion.locator('#delete-password').fill('a long enough password');
    await deletion.getByRole('button', { name: 'Delete my account' }).click();
    await page.waitForURL(`${appUrl}/en`);
    await expect((await page.request.get(`${appUrl}/api/vocabulary/export?format=csv`)).status()).toBe(401);
    const signIn = await page.request.post(`${appUrl}/api/auth/sign-in/email`, {
      data: { email, password: 'a long enough password' },
      headers: { origin: appUrl, 'x-forwarded-for': '198.51.100.251' },
    });
    expect(signIn.status()).toBe(401);
    expect(problems).toEqual([]);
  });

  test('a new account in Berlin is offered the browser’s time zone for its review day, and keeps it', async () => {
    const { context } = await newLearnerContext(browser(), appUrl, 'Berta Berlin', 'learner', 'Europe/Berlin');
    const { page, problems } = await pageIn(context);
    await page.goto(`${appUrl}/en/account`, { waitUntil: 'networkidle' });
    await expect(page.locator('#time-zone').inputValue()).resolves.toBe('UTC');
    await page.getByTestId('use-browser-zone').click();
    await expect(page.locator('#time-zone').inputValue()).resolves.toBe('Europe/Berlin');
    await expect(page.getByTestId('use-browser-zone').count()).resolves.toBe(0);
    await page.getByTestId('learner-settings').getByRole('button', { name: 'Save review settings' }).click();
    await expect.poll(() => page.getByTestId('learner-settings').getByRole('status').textContent()).not.toBe('');
    await page.reload({ waitUntil: 'networkidle' });
    await expect(page.locator('#time-zone').inputValue()).resolves.toBe('Europe/Berlin');
    expect(problems).toEqual([]); // no hydration mismatch although the server does not know the zone
    await context.close();
  });
});
