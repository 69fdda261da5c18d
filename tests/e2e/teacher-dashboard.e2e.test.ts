import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { newInvitation, newLearnerContext } from './accounts';
import { callAction, SLUG } from './actions';
import { pageIn, seriousViolations, useBrowser } from './browser';

// Issue 18, the teacher's side of classes (docs/decisions/027-teacher-dashboard-and-class-csv.md): a
// new teacher (approved through an admin's invitation), working in German in Berlin, with one student.
// The dashboard shows the class, the open assignment with its completion and what the student did;
// the copy buttons copy the code and the German join link, or select them where the clipboard is
// refused; the CSV downloads with German headers and Berlin dates. Own accounts: nothing shared changes.
const appUrl = inject('appUrl');
const browser = useBrowser();
const STAMP = Date.now();
const CLASS_NAME = `Dashboard-Klasse ${STAMP}`;
const STUDENT_NAME = `Schülerin ${STAMP}`;
// Always ahead, and in winter: Berlin is UTC+1 then.
const DUE_YEAR = new Date().getUTCFullYear() + 1;
const DUE_UTC = `${DUE_YEAR}-01-15T17:00:00.000Z`;

let teacher: BrowserContext;
let student: BrowserContext;
let studentEmail = '';
const made = { classId: '', joinCode: '', assignmentId: '' };

async function expectAccessible(page: Page, what: string) {
  expect(await seriousViolations(page), what).toEqual([]);
}

beforeAll(async () => {
  const invitation = await newInvitation(browser(), appUrl);
  teacher = (await newLearnerContext(browser(), appUrl, 'Frau Dashboard', 'teacher', 'Europe/Berlin', invitation))
    .context;
  const signedUp = await newLearnerContext(browser(), appUrl, STUDENT_NAME, 'learner', 'UTC');
  student = signedUp.context;
  studentEmail = signedUp.email;

  const klass = await callAction(appUrl, teacher.request, 'lib/classroom/actions.ts#createClassAction', {
    name: CLASS_NAME,
  });
  expect(klass.ok, JSON.stringify(klass)).toBe(true);
  made.classId = String(klass.data?.id);
  made.joinCode = String(klass.data?.joinCode);
  const assignment = await callAction(appUrl, teacher.request, 'lib/classroom/actions.ts#createAssignmentAction', {
    classId: made.classId,
    articleSlug: SLUG,
    dueAt: DUE_UTC,
    quizEnabled: false,
  });
  expect(assignment.ok, JSON.stringify(assignment)).toBe(true);
  made.assignmentId = String(assignment.data?.id);
  const joined = await callAction(appUrl, student.request, 'lib/classroom/actions.ts#joinClassAction', {
    code: made.joinCode,
  });
  expect(joined.ok, JSON.stringify(joined)).toBe(true);
  const done = await callAction(appUrl, student.request, 'lib/classroom/actions.ts#markDoneAction', {
    assignmentId: made.assignmentId,
    eventId: `done-${STAMP}`,
  });
  expect(done.ok, JSON.stringify(done)).toBe(true);
});

afterAll(async () => {
  await Promise.all([teacher?.close(), student?.close()]);
});

