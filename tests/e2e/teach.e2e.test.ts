import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { largeArticleHtml } from '../fixtures/large-inputs';
import { DEMO_LEARNER, DEMO_TEACHER, signedInContext } from './accounts';
import { seriousViolations, useBrowser } from './browser';

// Issue 7 end to end, as the demo teacher: an HTML page is imported (boilerplate removed and listed),
// one sentence split is fixed, the English is drafted by machine (a local LibreTranslate stub started
// by tests/setup/app-server.ts answers '[MT] ' + the German) and edited, the article is published with
// visible progress, and then it is in the library with its glossary terms highlighted in the reader.
// Before publishing, the draft is in neither the library nor the reader.
const appUrl = inject('appUrl');
const browser = useBrowser();
const FIXTURE = path.join(import.meta.dirname, 'fixtures/article.html');
const LONG_SENTENCE = 'verdoppelt; westliche Regierungen';
let teacher: BrowserContext;
let anonymous: BrowserContext;
let slug = '';
const problems: string[] = [];

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().includes('status of 404'))
      problems.push(`console: ${message.text()}`);
  });
  return page;
}

/** The German and English of every sentence group in the editor, in order. */
function groupTexts(page: Page) {
  return page.locator('[data-testid=editor-group]').evaluateAll((groups) =>
    groups.map((group) => ({
      id: (group as HTMLElement).dataset.groupId!,
      de: group.querySelector<HTMLTextAreaElement>('[data-testid=group-de]')!.value,
      en: group.querySelector<HTMLTextAreaElement>('[data-testid=group-en]')!.value,
      machine: Boolean(group.querySelector('[data-testid=machine-badge]')),
    })),
  );
}

const groupById = (page: Page, id: string): Locator =>
  page.locator(`[data-testid=editor-group][data-group-id="${id}"]`);

beforeAll(async () => {
  teacher = await signedInContext(browser(), appUrl, DEMO_TEACHER);
  anonymous = await browser().newContext();
});

afterAll(async () => {
  await Promise.all([teacher?.close(), anonymous?.close()]);
});

