import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { E2E_ADMIN, newLearnerContext, newTeacherContext, signedInContext } from './accounts';
import { callAction, SLUG } from './actions';
import { useBrowser } from './browser';
import { overflow, PHONE } from './phone';

// Issue 18: on a 390 px phone no page may be wider than the screen (the header was 442 px with the
// account link off screen, My words 858 px, the class page 809 px, the editor 621 px). Every page, as
// the one who may see it, in both UI languages, with content in its tables and lists.
const appUrl = inject('appUrl');
const browser = useBrowser();

let anonymous: BrowserContext;
let learner: BrowserContext;
let teacher: BrowserContext;
let admin: BrowserContext;
const made = { classId: '', joinCode: '', assignmentId: '', draft: '' };

async function ok(promise: ReturnType<typeof callAction>, what: string) {
  const result = await promise;
  expect(result.ok, `${what}: ${JSON.stringify(result)}`).toBe(true);
  return result.data ?? {};
}

beforeAll(async () => {
  anonymous = await browser().newContext();
  learner = (await newLearnerContext(browser(), appUrl, 'Phone Learner')).context;
  teacher = await newTeacherContext(browser(), appUrl, 'Phone Teacher');
  admin = await signedInContext(browser(), appUrl, E2E_ADMIN);
  const action = (context: BrowserContext, name: string, input: unknown) =>
    ok(callAction(appUrl, context.request, name, input), name);

  const created = await action(teacher, 'lib/classroom/actions.ts#createClassAction', {
    name: 'Klasse 10c mit einem ziemlich langen Namen für schmale Bildschirme',
  });
  made.classId = String(created.id);
  made.joinCode = String(created.joinCode);
  const assigned = await action(teacher, 'lib/classroom/actions.ts#createAssignmentAction', {
    classId: made.classId,
    articleSlug: SLUG,
    dueAt: `${new Date().getUTCFullYear() + 1}-03-01`,
    instructions: 'Lest den Artikel bis zum Ende und lernt die markierten Begriffe.',
  });
  made.assignmentId = String(assigned.id);
  const draft = await action(teacher, 'lib/teach/actions.ts#createDraftAction', {
    format: 'paste',
    text: 'Verhandlungsbereitschaftsbekundungen\n\nDie Bundesregierung kündigte am Dienstag weitere Unterstützungsleistungen für die Ukraine an. Der Außenminister sprach von einer Zeitenwende.',
  });
  made.draft = String(draft.slug);

  // The learner is in the class, has read the assignment's article and has words in every status.
  await action(learner, 'lib/classroom/actions.ts#joinClassAction', { code: made.joinCode });
  await action(learner, 'lib/vocabulary/actions.ts#saveWordAction', {
    articleSlug: SLUG,
    anchor: 'p1-s1',
    lemma: 'Aussicht',
    status: 'learning-1',
  });
  await action(learner, 'lib/vocabulary/actions.ts#markRemainingKnownAction', { articleSlug: SLUG });
});

afterAll(async () => {
  await Promise.all([anonymous?.close(), learner?.close(), teacher?.close(), admin?.close()]);
});

/** Every page, with who may see it: paths without the locale. */
function pages(): [who: string, context: () => BrowserContext, path: string][] {
  const anyone = () => anonymous;
  return [
    ['anyone', anyone, ''],
    ['anyone', anyone, `/articles/${SLUG}`],
    ['anyone', anyone, '/glossary'],
    ['anyone', anyone, '/glossary?q=Krieg'],
    // A term page with its concordance.
    ['anyone', anyone, '/glossary/Werkzeugmaschine'],
    ['anyone', anyone, '/about'],
    ['anyone', anyone, '/sign-in'],
    ['anyone', anyone, '/sign-up'],
    ['anyone', anyone, '/not-found'],
    ['learner', () => learner, `/articles/${SLUG}`],
    ['learner', () => learner, '/vocabulary'],
    ['learner', () => learner, '/vocabulary/import'],
    ['learner', () => learner, '/review'],
    ['learner', () => learner, '/dashboard'],
    ['learner', () => learner, '/classes'],
    ['learner', () => learner, '/assignments'],
    ['learner', () => learner, `/assignments/${made.assignmentId}`],
    ['learner', () => learner, `/join/${made.joinCode}`],
    ['learner', () => learner, '/account'],
    ['learner', () => learner, '/teach/request'],
    ['teacher', () => teacher, '/teach'],
    ['teacher', () => teacher, '/teach/new'],
    ['teacher', () => teacher, `/teach/articles/${made.draft}`],
    ['teacher', () => teacher, '/classes'],
    ['teacher', () => teacher, `/classes/${made.classId}`],
    ['admin', () => admin, '/admin/teachers'],
  ];
}

