import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { newLearnerContext, newTeacherContext } from './accounts';
import { chooseArticle, pageIn, seriousViolations, useBrowser } from './browser';

// Issue 18, quizzes a German teacher trusts and the assignment side of the teacher's workflow, with
// fresh accounts of its own: the focus-term picker (filter, all, none) and a form that empties itself
// after creating; the assignment page without the terms' English and with the quiz closed until the
// article is read; the reader marking the focus terms, with "Mark as done" after the article; the quiz
// taking "der Verbündete" and "ein Verbündeter" as right and hinting at a missing umlaut; the share read
// on the teacher's assignment card.
const appUrl = inject('appUrl');
const browser = useBrowser();
const SLUG = 'china-hilft-russland-aufruestung';
const STAMP = Date.now();
const CLASS_NAME = `Quiz class ${STAMP}`;
const FOCUS = ['Streitkräfte', 'Verbündeter'];

let teacher: BrowserContext;
let student: BrowserContext;
const made = { classId: '', joinCode: '', assignmentId: '' };

async function expectAccessible(page: Page, what: string) {
  expect(await seriousViolations(page), what).toEqual([]);
}

beforeAll(async () => {
  teacher = await newTeacherContext(browser(), appUrl, 'Quiz Teacher');
  student = (await newLearnerContext(browser(), appUrl, 'Quiz Student')).context;
});

afterAll(async () => {
  await Promise.all([teacher?.close(), student?.close()]);
});

