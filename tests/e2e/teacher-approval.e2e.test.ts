import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { E2E_ADMIN, freshAddress, signedInContext } from './accounts';
import { callAction } from './actions';
import { openPage, seriousViolations, useBrowser } from './browser';
import { expireNewestInvitation } from './database';

// Who may teach, end to end (docs/decisions/021-teacher-approval.md), in an app with
// TEACHER_SIGNUP=approval: a teacher sign-up waits for an admin and cannot teach until approved; an
// admin's invitation link makes a teacher at once, once, and not after it has expired.
const appUrl = inject('appUrl');
const browser = useBrowser();
const PASSWORD = 'e2e password 123';

let admin: BrowserContext;
beforeAll(async () => {
  admin = await signedInContext(browser(), appUrl, E2E_ADMIN);
});
afterAll(async () => {
  await admin?.close();
});

/** A fresh browser, its requests from an address of its own (sign-ups are limited per address). */
async function newBrowser(locale: 'en-US' | 'de-DE' = 'en-US'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext({
    locale,
    viewport: { width: 1200, height: 900 },
    extraHTTPHeaders: { 'x-forwarded-for': freshAddress() },
  });
  return { context, page: await context.newPage() };
}

/** Fills the sign-up form that `page` shows and submits it; `teacher` picks the teacher role (if offered). */
async function fillSignUp(page: Page, name: string, email: string, teacher: boolean) {
  await page.locator('#name').fill(name);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(PASSWORD);
  if (teacher) await page.locator('input[name="role"][value="teacher"]').check();
  await page
    .getByTestId('sign-up-form')
    .getByRole('button', { name: /create account|konto anlegen/i })
    .click();
}

/** The admin's page, opened afresh. */
async function adminPage(locale = 'en'): Promise<Page> {
  const page = await admin.newPage();
  await page.goto(`${appUrl}/${locale}/admin/teachers`, { waitUntil: 'networkidle' });
  return page;
}

/** An invitation link made on the admin's page, as the admin copies it. */
async function inviteOnPage(): Promise<string> {
  const page = await adminPage();
  await page.getByTestId('create-invitation').click();
  const link = await page.getByTestId('invitation-link').inputValue();
  await page.close();
  return link;
}

describe('a teacher sign-up waits for an admin', () => {
  const email = `waiting-${Date.now()}@example.test`;
  let teacher: { context: BrowserContext; page: Page };

  test('signs up as a teacher and is told the account waits for approval', async () => {
    teacher = await newBrowser();
    await teacher.page.goto(`${appUrl}/en/sign-up`);
    await expect(teacher.page.locator('#role-hint').textContent()).resolves.toContain('checked by an administrator');
    await fillSignUp(teacher.page, 'Wanda Waiting', email, true);
    await teacher.page.waitForURL(`${appUrl}/en/teach/request`);
    const notice = teacher.page.getByTestId('teaching-request');
    expect(await notice.getAttribute('data-state')).toBe('pending');
    expect(await notice.textContent()).toContain('waiting for an administrator’s approval');
    expect(await seriousViolations(teacher.page)).toEqual([]);
  });

  test('cannot reach the teacher pages, and the server refuses a class or an import', async () => {
    for (const path of ['/en/teach', '/en/teach/new']) {
      await teacher.page.goto(`${appUrl}${path}`);
      await teacher.page.waitForURL(`${appUrl}/en/teach/request`);
    }
    await teacher.page.goto(`${appUrl}/en/classes`);
    expect(await teacher.page.locator('#create-title').count()).toBe(0);
    const request = teacher.context.request;
    for (const [name, input] of [
      ['lib/classroom/actions.ts#createClassAction', { name: 'Klasse 9b' }],
      ['lib/teach/actions.ts#createDraftAction', { format: 'paste', text: 'Ein Satz, der warten muss.' }],
    ] as const) {
      const refused = await callAction(appUrl, request, name, input);
      expect(refused, name).toEqual({ ok: false, error: 'account:errors.teacherPending' });
    }
    // The account page says so too, in German as well.
    await teacher.page.goto(`${appUrl}/de/account`);
    expect(await teacher.page.getByTestId('account-role').textContent()).toContain('wartet auf Freigabe');
  });

  test('the admin approves it (page in German); then the teacher imports and runs classes', async () => {
    const page = await adminPage('de');
    const row = page.locator(`[data-testid="teacher-request"][data-email="${email}"]`);
    await row.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByTestId('approve-teacher').click();
    await row.waitFor({ state: 'detached' });
    await page.close();

    await teacher.page.goto(`${appUrl}/en/teach`);
    expect(teacher.page.url()).toBe(`${appUrl}/en/teach`);
    await teacher.page.getByTestId('teach-new').waitFor();
    const request = teacher.context.request;
    const draft = await callAction(appUrl, request, 'lib/teach/actions.ts#createDraftAction', {
      format: 'paste',
      text: 'Ein Satz für die freigegebene Lehrerin.',
    });
    expect(draft.ok, JSON.stringify(draft)).toBe(true);
    expect(
      (await callAction(appUrl, request, 'lib/classroom/actions.ts#createClassAction', { name: 'Klasse 9b' })).ok,
    ).toBe(true);
    await teacher.context.close();
  });

  test('a declined sign-up is told so and stays a learner', async () => {
    const declined = await newBrowser();
    const address = `declined-${Date.now()}@example.test`;
    await declined.page.goto(`${appUrl}/en/sign-up`);
    await fillSignUp(declined.page, 'Dieter Declined', address, true);
    await declined.page.waitForURL(`${appUrl}/en/teach/request`);

    const page = await adminPage();
    const row = page.locator(`[data-testid="teacher-request"][data-email="${address}"]`);
    await row.getByTestId('decline-teacher').getByRole('button', { name: 'Decline' }).click();
    await row.getByTestId('decline-teacher-confirm').click();
    await row.waitFor({ state: 'detached' });
    await page.close();

    await declined.page.goto(`${appUrl}/en/teach`);
    await declined.page.waitForURL(`${appUrl}/en/teach/request`);
    expect(await declined.page.getByTestId('teaching-request').getAttribute('data-state')).toBe('declined');
    await declined.context.close();
  });
});