async function phonePage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  return page;
}

describe.each(['en', 'de'])('at 390 px (%s)', (locale) => {
  test('no page is wider than the screen', async () => {
    const open = new Map<BrowserContext, Page>();
    const wide: string[] = [];
    for (const [who, context, path] of pages()) {
      let page = open.get(context());
      if (!page) open.set(context(), (page = await phonePage(context())));
      await page.goto(`${appUrl}/${locale}${path}`, { waitUntil: 'networkidle' });
      await page.locator('main').waitFor();
      const { excess, culprits } = await overflow(page);
      if (excess > 0) wide.push(`${who} /${locale}${path}: ${excess} px too wide — ${culprits.join(', ')}`);
    }
    await Promise.all([...open.values()].map((page) => page.close()));
    expect(wide).toEqual([]);
  });
});

describe('the header menu', () => {
  test('on a phone the links fold behind a menu button: it opens, fits, closes with Escape and returns focus', async () => {
    const page = await phonePage(teacher);
    await page.goto(`${appUrl}/en/classes`, { waitUntil: 'networkidle' });
    const toggle = page.getByTestId('menu-toggle');
    const menu = page.getByTestId('site-menu');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.getAttribute('aria-controls')).toBe(await menu.getAttribute('id'));
    expect(await menu.isVisible()).toBe(false);

    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const classes = page.getByTestId('user-menu').getByRole('link', { name: 'Classes' });
    expect(await classes.isVisible()).toBe(true);
    // Open, every link is on the screen (the account link was 50 px past its edge).
    expect(await overflow(page)).toEqual({ excess: 0, culprits: [] });
    const account = page.getByTestId('account-menu-toggle');
    const box = (await account.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);

    // Escape from inside the menu closes it and puts focus back on its button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.isVisible()).toBe(false);
    expect(await toggle.evaluate((button) => button === document.activeElement)).toBe(true);

    // A followed link closes it too, and the next page's menu starts closed.
    await toggle.click();
    await page.getByTestId('user-menu').getByRole('link', { name: 'Teach', exact: true }).click();
    await page.waitForURL(`${appUrl}/en/teach`);
    await page.getByTestId('teach-new').waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.isVisible()).toBe(false);
    await page.close();
  });

  test('the account menu holds who is signed in, the account page and signing out (desktop, German)', async () => {
    const { context } = await newLearnerContext(browser(), appUrl, 'Menu Learner');
    const page = await context.newPage();
    await page.goto(`${appUrl}/de/dashboard`, { waitUntil: 'networkidle' });
    expect(await page.getByTestId('menu-toggle').isVisible()).toBe(false);
    expect(await page.getByTestId('user-menu').getByRole('link', { name: 'Meine Wörter' }).isVisible()).toBe(true);
    const account = page.getByTestId('account-menu-toggle');
    expect(await account.textContent()).toBe('Menu Learner');
    expect(await page.getByTestId('account-menu').isVisible()).toBe(false);
    await account.click();
    expect(await account.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByTestId('account-menu').textContent()).toContain('Angemeldet als menu-learner-');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('account-menu').isVisible()).toBe(false);
    expect(await account.evaluate((button) => button === document.activeElement)).toBe(true);
    // A click elsewhere closes it as well.
    await account.click();
    await page.locator('main h1').click();
    expect(await account.getAttribute('aria-expanded')).toBe('false');

    await account.click();
    await page.getByTestId('header-sign-out').click();
    await page.waitForURL(`${appUrl}/de`);
    await page.getByRole('link', { name: 'Anmelden' }).first().waitFor();
    expect((await (await context.request.get(`${appUrl}/api/auth/get-session`)).json()) ?? null).toBeNull();
    await context.close();
  });
});