describe('teaching: import, edit, translate, publish', () => {
  test('learners and anonymous visitors cannot reach the teach pages', async () => {
    const learner = await signedInContext(browser(), appUrl, DEMO_LEARNER);
    for (const url of ['/en/teach', '/en/teach/new', '/de/teach'])
      expect((await learner.request.get(`${appUrl}${url}`)).status(), url).toBe(404);
    const page = await learner.newPage();
    await page.goto(`${appUrl}/en`, { waitUntil: 'networkidle' });
    await page.getByTestId('user-menu').waitFor();
    await expect(page.getByTestId('user-menu').getByRole('link', { name: 'Teach', exact: true }).count()).resolves.toBe(
      0,
    );
    await learner.close();
    const response = await anonymous.request.get(`${appUrl}/en/teach`, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe(`/en/sign-in?next=${encodeURIComponent('/en/teach')}`);
    expect((await anonymous.request.post(`${appUrl}/api/teach/articles/anything/publish`)).status()).toBe(401);
  });

  test('a wrong file type and an empty file are refused with a reason', async () => {
    const page = await newPage(teacher);
    await page.goto(`${appUrl}/en/teach/new`, { waitUntil: 'networkidle' });
    await page
      .locator('#article-file')
      .setInputFiles({ name: 'article.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await page.getByTestId('new-article-submit').click();
    await expect
      .poll(() => page.getByTestId('new-article-error').textContent())
      .toBe('Only .txt, .md, .html and .docx files can be imported.');
    await page
      .locator('#article-file')
      .setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('') });
    await page.getByTestId('new-article-submit').click();
    await expect.poll(() => page.getByTestId('new-article-error').textContent()).toBe('The file is empty.');
    expect(new URL(page.url()).pathname).toBe('/en/teach/new');
    await page.close();
  });

  test('the teacher imports an HTML page and sees what was removed', async () => {
    const page = await newPage(teacher);
    await page.goto(`${appUrl}/en`, { waitUntil: 'networkidle' });
    await page.getByTestId('user-menu').getByRole('link', { name: 'Teach', exact: true }).click();
    await page.waitForURL('**/en/teach');
    await page.getByTestId('teach-new').click();
    await page.waitForURL('**/en/teach/new');
    await page.locator('#article-file').setInputFiles(FIXTURE);
    await page.getByTestId('new-article-submit').click();
    await page.waitForURL('**/en/teach/articles/**', { timeout: 60_000 }); // extraction and segmentation on the server
    slug = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(slug).not.toBe('');
    await page.getByTestId('article-editor').waitFor();

    const removed = page.getByTestId('removed-blocks');
    await removed.locator('summary').click();
    const reasons = await removed
      .locator('li')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.reason));
    expect(reasons).toContain('advertisement');
    expect(reasons).toContain('subscription');
    await expect(removed.locator('li[data-reason=advertisement]').first().textContent()).resolves.toContain('Anzeige');
    await expect(removed.locator('li[data-reason=subscription]').first().textContent()).resolves.toContain(
      'Newsletter',
    );

    // The article body was kept, the clutter was not.
    const texts = await groupTexts(page);
    const german = texts.map((group) => group.de).join('\n');
    expect(german).toContain('Werkzeugmaschinen');
    expect(german).toContain('Stellvertreterkrieg');
    expect(german).not.toContain('Newsletter');
    expect(german).not.toContain('Cookies');
    expect(german).not.toContain('Anzeige');
    expect(texts.every((group) => group.en === '')).toBe(true);
    await page.close();
  });

  test('before publishing, the draft is neither in the library nor in the reader', async () => {
    expect(slug).not.toBe('');
    const library = await (await anonymous.request.get(`${appUrl}/en`)).text();
    expect(library).not.toContain(`/en/articles/${slug}`);
    // This also leaves a cached 404 behind, which publishing must replace.
    expect((await anonymous.request.get(`${appUrl}/en/articles/${slug}`)).status()).toBe(404);
  });

  test('the teacher splits a sentence group at the cursor, translates by machine and edits one sentence', async () => {
    const page = await newPage(teacher);
    await page.goto(`${appUrl}/en/teach/articles/${encodeURIComponent(slug)}`, { waitUntil: 'networkidle' });
    const before = await groupTexts(page);
    const long = before.find((group) => group.de.includes(LONG_SENTENCE));
    expect(long, 'the long sentence is one group').toBeDefined();

    // Split at the cursor, placed after "verdoppelt; ".
    const de = groupById(page, long!.id).getByTestId('group-de');
    const at = long!.de.indexOf('westliche Regierungen');
    await de.evaluate((element, offset) => {
      const field = element as HTMLTextAreaElement;
      field.focus();
      field.setSelectionRange(offset, offset);
    }, at);
    await groupById(page, long!.id).getByTestId('split-group').click();
    await expect.poll(async () => (await groupTexts(page)).length).toBe(before.length + 1);
    const split = await groupTexts(page);
    const index = split.findIndex((group) => group.id === long!.id);
    expect(split[index]!.de.endsWith('verdoppelt;')).toBe(true);
    expect(split[index + 1]!.de.startsWith('westliche Regierungen')).toBe(true);

    // Machine drafts for every empty group, marked as such.
    await page.getByTestId('machine-translate').click();
    await expect
      .poll(() => page.getByTestId('editor-notice').textContent())
      .toMatch(/translations were drafted by machine/);
    await expect
      .poll(async () => (await groupTexts(page)).every((group) => group.en.startsWith('[MT] ') && group.machine))
      .toBe(true);
    await expect(page.locator('#title-en').inputValue()).resolves.toBe(
      '[MT] Werkzeugmaschinen für Moskau: Wie China den Krieg am Laufen hält',
    );
    await expect(page.locator('#title-en-hint').textContent()).resolves.toBe('Machine translation');

    // A person edits one English field: the badge goes at once, and the text is saved by itself.
    const first = (await groupTexts(page))[0]!;
    const english = groupById(page, first.id).getByTestId('group-en');
    await english.fill('Since the invasion began, Beijing has officially supplied no weapons to Russia.');
    await expect(groupById(page, first.id).getByTestId('machine-badge').count()).resolves.toBe(0);
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
    await expect(page.getByTestId('save-status').textContent()).resolves.toBe('All changes saved');

    // After a reload, the edit is there and no longer marked as machine text; the others still are.
    await page.reload({ waitUntil: 'networkidle' });
    const reloaded = await groupTexts(page);
    expect(reloaded[0]!.en).toBe('Since the invasion began, Beijing has officially supplied no weapons to Russia.');
    expect(reloaded[0]!.machine).toBe(false);
    expect(reloaded.slice(1).every((group) => group.machine)).toBe(true);
    expect(reloaded.length).toBe(before.length + 1);
    await page.close();
  });

  test('publishing shows its progress, and then the article is in the library with its terms highlighted', async () => {
    const page = await newPage(teacher);
    await page.goto(`${appUrl}/en/teach/articles/${encodeURIComponent(slug)}`, { waitUntil: 'networkidle' });
    const groups = (await groupTexts(page)).length;
    await page.getByTestId('publish').click();
    await expect
      .poll(() => page.getByTestId('publish-status').textContent(), { timeout: 60_000 }) // annotates every group
      .toBe('Published. The article is now in the library.');
    const progress = page.getByTestId('publish-progress');
    const total = Number(await progress.getAttribute('data-total'));
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(groups);
    await expect(progress.getAttribute('data-done')).resolves.toBe(String(total));
    await page.getByTestId('unpublish').waitFor();

    // The teacher's list says so.
    await page.goto(`${appUrl}/en/teach`, { waitUntil: 'networkidle' });
    const row = page.locator(`[data-testid=teach-article][data-slug="${slug}"]`);
    await expect(row.getAttribute('data-status')).resolves.toBe('published');
    await expect(row.textContent()).resolves.toContain(`${groups} of ${groups} groups translated`);

    // Anyone sees it in the library and reads it, with the glossary terms found in their inflected forms.
    expect(
      (await anonymous.request.get(`${appUrl}/en/articles/${slug}`)).status(),
      'the 404 cached for the draft is gone',
    ).toBe(200);
    const reader = await newPage(anonymous);
    await reader.goto(`${appUrl}/en`, { waitUntil: 'networkidle' });
    await reader.locator(`a[href="/en/articles/${slug}"]`).first().click();
    await reader.waitForURL(`**/en/articles/${slug}`);
    await reader.getByTestId('reader').waitFor();
    for (const term of ['Werkzeugmaschine', 'Stellvertreterkrieg', 'rote Linie']) {
      await expect(reader.locator(`button.term[data-term="${term}"]`).count(), term).resolves.toBeGreaterThan(0);
    }
    await expect(reader.locator('button.term[data-term="rote Linie"]').first().textContent()).resolves.toBe(
      'rote Linie',
    );
    await expect(
      reader.getByText('Since the invasion began, Beijing has officially supplied no weapons to Russia.').count(),
    ).resolves.toBe(1);
    await reader.close();
    await page.close();
  });

  test('axe finds nothing serious on the teach pages, in English and German', async () => {
    for (const locale of ['en', 'de']) {
      for (const url of [
        `/${locale}/teach`,
        `/${locale}/teach/new`,
        `/${locale}/teach/articles/${encodeURIComponent(slug)}`,
      ]) {
        const page = await newPage(teacher);
        await page.goto(`${appUrl}${url}`, { waitUntil: 'networkidle' });
        await page.locator('h1').waitFor();
        const details = page.locator('details.removed-blocks');
        if (await details.count()) await details.locator('summary').click();
        expect(await seriousViolations(page), url).toEqual([]);
        await page.close();
      }
    }
  });

  test('unpublishing takes the article out of the library and the reader again', async () => {
    const page = await newPage(teacher);
    await page.goto(`${appUrl}/de/teach/articles/${encodeURIComponent(slug)}`, { waitUntil: 'networkidle' });
    await page.getByTestId('unpublish').click();
    await expect
      .poll(() => page.getByTestId('publish-status').textContent())
      .toBe('Der Artikel ist wieder ein Entwurf und nicht mehr in der Bibliothek.');
    await expect(page.getByTestId('open-reader').count()).resolves.toBe(0);
    expect(await (await anonymous.request.get(`${appUrl}/de`)).text()).not.toContain(`/de/articles/${slug}`);
    expect((await anonymous.request.get(`${appUrl}/en/articles/${slug}`)).status()).toBe(404);
    await page.close();
  });

  test('no script errors along the way', () => {
    expect(problems).toEqual([]);
  });
});