describe('invitation links', () => {
  test('a sign-up through a link teaches at once; the same link then refuses a second sign-up', async () => {
    const link = await inviteOnPage();
    expect(link).toMatch(new RegExp(`^${appUrl}/en/sign-up\\?invitation=[A-Za-z0-9_-]{43}$`));
    // Two browsers open the link while it still works.
    const first = await newBrowser();
    const second = await newBrowser('de-DE');
    for (const { page } of [first, second]) {
      await page.goto(link.replace('/en/', page === second.page ? '/de/' : '/en/'));
      await page.getByTestId('invitation-open').waitFor();
      expect(await page.locator('input[name="role"][type="radio"]').count()).toBe(0);
    }
    await fillSignUp(first.page, 'Ines Invited', `invited-${Date.now()}@example.test`, false);
    await first.page.waitForURL(`${appUrl}/en/teach`);
    await first.page.getByTestId('teach-new').waitFor();

    // The second browser's form still holds the used link: the server refuses it, and says why.
    await fillSignUp(second.page, 'Ivo Zweiter', `second-${Date.now()}@example.test`, false);
    await expect
      .poll(() => second.page.getByTestId('auth-form-error').textContent())
      .toContain('Dieser Einladungslink wurde schon verwendet');
    expect(second.page.url()).toContain('/de/sign-up');
    // Opened again, the link says so at once.
    await second.page.goto(link);
    expect(await second.page.getByTestId('invitation-refused').textContent()).toContain('already been used');
    await Promise.all([first.context.close(), second.context.close()]);
  });

  test('an expired or withdrawn link is refused with a clear message', async () => {
    const expired = await inviteOnPage();
    expireNewestInvitation();
    const { context, page } = await newBrowser();
    await page.goto(expired);
    expect(await page.getByTestId('invitation-refused').textContent()).toContain('has expired');
    expect(await page.getByTestId('invitation-open').count()).toBe(0);

    const withdrawn = await inviteOnPage();
    const list = await adminPage();
    const unused = await list.getByTestId('invitation').count();
    // The newest link is listed first.
    const row = list.getByTestId('invitation').first();
    await row.getByTestId('revoke-invitation').getByRole('button', { name: 'Withdraw' }).click();
    await row.getByTestId('revoke-invitation-confirm').click();
    await expect.poll(() => list.getByTestId('invitation').count()).toBe(unused - 1);
    await list.close();
    await page.goto(withdrawn);
    expect(await page.getByTestId('invitation-refused').textContent()).toContain('not valid');
    await context.close();
  });
});

test('the admin page has no serious or critical axe violation', async () => {
  const page = await adminPage();
  await page.getByTestId('create-invitation').click();
  await page.getByTestId('invitation-link').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
  const { page: signUp } = await openPage(browser());
  await signUp.goto(`${appUrl}/en/sign-up?invitation=unknown-token-unknown-token`);
  await signUp.getByTestId('invitation-refused').waitFor();
  expect(await seriousViolations(signUp)).toEqual([]);
});
