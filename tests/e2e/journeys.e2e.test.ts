import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { freshAddress, newLearnerContext, newTeacherContext } from './accounts';
import { callAction, SLUG } from './actions';
import { chooseArticle, pageIn, seriousViolations, useBrowser } from './browser';
import { DESKTOP, overflow, PHONE } from './phone';

// Issue 18's four journeys, as a new user takes them, on a desktop and a phone, in English and German,
// with axe on every main page and the page never wider than the screen: an anonymous reader, a new
// learner, a teacher with a class and a student, a teacher importing an article. Each variant uses
// accounts of its own; the import journey leaves the library as it found it.
const appUrl = inject('appUrl');
const browser = useBrowser();
const STAMP = Date.now();
const PASSWORD = 'e2e journey password';

type Variant = { name: string; viewport: { width: number; height: number }; locale: 'en' | 'de' };
const VARIANTS: Variant[] = [
  { name: 'desktop, en', viewport: DESKTOP, locale: 'en' },
  { name: 'desktop, de', viewport: DESKTOP, locale: 'de' },
  { name: 'phone, en', viewport: PHONE, locale: 'en' },
  { name: 'phone, de', viewport: PHONE, locale: 'de' },
];

const contexts: BrowserContext[] = [];
/** Articles a journey published, unpublished again after all even if a journey failed midway. */
const published: { teacher: BrowserContext; slug: string }[] = [];
afterAll(async () => {
  for (const { teacher, slug } of published)
    await callAction(appUrl, teacher.request, 'lib/teach/actions.ts#unpublishAction', { slug });
  await Promise.all(contexts.map((context) => context.close()));
});

/** A browser of its own (its requests from an address no other test uses), at the variant's size. */
async function anonymousBrowser(variant: Variant): Promise<{ page: Page; problems: string[] }> {
  const context = await browser().newContext({
    locale: variant.locale === 'de' ? 'de-DE' : 'en-US',
    viewport: variant.viewport,
    extraHTTPHeaders: { 'x-forwarded-for': freshAddress() },
  });
  contexts.push(context);
  return pageIn(context);
}

/** A page of a signed-in context, at the variant's size. */
async function pageOf(context: BrowserContext, variant: Variant): Promise<{ page: Page; problems: string[] }> {
  if (!contexts.includes(context)) contexts.push(context);
  const opened = await pageIn(context);
  await opened.page.setViewportSize(variant.viewport);
  return opened;
}

/** The page as it is now: no serious axe finding, and not wider than the screen. */
async function check(page: Page, what: string) {
  expect(await seriousViolations(page), `axe: ${what}`).toEqual([]);
  expect(await overflow(page), `width: ${what}`).toEqual({ excess: 0, culprits: [] });
}

/** Follows a header link (`path` without the locale), through the menu button on a phone. */
async function viaHeader(page: Page, variant: Variant, path: string, match: 'exact' | 'prefix' = 'exact') {
  const href = `/${variant.locale}${path}`;
  if (variant.viewport === PHONE) {
    await page.getByTestId('menu-toggle').click();
    await expect.poll(() => page.getByTestId('menu-toggle').getAttribute('aria-expanded')).toBe('true');
  }
  await page
    .getByTestId('site-menu')
    .locator(match === 'exact' ? `a[href="${href}"]` : `a[href^="${href}"]`)
    .first()
    .click();
  await page.waitForURL((url) => url.pathname === href || (match === 'prefix' && url.pathname.startsWith(href)));
}

/** Clicks `word` in the German sentence `anchor` where it is drawn (for anyone, words are plain text). */
async function clickText(page: Page, anchor: string, word: string) {
  const sentence = page.locator(`[id="${anchor}"]`);
  await sentence.scrollIntoViewIfNeeded();
  const point = await sentence.evaluate((element, text) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(text);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    throw new Error(`${text} is not in ${element.id}`);
  }, word);
  await page.mouse.click(point.x, point.y);
}