describe('a long article', () => {
  test('publishing streams its progress while it annotates, not all at once afterwards', async () => {
    // A 1.8-million-character page, imported through the form and drafted in English by machine.
    const page = await newPage(teacher);
    await page.goto(`${appUrl}/en/teach/new`, { waitUntil: 'networkidle' });
    await page
      .locator('#article-file')
      .setInputFiles({ name: 'lagebericht.html', mimeType: 'text/html', buffer: Buffer.from(largeArticleHtml()) });
    await page.getByTestId('new-article-submit').click();
    await page.waitForURL('**/en/teach/articles/**', { timeout: 90_000 });
    const long = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.getByTestId('machine-translate').click();
    await expect
      .poll(() => page.getByTestId('editor-notice').textContent(), { timeout: 90_000 })
      .toMatch(/translations were drafted by machine/);
    await page.close();

    // The stream as it arrives: when (ms after the request) each line came.
    const cookie = (await teacher.cookies(appUrl)).map((c) => `${c.name}=${c.value}`).join('; ');
    const started = performance.now();
    const response = await fetch(`${appUrl}/api/teach/articles/${long}/publish`, {
      method: 'POST',
      headers: { origin: appUrl, cookie },
    });
    expect(response.status).toBe(200);
    const lines: { at: number; done?: number; total?: number; ok?: boolean }[] = [];
    let buffer = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body!) {
      const at = performance.now() - started;
      buffer += decoder.decode(chunk, { stream: true });
      const complete = buffer.split('\n');
      buffer = complete.pop()!;
      for (const line of complete) lines.push({ at, ...(JSON.parse(line) as object) });
    }
    expect(lines.at(-1)).toMatchObject({ ok: true, slug: long });
    // Steps are paragraphs and headings; the last progress line (total of total) follows the write.
    const total = lines[0]!.total!;
    const steps = lines.filter((line) => line.done !== undefined && line.done > 0 && line.done < total);
    expect(steps.length).toBe(total - 1);
    // Today's code sent every step's line in one piece, when annotating had finished.
    expect(steps.at(-1)!.at).toBeGreaterThan(steps[0]!.at);
    expect(new Set(steps.map((line) => line.at)).size).toBeGreaterThan(5);

    // Back to a draft: the library the other files see holds the seed articles only.
    const editor = await newPage(teacher);
    await editor.goto(`${appUrl}/en/teach/articles/${encodeURIComponent(long)}`, { waitUntil: 'networkidle' });
    await editor.getByTestId('unpublish').click();
    await expect
      .poll(() => editor.getByTestId('publish-status').textContent())
      .toBe('The article is a draft again and no longer in the library.');
    await editor.close();
  });
});

