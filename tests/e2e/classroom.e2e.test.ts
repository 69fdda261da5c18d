import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { formatLongDate } from '@/lib/format';
import { DEMO_TEACHER, newLearnerContext, newTeacherContext, signedInContext } from './accounts';
import { pageIn, seriousViolations, useBrowser } from './browser';

// Issue 6, end to end: a teacher creates a class and assigns an article with focus terms; a new
// student joins with the code, reads (progress events), looks a term up, marks the assignment done
// and takes the quiz; the teacher's class page shows status, reading time, score and the looked-up
// term, and the CSV export has the student's row; the teacher edits the class and the assignment.
// Then who may see what, and axe on every page.
const appUrl = inject('appUrl');
const browser = useBrowser();
const SLUG = 'chinas-kalkulation-waffenlieferungen';
const STAMP = Date.now();
const CLASS_NAME = `E2E class ${STAMP}`;
const STUDENT_NAME = `Student ${STAMP}`;
// Always ahead (no test turns overdue with the calendar), and in winter: Berlin is UTC+1 then.
const DUE_YEAR = new Date().getUTCFullYear() + 1;
const DUE_IN_BERLIN = `${DUE_YEAR}-01-15T18:00`;
const DUE_UTC = `${DUE_YEAR}-01-15T17:00:00.000Z`;

let teacher: BrowserContext;
let student: BrowserContext;
let outsider: BrowserContext;
let otherTeacher: BrowserContext;
let anonymous: BrowserContext;
const made = { classId: '', assignmentId: '', joinCode: '', unchecked: '', lookedUp: '' };

