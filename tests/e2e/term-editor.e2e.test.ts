import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { E2E_ADMIN, newInvitation, newLearnerContext, signedInContext } from './accounts';
import { callAction } from './actions';
import { pageIn, useBrowser } from './browser';
import { withE2eDatabase } from './database';

// The glossary editor end to end (docs/decisions/032-glossary-editor-and-live-refresh.md): an admin
// makes a teacher an editor, who changes a definition that the term page then shows; approving a
// proposal highlights the term in a reader that was already open, after a reload, without a rebuild or
// restart. The shared app is left as found: the definition is restored and the proposal retired.
const appUrl = inject('appUrl');
const browser = useBrowser();
const AFP = 'china-hilft-russland-aufruestung';
const PROPOSAL = 'Sowjetzeit';

let admin: BrowserContext;
let editor: BrowserContext;
let editorEmail = '';
const entry = (lemma: string) =>
  withE2eDatabase(
    (database) =>
      database.prepare('SELECT id, version FROM "Term" WHERE lemma = ?').get(lemma) as
        { id: string; version: number } | undefined,
  );
let machineTool = { id: '', version: 0 };

beforeAll(async () => {
  admin = await signedInContext(browser(), appUrl, E2E_ADMIN);
  const invited = await newLearnerContext(
    browser(),
    appUrl,
    'Glossary Editor',
    'teacher',
    undefined,
    await newInvitation(browser(), appUrl),
  );
  editor = invited.context;
  editorEmail = invited.email;
  machineTool = entry('Werkzeugmaschine')!;
  // A teacher's proposal, as the proposals panel makes them (its grammar and meaning prefilled).
  withE2eDatabase((database) => {
    database
      .prepare(
        `INSERT INTO "Term" (id, lemma, status, kind, gender, plural, genitive, "englishPreferred", "definitionEn",
           "definitionDe", source, "createdAt", "updatedAt")
         SELECT 'e2e-proposal', ?, 'proposed', 'noun', 'f', 'Sowjetzeiten', 'der Sowjetzeit', 'Soviet era',
           'The period of the Soviet Union, 1922–1991.', 'Die Zeit der Sowjetunion, 1922–1991.', 'E2E proposal',
           "createdAt", "updatedAt" FROM "Term" WHERE lemma = 'Werkzeugmaschine'`,
      )
      .run(PROPOSAL);
    database.prepare(`INSERT INTO "TermDomain" ("termId", domain) VALUES ('e2e-proposal', 'geopolitics')`).run();
  });
});

afterAll(async () => {
  // Back as found: the seeded definition (its version before the edit) and no extra approved entry.
  const current = entry('Werkzeugmaschine');
  if (current && current.version !== machineTool.version)
    await callAction(appUrl, admin.request, 'lib/glossary/actions.ts#restoreRevisionAction', {
      id: current.id,
      version: current.version,
      revision: machineTool.version,
    });
  const proposal = entry(PROPOSAL);
  if (proposal)
    await callAction(appUrl, admin.request, 'lib/glossary/actions.ts#retireTermAction', {
      id: proposal.id,
      version: proposal.version,
    });
  await Promise.all([admin, editor].map((context) => context?.close()));
});

describe('the term editor', () => {
  test('an admin makes a teacher an editor, whose new definition the term page shows', async () => {
    const { page: adminPage, problems: adminProblems } = await pageIn(admin);
    await adminPage.goto(`${appUrl}/en/admin/teachers`);
    const row = adminPage.locator(`[data-testid="editor-row"][data-email="${editorEmail}"]`);
    await row.getByTestId('grant-editor').click();
    await row.getByTestId('revoke-editor').waitFor();
    expect(adminProblems).toEqual([]);

    const { page, problems } = await pageIn(editor);
    await page.goto(`${appUrl}/en/glossary/Werkzeugmaschine`);
    await page.getByTestId('term-edit-link').click();
    await page.waitForURL(/\/en\/glossary\/Werkzeugmaschine\/edit$/);
    const definition = 'A powered machine that cuts or shapes metal parts; a classic dual-use good.';
    await page.getByLabel('Definition in English').fill(definition);
    await page.getByTestId('term-save').click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.locator('[data-testid="term-revision"]', { hasText: 'Glossary Editor' }).first().waitFor();

    await page.goto(`${appUrl}/en/glossary/Werkzeugmaschine`);
    await expect(page.getByTestId('term-page').textContent()).resolves.toContain(definition);
    expect(problems).toEqual([]);
  });

  test('approving a proposal highlights it in a reader that was open before, after a reload', async () => {
    const { page: reader, problems: readerProblems } = await pageIn(await browser().newContext());
    await reader.goto(`${appUrl}/en/articles/${AFP}`);
    await reader.getByTestId('reader').waitFor();
    await expect(reader.locator(`[data-term="${PROPOSAL}"]`).count()).resolves.toBe(0);

    const { page, problems } = await pageIn(editor);
    await page.goto(`${appUrl}/en/glossary/${PROPOSAL}/edit`);
    await expect(page.getByTestId('term-status-value').textContent()).resolves.toBe('proposed');
    await page.getByTestId('term-fill').click();
    await page.getByText('Filled from the lemma table').waitFor();
    await page.getByTestId('term-preview-run').click();
    const summary = page.getByTestId('match-preview-summary');
    await summary.waitFor();
    expect(Number(await summary.getAttribute('data-occurrences'))).toBeGreaterThan(0);
    await page.getByTestId('term-approve').click();
    await page.getByTestId('term-status-value').filter({ hasText: 'approved' }).waitFor();
    expect(problems).toEqual([]);

    // The open reader, reloaded: the page was dropped from the cache and shows the new term.
    await expect
      .poll(async () => {
        await reader.reload();
        return reader.locator(`[data-term="${PROPOSAL}"]`).count();
      })
      .toBeGreaterThan(0);
    expect(readerProblems).toEqual([]);
  });
});