describe("the teacher's dashboard", () => {
  test('shows the class, the open assignment with its completion and due time in Berlin, and the activity', async () => {
    const { page, problems } = await pageIn(teacher);
    await page.goto(`${appUrl}/de/dashboard`, { waitUntil: 'networkidle' });
    await page.getByTestId('teacher-dashboard').waitFor();
    await expect(page.locator('h1').textContent()).resolves.toBe('Unterrichtsübersicht');

    const klass = page.locator(`[data-testid="td-class"][data-class="${CLASS_NAME}"]`);
    await expect(klass.getByTestId('td-class-meta').textContent()).resolves.toBe('1 Lernende:r · 1 offene Aufgabe');
    await klass.getByRole('link', { name: CLASS_NAME }).waitFor();
    await expect(klass.getByRole('link').getAttribute('href')).resolves.toBe(`/de/classes/${made.classId}`);

    const open = page.getByTestId('td-open-assignment').filter({ hasText: CLASS_NAME });
    await expect(open.getByTestId('td-completion').textContent()).resolves.toBe('1 von 1 erledigt · 1 begonnen');
    const due = open.locator('time');
    await expect(due.getAttribute('datetime')).resolves.toBe(DUE_UTC);
    // Rendered in UTC on the server, then in the browser's zone: 18:00 in Berlin.
    await expect.poll(() => due.textContent()).toMatch(/^15\. Jan\. \d{4}, 18:00 /);

    const activity = page.getByTestId('td-activity-item').filter({ hasText: STUDENT_NAME });
    await expect(activity.getAttribute('data-kind')).resolves.toBe('done');
    await expect(activity.textContent()).resolves.toContain('erledigt');
    await expectAccessible(page, 'teacher dashboard (de)');

    // The teacher's own learning is a tab away, and the tab leads back.
    const views = page.getByTestId('dashboard-views');
    await expect(views.locator('[aria-current="page"]').textContent()).resolves.toBe('Unterricht');
    await views.getByRole('link', { name: 'Mein Lernen' }).click();
    await page.waitForURL(`${appUrl}/de/dashboard?view=learner`);
    await page.getByTestId('due-today').waitFor();
    await expect(page.getByTestId('teacher-dashboard').count()).resolves.toBe(0);
    await expect(page.getByTestId('dashboard-views').locator('[aria-current="page"]').textContent()).resolves.toBe(
      'Mein Lernen',
    );
    await expectAccessible(page, 'learner dashboard of a teacher (de)');
    await page.getByTestId('dashboard-views').getByRole('link', { name: 'Unterricht' }).click();
    await page.waitForURL(`${appUrl}/de/dashboard`);
    await page.getByTestId('teacher-dashboard').waitFor();

    await page.goto(`${appUrl}/en/dashboard`, { waitUntil: 'networkidle' });
    await expect(page.locator('h1').textContent()).resolves.toBe('Teaching overview');
    await expect(
      page.getByTestId('td-open-assignment').filter({ hasText: CLASS_NAME }).getByTestId('td-completion').textContent(),
    ).resolves.toBe('1 of 1 done · 1 started');
    await expectAccessible(page, 'teacher dashboard (en)');
    expect(problems).toEqual([]);
    await page.close();
  });

  test('a learner still gets the learner dashboard, without the tabs', async () => {
    const { page, problems } = await pageIn(student);
    await page.goto(`${appUrl}/en/dashboard`, { waitUntil: 'networkidle' });
    await page.getByTestId('due-today').waitFor();
    await expect(page.getByTestId('teacher-dashboard').count()).resolves.toBe(0);
    await expect(page.getByTestId('dashboard-views').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('inviting students', () => {
  test('the copy buttons copy the code and the German join link, and say so', async () => {
    await teacher.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: appUrl });
    const { page, problems } = await pageIn(teacher);
    await page.goto(`${appUrl}/de/classes/${made.classId}`, { waitUntil: 'networkidle' });
    const link = `${appUrl}/de/join/${made.joinCode}`;
    await expect.poll(() => page.getByTestId('join-link').textContent()).toBe(link);
    const status = page.getByTestId('copy-status');
    await expect(status.getAttribute('role')).resolves.toBe('status');

    await page.getByTestId('copy-code').click();
    await expect.poll(() => status.textContent()).toBe('Code kopiert.');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(made.joinCode);
    await page.getByTestId('copy-link').click();
    await expect.poll(() => status.textContent()).toBe('Link kopiert.');
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(link);
    await expectAccessible(page, 'class page (de)');
    expect(problems).toEqual([]);
    await page.close();
    await teacher.clearPermissions();
  });

  test('where the clipboard is refused, the button selects the text and says how to copy it', async () => {
    const { page, problems } = await pageIn(teacher);
    // A browser that refuses clipboard writes (no permission, or an insecure origin).
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
      });
    });
    await page.goto(`${appUrl}/en/classes/${made.classId}`, { waitUntil: 'networkidle' });
    const link = `${appUrl}/en/join/${made.joinCode}`;
    await expect.poll(() => page.getByTestId('join-link').textContent()).toBe(link);
    await page.getByTestId('copy-link').click();
    await expect
      .poll(() => page.getByTestId('copy-status').textContent())
      .toBe('Selected: press Ctrl+C (⌘+C on a Mac) to copy.');
    await expect(page.evaluate(() => window.getSelection()?.toString())).resolves.toBe(link);
    await page.getByTestId('copy-code').click();
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(made.joinCode);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('the class CSV', () => {
  test('downloads from the German page with German headers, the e-mail and dates in Berlin time', async () => {
    const { page, problems } = await pageIn(teacher);
    await page.goto(`${appUrl}/de/classes/${made.classId}`, { waitUntil: 'networkidle' });
    const button = page.getByTestId('grid-csv');
    // Once hydrated, the link names the browser's zone.
    await expect.poll(() => button.getAttribute('href')).toContain('tz=Europe%2FBerlin');
    expect(await button.getAttribute('href')).toContain('locale=de');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^lesebruecke-class-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([
      'Lernende',
      'E-Mail',
      'Aufgabe',
      'Fällig (Europe/Berlin)',
      'Status',
      'Gelesen (%)',
      'Aktive Minuten',
      'Erledigt am (Europe/Berlin)',
      'Quizpunkte',
      'Mögliche Quizpunkte',
      'Quiz (%)',
    ]);
    expect(rows).toHaveLength(2);
    const row = rows[1]!;
    expect(row.slice(0, 2)).toEqual([STUDENT_NAME, studentEmail]);
    expect(row[3]).toBe(`${DUE_YEAR}-01-15 18:00`);
    expect(row[4]).toBe('Erledigt');
    expect(row[7]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    // The response itself: a private download.
    const response = await teacher.request.get(`${appUrl}${await button.getAttribute('href')}`);
    expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers()['cache-control']).toContain('no-store');
    expect(response.headers()['content-disposition']).toMatch(/^attachment; filename=".+\.csv"$/);
    // Someone else asks for it: as if the class did not exist.
    expect((await student.request.get(`${appUrl}${await button.getAttribute('href')}`)).status()).toBe(404);
    expect(problems).toEqual([]);
    await page.close();
  });
});
