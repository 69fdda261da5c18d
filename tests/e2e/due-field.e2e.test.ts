import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { newInvitation, newLearnerContext } from './accounts';
import { callAction } from './actions';
import { pageIn, useBrowser } from './browser';
import type { BrowserContext } from 'playwright-core';

// The due-date field is drawn by the browser in its own language (here en-US); the German page
// repeats the chosen moment in German, in the browser's time zone, which it names.
const appUrl = inject('appUrl');
const browser = useBrowser();
let teacher: BrowserContext;
let classId = '';

beforeAll(async () => {
  const invitation = await newInvitation(browser(), appUrl);
  ({ context: teacher } = await newLearnerContext(
    browser(),
    appUrl,
    'Due Field Teacher',
    'teacher',
    'Europe/Berlin',
    invitation,
  ));
  const created = await callAction(appUrl, teacher.request, 'lib/classroom/actions.ts#createClassAction', {
    name: `Due field class ${Date.now()}`,
  });
  expect(created.ok).toBe(true);
  classId = String(created.data?.id);
});
afterAll(async () => {
  await teacher?.close();
});

test('the due field’s moment is repeated in the page’s language and the viewer’s zone', async () => {
  const { page, problems } = await pageIn(teacher);
  await page.goto(`${appUrl}/de/classes/${classId}`, { waitUntil: 'networkidle' });
  const field = page.locator('#assignment-due');
  await field.fill('2027-01-15T18:00');
  const hint = page.locator('#assignment-due-hint');
  await expect.poll(() => hint.textContent()).toContain('15. Jan. 2027, 18:00');
  await expect(hint.textContent()).resolves.toMatch(/^Fällig am .*\(Ihre Zeitzone, Europe\/Berlin\)\.$/);
  expect(problems).toEqual([]);
  await page.close();
});
