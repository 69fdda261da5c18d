import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { newLearnerContext } from './accounts';
import { callAction, SLUG } from './actions';
import { pageIn, useBrowser } from './browser';
import { withE2eDatabase } from './database';

// Review you can trust, as a new learner meets it (own fresh account, nothing shared is changed):
// the keys work on arrival, "Again" brings a card back in the same session, and the dashboard and the
// review page agree on what is due.
const appUrl = inject('appUrl');
const browser = useBrowser();

/** The data-testid of the focused element. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
const prompt = (page: Page) => page.getByTestId('review-prompt').textContent();
/** An instant as the app's SQLite adapter stores it (ISO 8601, "+00:00"), so that SQL compares it right. */
const stamp = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

describe('review', () => {
  test('keys work on arrival, Again brings the card back, and the dashboard agrees with the review page', async () => {
    const { context } = await newLearnerContext(browser(), appUrl, 'Rita Review');
    const { page, problems } = await pageIn(context);
    for (const lemma of ['Aussicht', 'Russland'])
      expect(
        (
          await callAction(appUrl, context.request, 'lib/vocabulary/actions.ts#saveWordAction', {
            articleSlug: SLUG,
            anchor: 'p1-s1',
            lemma,
            status: 'learning-1',
          })
        ).ok,
      ).toBe(true);

    // The dashboard of a new account: a welcome, not a welcome back; two words, one new card each.
    await page.goto(`${appUrl}/en/dashboard`, { waitUntil: 'networkidle' });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Welcome, Rita Review');
    await expect(page.getByTestId('due-today').textContent()).resolves.toContain('2 new cards waiting');

    // Arriving by the dashboard's link, focus is on the card: Space and the digits work without a click.
    await page.getByRole('link', { name: 'Start review' }).click();
    await page.waitForURL('**/en/review');
    await expect.poll(() => focused(page)).toBe('show-answer');
    await expect(page.getByTestId('review-summary').textContent()).resolves.toBe(
      'No cards due · 2 new cards · none reviewed today yet',
    );
    const first = await prompt(page);
    await page.keyboard.press('Space');
    await page.getByTestId('review-answer').waitFor();
    await expect.poll(() => focused(page)).toBe('review-answer');

    // Typing in a field is never a grade.
    await page.evaluate(() => {
      const field = document.createElement('input');
      field.id = 'typing';
      field.setAttribute('aria-label', 'typing');
      document.body.append(field);
      field.focus();
    });
    await page.keyboard.press('1');
    await expect(page.locator('#typing').inputValue()).resolves.toBe('1');
    await expect(page.getByTestId('review-progress').textContent()).resolves.toBe('Card 1 of 2');
    await page.evaluate(() => document.getElementById('typing')?.remove());

    // Again: the other word comes next, then the first comes back in the same session.
    await page.keyboard.press('1');
    await expect.poll(() => prompt(page)).not.toBe(first);
    await expect(page.getByTestId('review-progress').textContent()).resolves.toBe('Card 2 of 3');
    await expect.poll(() => focused(page)).toBe('show-answer');
    await page.keyboard.press('Space');
    await page.getByTestId('review-answer').waitFor();
    await page.keyboard.press('4'); // Easy: out of the learning steps, done for today
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toBe('Card 3 of 3');
    await expect(prompt(page)).resolves.toBe(first);
    // Good moves it to its next learning step; it keeps coming back until it leaves them.
    for (const [key, progress] of [
      ['3', 'Card 4 of 4'],
      ['3', null],
    ] as const) {
      await expect.poll(() => focused(page)).toBe('show-answer');
      await page.keyboard.press('Enter');
      await page.getByTestId('review-answer').waitFor();
      await page.keyboard.press(key);
      if (progress) await expect.poll(() => page.getByTestId('review-progress').textContent()).toBe(progress);
    }
    await page.getByTestId('review-done').waitFor();
    await expect(page.getByTestId('review-done').textContent()).resolves.toContain(
      'Done: you reviewed 4 cards.Nothing more is due today: come back tomorrow.',
    );

    // The review page and the dashboard say the same: nothing left today (the siblings wait for tomorrow).
    await page.reload({ waitUntil: 'networkidle' });
    await expect(page.getByTestId('review-summary').textContent()).resolves.toBe(
      'No cards due · no new cards · 4 reviewed today',
    );
    await page.goto(`${appUrl}/en/dashboard`, { waitUntil: 'networkidle' });
    await expect(page.getByTestId('due-today').textContent()).resolves.toBe(
      'Due todayNo cards dueNo new cards waitingAll done for today.',
    );

    // The next day (today's grades moved back a day): the words' English to German cards come, and
    // each says which German word it wants.
    const { user } = (await (await context.request.get(`${appUrl}/api/auth/get-session`)).json()) as {
      user: { id: string };
    };
    withE2eDatabase((database) => {
      const logs = database
        .prepare('SELECT id, "reviewedAt" AS at FROM "ReviewLog" WHERE "userId" = ?')
        .all(user.id) as {
        id: string;
        at: string;
      }[];
      const move = database.prepare('UPDATE "ReviewLog" SET "reviewedAt" = ? WHERE id = ?');
      for (const log of logs) move.run(stamp(Date.parse(log.at) - 86_400_000), log.id);
    });
    await page.goto(`${appUrl}/en/review`, { waitUntil: 'networkidle' });
    await expect(page.getByTestId('review-summary').textContent()).resolves.toBe(
      'No cards due · 2 new cards · none reviewed today yet',
    );
    await expect(page.getByTestId('review-card').getAttribute('data-direction')).resolves.toBe('en-de');
    await expect(page.getByTestId('review-cue').textContent()).resolves.toMatch(
      /^German noun( with article)?: starts with “A”, 8 letters$/,
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  test('in German: a welcome without "zurück", and the keys work after the header’s review link', async () => {
    const { context } = await newLearnerContext(browser(), appUrl, 'Rudi Neu');
    const { page, problems } = await pageIn(context);
    expect(
      (
        await callAction(appUrl, context.request, 'lib/vocabulary/actions.ts#saveWordAction', {
          articleSlug: SLUG,
          anchor: 'p1-s1',
          lemma: 'Aussicht',
          status: 'new',
        })
      ).ok,
    ).toBe(true);
    await page.goto(`${appUrl}/de/dashboard`, { waitUntil: 'networkidle' });
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Willkommen, Rudi Neu');
    // The header's link stays on the page (and had the focus, which kept the keys from working).
    await page.getByRole('link', { name: 'Wiederholen', exact: true }).click();
    await page.waitForURL('**/de/review');
    await expect.poll(() => focused(page)).toBe('show-answer');
    await page.keyboard.press('Space');
    await page.getByTestId('review-answer').waitFor();
    await page.keyboard.press('3');
    await expect.poll(() => page.getByTestId('review-progress').textContent()).toBe('Karte 2 von 2');
    expect(problems).toEqual([]);
    await context.close();
  });
});