describe('quiz and assignment workflow', () => {
  test('the focus-term picker filters and selects all or none; the form empties itself after creating', async () => {
    const { page, problems } = await pageIn(teacher);
    await page.goto(`${appUrl}/en/classes`, { waitUntil: 'networkidle' });
    await page.locator('#class-name').fill(CLASS_NAME);
    await page.getByRole('button', { name: 'Create class' }).click();
    await page.getByRole('link', { name: CLASS_NAME }).click();
    await page.waitForURL(/\/en\/classes\/[^/]+$/);
    made.classId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.getByTestId('join-code').waitFor();
    made.joinCode = (await page.getByTestId('join-code').textContent())!.trim();

    const form = page.getByTestId('assignment-form');
    await chooseArticle(form, 'Moskau', SLUG);
    const boxes = form.getByTestId('focus-terms').locator('input[type=checkbox]');
    await boxes.first().waitFor();
    const total = await boxes.count();
    expect(total).toBeGreaterThan(FOCUS.length);
    const count = form.getByTestId('focus-terms-count');
    await expect(count.textContent()).resolves.toBe(`${total} of ${total} terms chosen.`);

    // None, then a search (without umlauts, by the German or the English) and "all shown" for each focus term.
    await form.getByTestId('focus-terms-none').click();
    await expect.poll(() => count.textContent()).toBe(`0 of ${total} terms chosen.`);
    const filter = form.getByTestId('focus-terms-filter');
    await filter.fill('streitkrafte');
    await expect.poll(() => boxes.count()).toBe(1);
    await expect(form.getByTestId('focus-terms-all').textContent()).resolves.toBe('Select all shown');
    await form.getByTestId('focus-terms-all').click();
    await filter.fill('ALLY');
    await expect
      .poll(() => boxes.evaluateAll((inputs) => inputs.map((i) => i.getAttribute('data-lemma'))))
      .toEqual(['Verbündeter']);
    await filter.press('Enter'); // narrows, never submits
    await form.getByTestId('focus-terms-all').click();
    await filter.fill('kein solcher Begriff');
    await form.getByTestId('focus-terms-no-match').waitFor();
    await filter.fill('');
    await expect.poll(() => boxes.count()).toBe(total);
    await expect(count.textContent()).resolves.toBe(`2 of ${total} terms chosen.`);
    const checked = await boxes.evaluateAll((inputs) =>
      inputs.filter((i) => (i as HTMLInputElement).checked).map((i) => i.getAttribute('data-lemma')),
    );
    expect(checked.sort()).toEqual(FOCUS);
    await expectAccessible(page, 'assignment form with the picker (en)');

    await form.locator('#assignment-instructions').fill('Read it, then take the quiz.');
    await form.getByRole('button', { name: 'Assign' }).click();
    await page.getByTestId('teacher-assignment').waitFor();
    await expect
      .poll(() => form.getByTestId('assignment-form-status').textContent())
      .toMatch(/^Assignment created: .+\. The form is ready for the next one\.$/);
    // Emptied, and ready for the next one: no article, no instructions, no terms; the article select has focus.
    await expect(form.locator('#assignment-article').inputValue()).resolves.toBe('');
    await expect(form.locator('#assignment-instructions').inputValue()).resolves.toBe('');
    await expect(form.getByTestId('focus-terms').locator('input[type=checkbox]').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('assignment-article');
    await expect(page.getByTestId('card-focus-terms').textContent()).resolves.toContain('Verbündeter');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the quiz opens after reading; focus terms are marked in the reader; "Mark as done" ends the article', async () => {
    const { page, problems } = await pageIn(student);
    await page.goto(`${appUrl}/en/classes`, { waitUntil: 'networkidle' });
    await page.locator('#join-code').fill(made.joinCode);
    await page.getByTestId('join-submit').click();
    await page.getByTestId('class-card').filter({ hasText: CLASS_NAME }).waitFor();
    await page.goto(`${appUrl}/en/assignments`, { waitUntil: 'networkidle' });
    const mine = page.getByTestId('my-assignment').filter({ hasText: CLASS_NAME });
    await mine.getByRole('link').first().click();
    await page.waitForURL(/\/en\/assignments\/[^/]+$/);
    made.assignmentId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    // The focus terms without their English (the answers of the English→German items); the quiz closed.
    const list = page.getByTestId('focus-term-list');
    expect((await list.locator('li').allTextContents()).map((s) => s.trim()).sort()).toEqual(FOCUS);
    await expect(list.textContent()).resolves.not.toMatch(/ally|armed forces/i);
    await page.getByTestId('quiz-locked').waitFor();
    await expect(page.getByTestId('quiz-form').count()).resolves.toBe(0);
    await expectAccessible(page, 'assignment, quiz closed (en)');

    // The reader marks the focus terms, and only them, with a legend. Paragraphs on screen go out as seen.
    const seen = new Set<number>();
    page.on('request', (request) => {
      if (!request.url().includes('/api/assignments/') || request.method() !== 'POST') return;
      const body = JSON.parse(request.postData() ?? '{}') as { events?: { kind: string; paragraph?: number }[] };
      for (const event of body.events ?? []) if (event.kind === 'seen') seen.add(event.paragraph!);
    });
    await page.getByTestId('read-link').click();
    await page.waitForURL(`**/en/articles/${SLUG}?assignment=*`);
    await page.getByTestId('focus-legend').waitFor();
    await expect(page.getByTestId('focus-legend').textContent()).resolves.toContain(
      "The assignment's 2 focus terms are marked in blue with a double underline.",
    );
    const marked = page.locator('.reader-body button.term--focus');
    await expect.poll(() => marked.count()).toBeGreaterThan(1);
    expect(new Set(await marked.evaluateAll((els) => els.map((el) => el.getAttribute('data-term'))))).toEqual(
      new Set(FOCUS),
    );
    const others = page.locator('.reader-body button.term:not(.term--focus)');
    expect(await others.count()).toBeGreaterThan(0);
    expect(await others.evaluateAll((els) => els.filter((el) => el.hasAttribute('data-focus')).length)).toBe(0);
    await expectAccessible(page, 'reader with focus terms (en)');

    // "Mark as done" sits after the article's last paragraph, not in the bar at the top.
    await expect(page.getByTestId('assignment-bar').getByTestId('tracker-mark-done').count()).resolves.toBe(0);
    const done = page.getByTestId('assignment-end').getByTestId('tracker-mark-done');
    const below = await page.evaluate(() => {
      const paragraphs = document.querySelectorAll('.reader-body .para');
      const last = paragraphs[paragraphs.length - 1]!.getBoundingClientRect();
      const end = document.querySelector('[data-testid="assignment-end"]')!.getBoundingClientRect();
      return end.top >= last.bottom;
    });
    expect(below).toBe(true);
    // The first screen's paragraphs reach the server as seen (batches every 5 s), then the end.
    await expect.poll(() => seen.size, { timeout: 20_000 }).toBeGreaterThan(0);
    // Marked done right after scrolling to the end: the last paragraph, on screen, counts as read.
    const paragraphs = await page.locator('.reader-body .para').count();
    await done.scrollIntoViewIfNeeded();
    await done.click();
    await page.getByTestId('tracker-done').waitFor();
    expect(seen.has(paragraphs - 1), [...seen].join(',')).toBe(true);

    // The quiz, open now: the adjectival noun in two forms an article allows, and an umlaut left out.
    await page.getByTestId('tracker-to-assignment').click();
    await page.waitForURL(/\/en\/assignments\/[^/#]+#quiz$/);
    await page.getByTestId('quiz-form').waitFor();
    const enDe = (english: string) =>
      page
        .locator('[data-testid=quiz-item][data-kind=en-de]')
        .filter({ has: page.getByTestId('quiz-prompt').filter({ hasText: new RegExp(`^${english}$`) }) });
    await enDe('ally').locator('input').fill('der Verbündete');
    await enDe('armed forces').locator('input').fill('die Streitkrafte');
    await page.getByTestId('quiz-submit').click();
    await page.getByTestId('quiz-result').waitFor();
    const resultOf = (english: string) =>
      page
        .getByTestId('quiz-result-item')
        .filter({ has: page.locator('.quiz-item__prompt').filter({ hasText: new RegExp(`^${english}$`) }) });
    const verdictOf = (english: string) => resultOf(english).getAttribute('data-verdict');
    await expect(verdictOf('ally')).resolves.toBe('correct');
    await expect(verdictOf('armed forces')).resolves.toBe('near-umlaut');
    await expect(resultOf('armed forces').textContent()).resolves.toContain('Almost: check the umlauts');
    await expectAccessible(page, 'quiz results (en)');

    // Again: the indefinite form is as right, and ae/oe/ue stand for the umlauts.
    await page.getByRole('button', { name: 'Try again' }).click();
    await enDe('ally').locator('input').fill('ein Verbündeter');
    await enDe('armed forces').locator('input').fill('die Streitkraefte');
    await page.getByTestId('quiz-submit').click();
    await page.getByTestId('quiz-result').waitFor();
    await expect(verdictOf('ally')).resolves.toBe('correct');
    await expect(verdictOf('armed forces')).resolves.toBe('correct');

    // No gap sentence shows another question's answer.
    await page.goto(`${appUrl}/de/assignments/${made.assignmentId}`, { waitUntil: 'networkidle' });
    const prompts = await page
      .locator('[data-testid=quiz-item][data-kind=cloze] [data-testid=quiz-prompt]')
      .allTextContents();
    for (const prompt of prompts) expect(prompt).not.toMatch(/Verbündete|Streitkräfte/);
    await expectAccessible(page, 'assignment + quiz (de)');
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  test("the teacher's assignment card shows how far the class has read", async () => {
    const { page, problems } = await pageIn(teacher);
    await page.goto(`${appUrl}/en/classes/${made.classId}`, { waitUntil: 'networkidle' });
    const reading = page.getByTestId('teacher-assignment').getByTestId('card-reading');
    await expect(reading.textContent()).resolves.toMatch(/^\d+% read on average · 1 of 1 student done$/);
    expect(Number(await reading.getAttribute('data-share'))).toBeGreaterThan(0);
    await page.goto(`${appUrl}/de/classes/${made.classId}`, { waitUntil: 'networkidle' });
    await expect(page.getByTestId('teacher-assignment').getByTestId('card-reading').textContent()).resolves.toMatch(
      /^Im Schnitt \d+\s% gelesen · 1 von 1 Lernenden fertig$/,
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});