// Issue 18, the editor: the pasted headline, titles and source that save themselves with one indicator,
// deleting a sentence group, undoing a split or join, the source in the reader, and who may read it.
describe('the editor: headline, autosave, delete, undo, source and visibility', () => {
  let pasted = '';
  const editorUrl = (locale = 'en') => `${appUrl}/${locale}/teach/articles/${encodeURIComponent(pasted)}`;
  const germanOf = async (page: Page) => (await groupTexts(page)).map((group) => group.de);
  const saved = (page: Page) =>
    expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');
  const BODY = ['Erster Satz des Textes.', 'Zweiter Satz des Textes.', 'Dritter Satz.', 'Vierter Satz.'];

  test('a pasted headline becomes the title and is not also the first paragraph', async () => {
    const page = await newPage(teacher);
    await page.goto(`${appUrl}/en/teach/new`, { waitUntil: 'networkidle' });
    await page.locator('input[name=source][value=paste]').check();
    await page.locator('#article-text').fill(`Ein Titel für die Klasse\n\n${BODY.slice(0, 3).join(' ')}\n\n${BODY[3]}`);
    await page.getByTestId('new-article-submit').click();
    await page.waitForURL('**/en/teach/articles/**', { timeout: 60_000 });
    pasted = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.getByTestId('article-editor').waitFor();
    await expect(page.locator('#title-de').inputValue()).resolves.toBe('Ein Titel für die Klasse');
    expect(await germanOf(page)).toEqual(BODY);
    await page.close();
  });

  test('titles and source save themselves; one save indicator, localized, in a live region', async () => {
    const page = await newPage(teacher);
    await page.goto(editorUrl(), { waitUntil: 'networkidle' });
    const indicator = page.getByTestId('save-status');
    await expect(indicator.getAttribute('aria-live')).resolves.toBe('polite');
    await expect(page.getByRole('button', { name: /Save titles/ }).count()).resolves.toBe(0);
    await page.locator('#title-en').fill('A title for the class');
    await saved(page);
    await expect(indicator.textContent()).resolves.toBe('All changes saved');

    // A refused address keeps what was typed, says why at the field and offers a retry.
    await page.locator('#source-sourceUrl').fill('javascript:alert(1)');
    await expect.poll(() => indicator.getAttribute('data-state')).toBe('failed');
    await expect(indicator.textContent()).resolves.toMatch(/^Couldn’t save – /);
    await expect(page.locator('#source-sourceUrl-error').textContent()).resolves.toContain('http://');
    await page.getByTestId('save-retry').waitFor();
    await page.locator('#source-sourceUrl').fill('https://example.org/artikel');
    await page.locator('#source-outlet').fill('Die Beispielzeitung');
    await page.locator('#source-authors').fill('Anna Beispiel');
    await page.locator('#source-publishedAt').fill('2024-04-12');
    await page.locator('#source-publishedAt').blur();
    await saved(page);

    await page.goto(editorUrl('de'), { waitUntil: 'networkidle' });
    await expect(page.locator('#title-en').inputValue()).resolves.toBe('A title for the class');
    await expect(page.locator('#source-sourceUrl').inputValue()).resolves.toBe('https://example.org/artikel');
    await expect(page.locator('#source-publishedAt').inputValue()).resolves.toBe('2024-04-12');
    await page.locator('#title-en').fill('A title for our class');
    await saved(page);
    await expect(page.getByTestId('save-status').textContent()).resolves.toBe('Alle Änderungen gespeichert');
    await page.close();
  });

  test('a join is undone by its button, a split by Ctrl+Z', async () => {
    const page = await newPage(teacher);
    await page.goto(editorUrl(), { waitUntil: 'networkidle' });
    expect(await germanOf(page)).toEqual(BODY);
    await page.getByTestId('editor-group').first().getByTestId('join-groups').click();
    await expect.poll(() => germanOf(page)).toEqual([`${BODY[0]} ${BODY[1]}`, BODY[2], BODY[3]]);
    await page.getByTestId('undo').click();
    await expect.poll(() => germanOf(page)).toEqual(BODY);
    await expect(page.getByTestId('undo').count()).resolves.toBe(0);

    const first = page.getByTestId('editor-group').first();
    await first.getByTestId('group-de').evaluate((element) => {
      const field = element as HTMLTextAreaElement;
      field.focus();
      field.setSelectionRange(7, 7);
    });
    await first.getByTestId('split-group').click();
    await expect.poll(() => germanOf(page)).toEqual(['Erster', 'Satz des Textes.', ...BODY.slice(1)]);
    await expect(page.getByTestId('undo').textContent()).resolves.toBe('Undo split');
    await page.getByTestId('editor-summary').click(); // outside a text field
    await page.keyboard.press('Control+z');
    await expect.poll(() => germanOf(page)).toEqual(BODY);
    await page.reload({ waitUntil: 'networkidle' });
    expect(await germanOf(page)).toEqual(BODY);
    await page.close();
  });

  test('a sentence group is deleted after a confirmation', async () => {
    const page = await newPage(teacher);
    await page.goto(editorUrl(), { waitUntil: 'networkidle' });
    const last = page.getByTestId('editor-group').last();
    await last.getByTestId('delete-group').click();
    await last.getByTestId('cancel-delete-group').click();
    expect(await germanOf(page)).toEqual(BODY);
    await last.getByTestId('delete-group').click();
    await last.getByTestId('confirm-delete-group').click();
    await expect.poll(() => germanOf(page)).toEqual(BODY.slice(0, 3));
    await page.reload({ waitUntil: 'networkidle' });
    expect(await germanOf(page)).toEqual(BODY.slice(0, 3));
    await page.close();
  });

  test('published for the classes only, it is in no public page; for everyone, the reader shows its source', async () => {
    const page = await newPage(teacher);
    await page.goto(editorUrl(), { waitUntil: 'networkidle' });
    await page.getByTestId('machine-translate').click();
    await expect
      .poll(() => page.getByTestId('editor-notice').textContent())
      .toMatch(/translations? (was|were) drafted by machine/);
    await page.getByTestId('visibility-classes').click();
    await expect.poll(() => page.getByTestId('visibility-classes').isChecked()).toBe(true);
    await page.getByTestId('publish').click();
    await expect
      .poll(() => page.getByTestId('publish-status').textContent(), { timeout: 60_000 })
      .toBe('Published for your classes. It is not in the library.');
    await expect(page.getByTestId('open-reader').getAttribute('href')).resolves.toBe(`/en/articles/${pasted}/classes`);
    expect(await (await anonymous.request.get(`${appUrl}/en`)).text()).not.toContain(`/en/articles/${pasted}`);
    const shared = await (await anonymous.request.get(`${appUrl}/en/articles/${pasted}`)).text();
    expect(shared).not.toContain(BODY[0]);

    // The teacher reads it on its own page, which shows the source, and is sent there from the shared one.
    const reader = await newPage(teacher);
    await reader.goto(`${appUrl}/en/articles/${pasted}#p1-s2`, { waitUntil: 'networkidle' });
    await reader.waitForURL(`**/en/articles/${pasted}/classes#p1-s2`);
    await reader.getByTestId('reader').waitFor();
    await expect(reader.getByTestId('source-note').textContent()).resolves.toContain(
      'Die Beispielzeitung · Anna Beispiel, published April 12, 2024',
    );
    const link = reader.getByTestId('source-link');
    await expect(link.getAttribute('href')).resolves.toBe('https://example.org/artikel');
    await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    await expect(link.textContent()).resolves.toBe('Read the original at example.org');
    await reader.close();

    // For everyone: in the library, and the shared page has it, with its source.
    await page.getByTestId('visibility-public').click();
    await expect.poll(() => page.getByTestId('publish-note').textContent()).toContain('listed in the library');
    expect(await (await anonymous.request.get(`${appUrl}/en`)).text()).toContain(`/en/articles/${pasted}`);
    const everyone = await newPage(anonymous);
    await everyone.goto(`${appUrl}/de/articles/${pasted}`, { waitUntil: 'networkidle' });
    await expect(everyone.getByTestId('source-note').textContent()).resolves.toContain(
      'Die Beispielzeitung · Anna Beispiel, veröffentlicht am 12. April 2024',
    );
    await everyone.close();

    // Back to the classes only: the page cached for everyone a moment ago is dropped at once.
    await page.getByTestId('visibility-classes').click();
    await expect.poll(() => page.getByTestId('publish-note').textContent()).toContain('classes only');
    for (const locale of ['en', 'de']) {
      const again = await (await anonymous.request.get(`${appUrl}/${locale}/articles/${pasted}`)).text();
      expect(again).toContain('data-testid="classes-only-notice"');
      expect(again).not.toContain(BODY[0]);
    }

    // The shared library is left as found.
    await page.getByTestId('unpublish').click();
    await expect
      .poll(() => page.getByTestId('publish-status').textContent())
      .toBe('The article is a draft again and no longer in the library.');
    await page.close();
  });

  test('no script errors along the way', () => {
    expect(problems).toEqual([]);
  });
});