async function expectAccessible(page: Page, what: string) {
  expect(await seriousViolations(page), what).toEqual([]);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

beforeAll(async () => {
  // The teacher works in Berlin; the student's browser is in UTC: each sees the due date in their own zone.
  teacher = await signedInContext(browser(), appUrl, DEMO_TEACHER, 'Europe/Berlin');
  student = (await newLearnerContext(browser(), appUrl, STUDENT_NAME, 'learner', 'UTC')).context;
  outsider = (await newLearnerContext(browser(), appUrl, 'Outsider')).context;
  otherTeacher = await newTeacherContext(browser(), appUrl, 'Other Teacher');
  anonymous = await browser().newContext();
});

afterAll(async () => {
  await Promise.all([teacher?.close(), student?.close(), outsider?.close(), otherTeacher?.close(), anonymous?.close()]);
});

describe('classroom', () => {
  test('teacher creates a class and an assignment with focus terms; the join code is shown', async () => {
    const { page, problems } = await pageIn(teacher);
    await page.goto(`${appUrl}/en/classes`, { waitUntil: 'networkidle' });
    await expect(page.getByTestId('user-menu').getByRole('link', { name: 'Classes' }).count()).resolves.toBe(1);
    await page.locator('#class-name').fill(CLASS_NAME);
    await page.locator('#class-description').fill('Reading group');
    await page.getByRole('button', { name: 'Create class' }).click();
    await page.getByRole('link', { name: CLASS_NAME }).click();
    await page.waitForURL(/\/en\/classes\/[^/]+$/);
    made.classId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.getByTestId('join-code').waitFor();
    made.joinCode = (await page.getByTestId('join-code').textContent())!.trim();
    expect(made.joinCode).toMatch(/^[A-Z0-9]{8}$/);
    await expect.poll(() => page.getByTestId('join-link').textContent()).toBe(`${appUrl}/en/join/${made.joinCode}`);

    // The assignment: the article found by its English title and chosen with the keyboard (Enter
    // chooses, never submits), focus terms loaded for it (all checked), one unchecked.
    const search = page.locator('#assignment-article');
    await search.fill('CALCULUS on arming');
    const options = page.getByRole('listbox').getByRole('option');
    await options.first().waitFor();
    await expect(search.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect.poll(() => page.getByTestId('article-search-status').textContent()).toMatch(/^\d+ articles? found\.$/);
    await expectAccessible(page, 'class page, article search open (en)');
    const position = await options.evaluateAll(
      (items, slug) => items.findIndex((item) => item.getAttribute('data-slug') === slug),
      SLUG,
    );
    expect(position).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= position; i++) await search.press('ArrowDown');
    const chosen = options.nth(position);
    await expect(chosen.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(search.getAttribute('aria-activedescendant')).resolves.toBe(await chosen.getAttribute('id'));
    await search.press('Enter');
    await expect.poll(() => search.inputValue()).toBe('Chinas Kalkulation, Russland mit Waffen zu beliefern');
    await expect(search.getAttribute('aria-expanded')).resolves.toBe('false');
    const boxes = page.getByTestId('focus-terms').locator('input[type=checkbox]');
    await boxes.first().waitFor();
    const count = await boxes.count();
    expect(count).toBeGreaterThan(3);
    expect(await boxes.evaluateAll((inputs) => inputs.every((i) => (i as HTMLInputElement).checked))).toBe(true);
    made.unchecked = (await boxes.last().getAttribute('data-lemma'))!;
    await boxes.last().uncheck();
    await page.locator('#assignment-instructions').fill('Read the whole article and learn the focus terms.');
    await page.locator('#assignment-due').fill(DUE_IN_BERLIN);
    await page.getByRole('button', { name: 'Assign' }).click();
    await page.getByTestId('teacher-assignment').waitFor();
    const due = page.getByTestId('teacher-assignment').locator('time');
    await expect(due.getAttribute('datetime')).resolves.toBe(DUE_UTC);
    await expect.poll(() => due.textContent()).toBe(`Jan 15, ${DUE_YEAR}, 06:00 PM GMT+1`);
    await expect(page.getByTestId('teacher-assignment').textContent()).resolves.toContain('Read the whole article');
    await expect(page.getByTestId('teacher-assignment').textContent()).resolves.not.toContain(made.unchecked);
    await expectAccessible(page, 'class page (en)');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a new student joins with the code, reads, looks a term up, marks done and takes the quiz', async () => {
    const { page, problems } = await pageIn(student);
    await page.goto(`${appUrl}/en/classes`, { waitUntil: 'networkidle' });
    await expect(page.getByTestId('user-menu').getByRole('link', { name: 'Classes' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'classes page, student (en)');
    await page.locator('#join-code').fill(made.joinCode.toLowerCase().replace(/(.{4})/, '$1-'));
    await page.getByTestId('join-submit').click();
    await page.getByTestId('class-card').filter({ hasText: CLASS_NAME }).waitFor();

    // My assignments: not started yet.
    await page.getByTestId('user-menu').getByRole('link', { name: 'Assignments' }).click();
    await page.waitForURL('**/en/assignments');
    const mine = page.getByTestId('my-assignment').filter({ hasText: CLASS_NAME });
    await expect(mine.getAttribute('data-status')).resolves.toBe('not-started');
    await expect(mine.getByTestId('assignment-status').textContent()).resolves.toBe('Not started');
    await expect.poll(() => mine.locator('time').textContent()).toBe(`Jan 15, ${DUE_YEAR}, 05:00 PM UTC`);
    await expectAccessible(page, 'my assignments (en)');
    await mine.getByRole('link').click();
    await page.waitForURL(/\/en\/assignments\/[^/]+$/);
    made.assignmentId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const focus = (await page.getByTestId('focus-term-list').locator('li').allTextContents()).map((s) => s.trim());
    expect(focus.length).toBeGreaterThan(2);
    expect(focus).not.toContain(made.unchecked);

    // The reader, for the assignment: progress goes out in batches, each accepted.
    const statuses: number[] = [];
    const seen = new Set<number>();
    page.on('response', (response) => {
      if (response.url().includes(`/api/assignments/`) && response.request().method() === 'POST')
        statuses.push(response.status());
    });
    page.on('request', (request) => {
      if (!request.url().includes(`/api/assignments/`) || request.method() !== 'POST') return;
      const body = JSON.parse(request.postData() ?? '{}') as { events?: { kind: string; paragraph?: number }[] };
      for (const event of body.events ?? []) if (event.kind === 'seen') seen.add(event.paragraph!);
    });
    await page.getByTestId('read-link').click();
    await page.waitForURL(`**/en/articles/${SLUG}?assignment=*`);
    await page.getByTestId('assignment-bar').waitFor();
    await expect(page.getByTestId('assignment-bar').textContent()).resolves.toContain(CLASS_NAME);
    await expect.poll(() => statuses.length).toBeGreaterThan(0);
    const sentences = await page.locator('.de').allTextContents();

    // Scroll through the article, a screen at a time. A paragraph counts as seen after a second on
    // screen, by the page's clock: each screen stays for that long after it has been painted.
    const atBottom = () => page.evaluate(() => window.scrollY + window.innerHeight >= document.body.scrollHeight - 5);
    for (let i = 0; i < 40 && !(await atBottom()); i++) {
      const scrollY = await page.evaluate(() => window.scrollY);
      await page.mouse.move(400 + (i % 5) * 10, 400);
      await page.mouse.wheel(0, 650);
      await page.waitForFunction((before) => window.scrollY > before, scrollY);
      await page.evaluate(
        () =>
          new Promise((resolve) =>
            requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 1_200))),
          ),
      );
    }
    // However slow the machine, the last screen stays: paragraphs reach the server as seen (batches every 5 s).
    await expect.poll(() => seen.size).toBeGreaterThan(0);

    // A focus term's card opens (a lookup).
    for (const lemma of focus) {
      const button = page.locator(`button.term[data-term="${lemma}"]`).first();
      if (await button.count()) {
        made.lookedUp = lemma;
        await button.scrollIntoViewIfNeeded();
        await button.click();
        break;
      }
    }
    expect(made.lookedUp).not.toBe('');
    await page.getByTestId('term-popover').waitFor();
    await page.keyboard.press('Escape');

    await page.getByTestId('tracker-mark-done').click();
    await page.getByTestId('tracker-done').waitFor();
    expect(statuses.length).toBeGreaterThan(1);
    expect(
      statuses.every((status) => status === 200),
      statuses.join(','),
    ).toBe(true);

    // The assignment page: done, and the quiz. One right, one with a wrong ending, one wrong.
    await page.getByTestId('tracker-to-assignment').click();
    await page.waitForURL(/\/en\/assignments\/[^/#]+#quiz$/);
    await page.getByTestId('quiz-form').waitFor();
    await expect(
      page.getByTestId('assignment-page').getByTestId('assignment-status').first().textContent(),
    ).resolves.toBe('Done');
    await expect(page.getByTestId('marked-done').count()).resolves.toBe(1);
    await expectAccessible(page, 'assignment + quiz (en)');

    const items = page.getByTestId('quiz-item');
    const answers: { index: number; given: string; verdict: string }[] = [];
    const itemCount = await items.count();
    expect(itemCount).toBeGreaterThan(2);
    // A cloze's answer is the blanked word of the article's sentence (read in the reader above).
    const clozeAnswer = (prompt: string): string | null => {
      const pattern = new RegExp(
        `^${prompt
          .split('_____')
          .map((part) => escapeRegExp(part))
          .join('(.+?)')}$`,
        'u',
      );
      for (const sentence of sentences) {
        const match = pattern.exec(sentence);
        if (match) return match[1]!;
      }
      return null;
    };
    for (let index = 0; index < itemCount && answers.length < 2; index++) {
      if ((await items.nth(index).getAttribute('data-kind')) !== 'cloze') continue;
      const surface = clozeAnswer((await items.nth(index).getByTestId('quiz-prompt').textContent()) ?? '');
      if (!surface || /\s/.test(surface) || surface.length < 4) continue;
      answers.push(
        answers.length === 0
          ? { index, given: surface, verdict: 'correct' }
          : { index, given: `${surface}e`, verdict: 'near-ending' },
      );
    }
    expect(answers.length).toBe(2);
    const wrongIndex = [...Array(itemCount).keys()].find((i) => !answers.some((a) => a.index === i))!;
    answers.push({ index: wrongIndex, given: 'Quatschwort', verdict: 'wrong' });
    for (const answer of answers) await items.nth(answer.index).locator('input').fill(answer.given);
    await page.getByTestId('quiz-submit').click();
    await page.getByTestId('quiz-result').waitFor();
    await expect(page.getByTestId('quiz-score').textContent()).resolves.toBe(`You scored 1 of ${itemCount}.`);
    const verdicts = await page
      .getByTestId('quiz-result-item')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-verdict')));
    for (const answer of answers) expect(verdicts[answer.index], answer.given).toBe(answer.verdict);
    const wrongItem = page.getByTestId('quiz-result-item').nth(answers[1]!.index);
    await expect(wrongItem.textContent()).resolves.toContain('Expected');
    await expectAccessible(page, 'quiz results (en)');

    await page.goto(`${appUrl}/de/assignments/${made.assignmentId}`, { waitUntil: 'networkidle' });
    await expect(page.getByTestId('best-score').textContent()).resolves.toBe(`1 / ${itemCount}`);
    await expectAccessible(page, 'assignment + quiz (de)');
    await page.goto(`${appUrl}/de/assignments`, { waitUntil: 'networkidle' });
    await expectAccessible(page, 'my assignments (de)');
    await page.goto(`${appUrl}/de/classes`, { waitUntil: 'networkidle' });
    await expectAccessible(page, 'classes page, student (de)');
    expect(problems).toEqual([]);
    await page.close();
  }, 180_000);

  test("the teacher's class page shows the student's progress, score and looked-up term; CSV has the row", async () => {
    const { page, problems } = await pageIn(teacher);
    await page.goto(`${appUrl}/en/classes/${made.classId}`, { waitUntil: 'networkidle' });
    const row = page.getByTestId('grid-row').filter({ hasText: STUDENT_NAME });
    const cell = row.getByTestId('grid-cell');
    await expect(cell.getAttribute('data-status')).resolves.toBe('done');
    expect(Number(await cell.getAttribute('data-seconds'))).toBeGreaterThan(0);
    // A cell's lines: status, share read, active minutes, score.
    const [status, read, gridMinutes, score] = (await cell.textContent())!.split('\n');
    expect(status).toBe('Done');
    expect(score).toMatch(/^Score 1 \/ \d+$/);
    expect(read).not.toBe('0% read');
    await expect(page.getByTestId('most-looked-up').textContent()).resolves.toContain(made.lookedUp);
    await expect(page.getByTestId('student-row').filter({ hasText: STUDENT_NAME }).count()).resolves.toBe(1);
    // The student's own page counts the active minutes as the grid does (one rounding: activeMinutes).
    const own = await pageIn(student);
    await own.page.goto(`${appUrl}/en/assignments/${made.assignmentId}`, { waitUntil: 'networkidle' });
    await expect(own.page.getByTestId('assignment-progress').textContent()).resolves.toMatch(
      new RegExp(` · ${gridMinutes}$`),
    );
    expect(own.problems).toEqual([]);
    await own.page.close();
    // The joined day is the teacher's (Berlin), written by the browser, not the server's UTC day.
    const joined = page.getByTestId('student-row').filter({ hasText: STUDENT_NAME }).locator('time');
    const joinedAt = (await joined.getAttribute('datetime'))!;
    await expect.poll(() => joined.textContent()).toBe(formatLongDate('en', joinedAt, 'Europe/Berlin'));
    await expectAccessible(page, 'class page with progress (en)');
    await page.goto(`${appUrl}/de/classes/${made.classId}`, { waitUntil: 'networkidle' });
    await expectAccessible(page, 'class page (de)');
    await page.goto(`${appUrl}/de/classes`, { waitUntil: 'networkidle' });
    await expectAccessible(page, 'classes page, teacher (de)');
    await page.goto(`${appUrl}/en/classes`, { waitUntil: 'networkidle' });
    await expectAccessible(page, 'classes page, teacher (en)');

    const csv = await teacher.request.get(`${appUrl}/api/classes/${made.classId}/grid.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(csv.headers()['cache-control']).toContain('no-store');
    expect(csv.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
    const body = await csv.text();
    expect(body.charCodeAt(0)).toBe(0xfeff);
    expect(body).toContain(STUDENT_NAME);
    expect(problems).toEqual([]);
    await page.close();
  });

  test('the join link: anonymous signs in first and comes back; signed in, it asks to confirm', async () => {
    const anonymousVisit = await anonymous.request.get(`${appUrl}/en/join/${made.joinCode}`, { maxRedirects: 0 });
    expect(anonymousVisit.status()).toBe(307);
    expect(anonymousVisit.headers().location).toBe(
      `/en/sign-in?next=${encodeURIComponent(`/en/join/${made.joinCode}`)}`,
    );
    const { page, problems } = await pageIn(outsider);
    for (const locale of ['en', 'de']) {
      await page.goto(`${appUrl}/${locale}/join/${made.joinCode}`, { waitUntil: 'networkidle' });
      await expect(page.getByTestId('join-page-code').textContent()).resolves.toBe(made.joinCode);
      await expectAccessible(page, `join page (${locale})`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  // Last in this block: the class keeps its new name from here on.
  test('the teacher edits the class and the assignment; refused input is kept; the student sees the new due date', async () => {
    const newName = `${CLASS_NAME} (renamed)`;
    const { page, problems } = await pageIn(teacher);
    await page.goto(`${appUrl}/en/classes/${made.classId}`, { waitUntil: 'networkidle' });
    const classPage = page.getByTestId('class-page');

    // The class: prefilled; an empty name is refused and what was typed stays; then saved.
    await page.getByTestId('edit-class').locator('summary').click();
    const classForm = page.getByTestId('class-edit-form');
    const name = page.locator('#class-edit-name');
    const description = page.locator('#class-edit-description');
    await expect(name.inputValue()).resolves.toBe(CLASS_NAME);
    await expect(description.inputValue()).resolves.toBe('Reading group');
    await name.fill('');
    await description.fill('Reading group, year 10');
    await classForm.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.locator('#class-edit-name-error').textContent()).toBe('Please give the class a name.');
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(name.getAttribute('aria-describedby')).resolves.toBe('class-edit-name-error');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('class-edit-name');
    await expect(description.inputValue()).resolves.toBe('Reading group, year 10');
    await expect(classPage.locator('h1').textContent()).resolves.toBe(CLASS_NAME);
    await name.fill(newName);
    await classForm.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => classForm.getByRole('status').textContent()).toBe('Changes saved.');
    await expect.poll(() => classPage.locator('h1').textContent()).toBe(newName);
    await expect(classPage.locator('.lead').textContent()).resolves.toBe('Reading group, year 10');
    await expect(page.locator('#class-edit-name-error').count()).resolves.toBe(0);

    // The assignment: prefilled, the due date in the teacher's zone (Berlin).
    const card = page.getByTestId('teacher-assignment');
    await card.getByTestId('edit-assignment').locator('summary').click();
    const form = card.getByTestId('assignment-edit-form');
    const due = form.locator(`#assignment-due-${made.assignmentId}`);
    const instructions = form.locator(`#assignment-instructions-${made.assignmentId}`);
    const quiz = form.getByRole('checkbox', { name: /^Add a quiz/ });
    await expect.poll(() => due.inputValue()).toBe(DUE_IN_BERLIN);
    await expect(instructions.inputValue()).resolves.toBe('Read the whole article and learn the focus terms.');
    await expect(quiz.isChecked()).resolves.toBe(true);
    await expect(form.getByText('The article of an assignment cannot be changed.').count()).resolves.toBe(1);
    const boxes = form.getByTestId('focus-terms').locator('input[type=checkbox]');
    await boxes.first().waitFor();
    const uncheckedLemmas = () =>
      boxes.evaluateAll((inputs) =>
        inputs.filter((i) => !(i as HTMLInputElement).checked).map((i) => i.getAttribute('data-lemma')),
      );
    await expect(uncheckedLemmas()).resolves.toEqual([made.unchecked]);
    const dropped = (await boxes.first().getAttribute('data-lemma'))!;
    await boxes.first().uncheck();
    await instructions.fill('Read it again and note the focus terms.');
    await quiz.uncheck();
    await expectAccessible(page, 'class page with both edit forms open (en)');

    // No due date: refused, everything else as typed; then a new one, saved.
    await due.fill('');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => form.locator(`#assignment-due-${made.assignmentId}-error`).textContent())
      .toBe('Please enter a valid due date.');
    await expect(instructions.inputValue()).resolves.toBe('Read it again and note the focus terms.');
    await expect(quiz.isChecked()).resolves.toBe(false);
    await expect(uncheckedLemmas()).resolves.toEqual(expect.arrayContaining([made.unchecked, dropped]));
    await due.fill(`${DUE_YEAR}-02-20T09:30`);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => form.locator('.form__status').textContent()).toBe('Assignment saved.');

    const time = card.getByTestId('card-due').locator('time');
    await expect.poll(() => time.getAttribute('datetime')).toBe(`${DUE_YEAR}-02-20T08:30:00.000Z`);
    await expect.poll(() => time.textContent()).toBe(`Feb 20, ${DUE_YEAR}, 09:30 AM GMT+1`);
    await expect(card.getByTestId('card-due').textContent()).resolves.not.toContain('with quiz');
    await expect(card.getByTestId('card-instructions').textContent()).resolves.toBe(
      'Read it again and note the focus terms.',
    );
    const focusLine = (await card.getByTestId('card-focus-terms').textContent())!;
    expect(focusLine).not.toContain(dropped);
    expect(focusLine).not.toContain(made.unchecked);
    await expect(due.inputValue()).resolves.toBe(`${DUE_YEAR}-02-20T09:30`);
    await expectAccessible(page, 'class page after saving (en)');

    await page.goto(`${appUrl}/de/classes/${made.classId}`, { waitUntil: 'networkidle' });
    await page.getByTestId('edit-class').locator('summary').click();
    await page.getByTestId('edit-assignment').locator('summary').click();
    await page
      .getByTestId('assignment-edit-form')
      .getByTestId('focus-terms')
      .locator('input[type=checkbox]')
      .first()
      .waitFor();
    await expectAccessible(page, 'class page with both edit forms open (de)');
    expect(problems).toEqual([]);
    await page.close();

    // The student, in UTC, sees the new due date and the class's new name.
    const learner = await pageIn(student);
    await learner.page.goto(`${appUrl}/en/assignments`, { waitUntil: 'networkidle' });
    const mine = learner.page.getByTestId('my-assignment').filter({ hasText: newName });
    await expect.poll(() => mine.locator('time').textContent()).toBe(`Feb 20, ${DUE_YEAR}, 08:30 AM UTC`);
    expect(learner.problems).toEqual([]);
    await learner.page.close();
  });
});

describe('classroom access', () => {
  const progress = (id: string) => `${appUrl}/api/assignments/${id}/progress`;
  const batch = { events: [{ id: crypto.randomUUID(), kind: 'open' }] };

  test("another teacher gets 404 for the class page and its CSV; so does the student and anyone else's id", async () => {
    expect((await otherTeacher.request.get(`${appUrl}/en/classes/${made.classId}`)).status()).toBe(404);
    expect((await otherTeacher.request.get(`${appUrl}/api/classes/${made.classId}/grid.csv`)).status()).toBe(404);
    expect((await student.request.get(`${appUrl}/en/classes/${made.classId}`)).status()).toBe(404);
    expect((await student.request.get(`${appUrl}/api/classes/${made.classId}/grid.csv`)).status()).toBe(404);
    expect((await teacher.request.get(`${appUrl}/en/classes/no-such-class`)).status()).toBe(404);
    expect((await anonymous.request.get(`${appUrl}/api/classes/${made.classId}/grid.csv`)).status()).toBe(401);
    const page = await anonymous.request.get(`${appUrl}/en/classes/${made.classId}`, { maxRedirects: 0 });
    expect(page.status()).toBe(307);
  });

  test('assignments are their members’ alone: page, quiz and progress', async () => {
    expect((await outsider.request.get(`${appUrl}/en/assignments/${made.assignmentId}`)).status()).toBe(404);
    expect((await otherTeacher.request.get(`${appUrl}/en/assignments/${made.assignmentId}`)).status()).toBe(404);
    const anonymousPost = await anonymous.request.post(progress(made.assignmentId), {
      data: batch,
      headers: { origin: appUrl },
    });
    expect(anonymousPost.status()).toBe(401);
    const outsiderPost = await outsider.request.post(progress(made.assignmentId), {
      data: batch,
      headers: { origin: appUrl },
    });
    expect(outsiderPost.status()).toBe(404);
    expect((await outsider.request.get(progress(made.assignmentId))).status()).toBe(404);
  });

  test('progress events are validated, idempotent and bounded', async () => {
    const event = { id: crypto.randomUUID(), kind: 'seen', paragraph: 0 };
    const first = await student.request.post(progress(made.assignmentId), {
      data: { events: [event] },
      headers: { origin: appUrl },
    });
    expect(first.status()).toBe(200);
    expect(first.headers()['cache-control']).toContain('no-store');
    expect(await first.json()).toEqual({ accepted: 1, duplicates: 0 });
    const again = await student.request.post(progress(made.assignmentId), {
      data: { events: [event] },
      headers: { origin: appUrl },
    });
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 1 });
    const bad = await student.request.post(progress(made.assignmentId), {
      data: { events: [{ id: crypto.randomUUID(), kind: 'active', seconds: 3600 }] },
      headers: { origin: appUrl },
    });
    expect(bad.status()).toBe(400);
    const many = Array.from({ length: 51 }, () => ({ id: crypto.randomUUID(), kind: 'open' }));
    const flood = await student.request.post(progress(made.assignmentId), {
      data: { events: many },
      headers: { origin: appUrl },
    });
    expect([400, 429]).toContain(flood.status());
    const refused = (await flood.json()) as { error: string; fieldErrors?: Record<string, string> };
    expect([refused.error, refused.fieldErrors?.events]).toContain('classroom:errors.tooManyEvents');
    const crossSite = await student.request.post(progress(made.assignmentId), {
      data: batch,
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status()).toBe(403);
  });
});