/** The first coloured word `word` of the German sentence `anchor`. */
const wordIn = (page: Page, anchor: string, word: string) =>
  page.locator(`[id="${anchor}"] .w`, { hasText: new RegExp(`^${word}$`) }).first();

describe.each(VARIANTS)('journeys ($name)', (variant) => {
  const { locale } = variant;

  test('an anonymous reader: library, reader, word card, term card, term page, concordance, glossary', async () => {
    const { page, problems } = await anonymousBrowser(variant);
    await page.goto(`${appUrl}/${locale}`, { waitUntil: 'networkidle' });
    await page.getByTestId('article-list').waitFor();
    await check(page, 'library');

    await page.locator(`[data-testid=article-list] a[href="/${locale}/articles/${SLUG}"]`).first().click();
    await page.waitForURL(`**/${locale}/articles/${SLUG}`);
    await page.getByTestId('reader').waitFor();
    await check(page, 'reader');

    // A word's card, then closed again.
    await clickText(page, 'p1-s1', 'Aussicht');
    const card = page.getByTestId('word-popover');
    await card.waitFor();
    expect(await card.textContent()).toContain('Aussicht');
    await check(page, 'reader with a word card');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);

    // A glossary term's card, and from it the term's page.
    const term = page.locator('button.term').first();
    const lemma = (await term.getAttribute('data-term'))!;
    await term.scrollIntoViewIfNeeded();
    await term.click();
    const termCard = page.getByTestId('term-popover');
    await termCard.waitFor();
    await check(page, 'reader with a term card');
    await termCard.locator(`a[href="/${locale}/glossary/${encodeURIComponent(lemma)}"]`).click();
    await page.waitForURL(`**/${locale}/glossary/${encodeURIComponent(lemma)}`);
    await page.getByTestId('term-headword').waitFor();
    await check(page, 'term page');

    // A concordance line opens the reader at its sentence.
    const link = page.getByTestId('concordance-line').first().getByRole('link');
    const anchor = (await link.getAttribute('data-anchor'))!;
    await link.click();
    await page.waitForURL(`**/${locale}/articles/**#${anchor}`);
    await page.locator(`[id="${anchor}"]`).waitFor();

    // The glossary index, from the header.
    await viaHeader(page, variant, '/glossary');
    await page.getByTestId('term-count').waitFor();
    await check(page, 'glossary');
    expect(problems).toEqual([]);
  });

  test('a new learner: signs up from the header, reads, saves words, reviews them, sees the dashboard', async () => {
    const { page, problems } = await anonymousBrowser(variant);
    await page.goto(`${appUrl}/${locale}/articles/${SLUG}`, { waitUntil: 'networkidle' });
    await page.getByTestId('reader').waitFor();
    await viaHeader(page, variant, '/sign-up', 'prefix');
    await page.getByTestId('sign-up-form').waitFor();
    await check(page, 'sign-up');
    await page.locator('#name').fill(`Lena ${variant.name}`);
    await page.locator('#email').fill(`journey-learner-${STAMP}-${variant.name.replace(/\W+/g, '-')}@example.test`);
    await page.locator('#password').fill(PASSWORD);
    await page.getByTestId('sign-up-form').locator('button[type=submit]').click();
    // Back at the article, signed in.
    await page.waitForURL(`**/${locale}/articles/${SLUG}`);
    await page.getByTestId('coverage').waitFor();

    for (const [word, status] of [
      ['Aussicht', 'learning-1'],
      ['Russland', 'new'],
    ] as const) {
      await wordIn(page, 'p1-s1', word).click();
      await page.getByTestId('status-picker').locator(`button[data-status="${status}"]`).click();
      await expect.poll(() => wordIn(page, 'p1-s1', word).getAttribute('data-status')).toBe(status);
      if (word === 'Aussicht') await check(page, 'reader with a saved word');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('word-popover').count()).toBe(0);
    }

    await viaHeader(page, variant, '/vocabulary');
    await expect.poll(() => page.locator('main').textContent()).toContain('Russland');
    await check(page, 'my words');

    // Review: every card due, graded Good.
    await viaHeader(page, variant, '/review');
    await page.getByTestId('show-answer').click();
    await page.getByTestId('review-answer').waitFor();
    await check(page, 'review with an answer shown');
    let graded = 0;
    while ((await page.getByTestId('review-done').count()) === 0) {
      if (await page.getByTestId('review-answer').count()) {
        await page.locator('button[data-rating="3"]').click();
        graded++;
        expect(graded, 'the session ends').toBeLessThan(20);
      }
      await page.locator('[data-testid=review-done], [data-testid=show-answer]').first().waitFor();
      if (await page.getByTestId('show-answer').count()) {
        await page.getByTestId('show-answer').click();
        await page.getByTestId('review-answer').waitFor();
      }
    }
    expect(graded).toBeGreaterThanOrEqual(2);
    await check(page, 'review done');

    await viaHeader(page, variant, '/dashboard');
    await expect.poll(() => page.getByTestId('reviews-today').textContent()).toContain(String(graded));
    await check(page, 'dashboard');
    expect(problems).toEqual([]);
  });

  test('a teacher with a class and a student: class, join code, the student joins and reads, the grid', async () => {
    const teacher = await newTeacherContext(browser(), appUrl, `Tessa ${variant.name}`);
    const { page, problems } = await pageOf(teacher, variant);
    const className = `Klasse ${variant.name} ${STAMP}`;
    await page.goto(`${appUrl}/${locale}`, { waitUntil: 'networkidle' });
    await viaHeader(page, variant, '/classes');
    await page.locator('#class-name').fill(className);
    await page.getByTestId('class-create-form').locator('button[type=submit]').click();
    await page.getByTestId('class-list').getByRole('link', { name: className }).click();
    await page.waitForURL(new RegExp(`/${locale}/classes/[^/]+$`));
    // The link is completed with the site's address in the browser.
    await expect
      .poll(() => page.getByTestId('join-link').textContent())
      .toMatch(new RegExp(`^${appUrl}/${locale}/join/[A-Z0-9]{8}$`));
    const joinLink = (await page.getByTestId('join-link').textContent())!;

    await chooseArticle(page, 'Kalkulation', SLUG);
    await page.getByTestId('focus-terms').locator('input[type=checkbox]').first().waitFor();
    await page.getByTestId('assignment-form').locator('button[type=submit]').click();
    await page.getByTestId('teacher-assignment').waitFor();
    await check(page, 'class page');

    // The student opens the join link, joins, finds the assignment and reads.
    const studentName = `Sam ${variant.name} ${STAMP}`;
    const { context: student } = await newLearnerContext(browser(), appUrl, studentName);
    const { page: reader, problems: readerProblems } = await pageOf(student, variant);
    await reader.goto(joinLink, { waitUntil: 'networkidle' });
    await reader.getByTestId('join-page').waitFor();
    await check(reader, 'join page');
    await reader.getByTestId('join-submit').click();
    await reader.waitForURL((url) => !url.pathname.includes('/join/'));
    await viaHeader(reader, variant, '/assignments');
    const mine = reader.getByTestId('my-assignment').filter({ hasText: className });
    await mine.getByRole('link').first().click();
    await reader.waitForURL(new RegExp(`/${locale}/assignments/[^/]+$`));
    await reader.getByTestId('assignment-page').waitFor();
    await check(reader, 'assignment page');
    const progress = reader.waitForResponse(
      (response) => response.url().includes('/api/assignments/') && response.request().method() === 'POST',
    );
    await reader.getByTestId('read-link').click();
    await reader.waitForURL(`**/${locale}/articles/${SLUG}?assignment=*`);
    await reader.getByTestId('assignment-bar').waitFor();
    expect((await progress).status()).toBe(200);
    await check(reader, 'reader for an assignment');

    // The teacher's grid has the student, reading.
    await page.reload({ waitUntil: 'networkidle' });
    const row = page.locator(`[data-testid=grid-row][data-student="${studentName}"]`);
    await expect.poll(() => row.getByTestId('grid-cell').getAttribute('data-status')).toBe('in-progress');
    await check(page, 'class page with a student');
    expect([...problems, ...readerProblems]).toEqual([]);
  });

  test('a teacher imports an article: paste, edit, publish, in the library, unpublish', async () => {
    const teacher = await newTeacherContext(browser(), appUrl, `Ines ${variant.name}`);
    const { page, problems } = await pageOf(teacher, variant);
    const title = `Fahrradstraßen in ${variant.name} ${STAMP}`;
    const english = `Cities are building more cycle streets (${variant.name}).`;
    await page.goto(`${appUrl}/${locale}`, { waitUntil: 'networkidle' });
    await viaHeader(page, variant, '/teach');
    await page.getByTestId('teach-new').click();
    await page.waitForURL(`**/${locale}/teach/new`);
    await page.locator('input[name=source][value=paste]').check();
    await page.locator('#article-title').fill(title);
    await page
      .locator('#article-text')
      .fill(
        'Immer mehr Städte bauen Fahrradstraßen. Die Bundesregierung will den Ausbau fördern.\n\n' +
          'Kritiker sagen, dass die Sanktionen gegen Autofahrer zu weit gehen.',
      );
    await check(page, 'import form');
    await page.getByTestId('new-article-submit').click();
    await page.waitForURL(`**/${locale}/teach/articles/**`);
    const slug = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    // Edit: English drafted by machine for every sentence, then the first one by hand, saved by itself.
    await page.getByTestId('machine-translate').click();
    await expect
      .poll(() =>
        page
          .getByTestId('group-en')
          .evaluateAll((fields) => fields.every((field) => (field as HTMLTextAreaElement).value !== '')),
      )
      .toBe(true);
    const first = page.getByTestId('editor-group').first().getByTestId('group-en');
    await first.fill(english);
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
    await check(page, 'editor');
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => page.getByTestId('group-en').first().inputValue()).toBe(english);

    // Publish: then it is in the library, and reads with the edited English.
    await page.getByTestId('publish').click();
    published.push({ teacher, slug });
    await expect
      .poll(() => page.getByTestId('publish-panel').locator('[data-testid=unpublish], [role=alert]').count(), {
        timeout: 90_000,
      })
      .toBeGreaterThan(0);
    expect(
      await page.getByTestId('unpublish').count(),
      (await page.getByTestId('publish-status').textContent()) ?? '',
    ).toBe(1);
    // A fresh load: the browser's router may still hold the library as it was before.
    await page.goto(`${appUrl}/${locale}`, { waitUntil: 'networkidle' });
    const inLibrary = page.locator(`[data-testid=article-list] a[href="/${locale}/articles/${slug}"]`).first();
    await inLibrary.click();
    await page.waitForURL(`**/${locale}/articles/${slug}`);
    await expect.poll(() => page.getByTestId('reader').textContent()).toContain(english);

    // Unpublished again: the library is as it was.
    await page.goto(`${appUrl}/${locale}/teach/articles/${encodeURIComponent(slug)}`, { waitUntil: 'networkidle' });
    await page.getByTestId('unpublish').click();
    await expect.poll(() => page.getByTestId('unpublish').count()).toBe(0);
    published.splice(
      published.findIndex((entry) => entry.slug === slug),
      1,
    );
    const library = await (await page.request.get(`${appUrl}/${locale}`)).text();
    expect(library).not.toContain(`/${locale}/articles/${slug}`);
    expect(problems).toEqual([]);
  });
});
