import type { APIRequestContext, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import {
  DEMO_TEACHER,
  E2E_ADMIN,
  newInvitation,
  newLearnerContext,
  newTeacherContext,
  signedInContext,
} from './accounts';
import { type ActionResult, buildActions, callAction as callActionAt, SLUG } from './actions';
import { useBrowser } from './browser';
import { newestOpenInvitationId, withE2eDatabase } from './database';

// The access matrix: every personal route and every server action of the build, tried as anonymous
// and as another learner against a learner's words, cards and settings, and the admins' actions as
// everyone who is not an admin (a learner, a teacher sign-up waiting for approval, a teacher). Server
// actions are public endpoints (POST with a Next-Action id), so they are called here as an attacker
// would: by id, with someone else's ids in the input. The list of actions comes from the build's own
// manifest, so a new action without a case here fails this test.
const appUrl = inject('appUrl');
const browser = useBrowser();
const actions = buildActions();
const callAction = (request: APIRequestContext, name: string, input: unknown): Promise<ActionResult> =>
  callActionAt(appUrl, request, name, input);

let owner: BrowserContext;
let other: BrowserContext;
let anonymous: BrowserContext;
let teacher: BrowserContext;
const mine = { entryId: '', cardId: '' };
// A draft of the demo teacher, attacked as anonymous, as a learner and as another teacher.
let otherTeacher: BrowserContext;
const draft = { slug: '', version: 0, groupId: '', secondGroupId: '', paragraphId: '', sectionId: '' };
type Draft = {
  titleDe: string;
  version: number;
  sections: { paragraphs: { id: string; groups: { id: string; textDe: string; textEn: string }[] }[] }[];
};

/** The teacher's draft as its owner sees it (titles and every group's text). */
async function draftState(): Promise<string> {
  const page = await teacher.newPage();
  await page.goto(`${appUrl}/en/teach/articles/${draft.slug}`, { waitUntil: 'networkidle' });
  const state = await page
    .locator('textarea, #title-de, #title-en')
    .evaluateAll((fields) => fields.map((field) => (field as HTMLInputElement).value).join('\n'));
  const published = await page.getByTestId('publish-panel').getAttribute('data-published');
  await page.close();
  return `${published}\n${state}`;
}
// The demo teacher's class and assignment, which the owner joined: their ids are aimed at below.
const classroom = { classId: '', assignmentId: '', ownerId: '' };
// The admin, a teacher sign-up waiting for approval, and an unused invitation link the admin made.
let admin: BrowserContext;
let pending: BrowserContext;
const approval = { pendingUserId: '', invitationToken: '', invitationId: '' };

/** What the admins decide: the pending sign-up's state, and the unused invitation links, as the admin page shows them. */
async function adminState(): Promise<string> {
  const page = await admin.newPage();
  await page.goto(`${appUrl}/en/admin/teachers`, { waitUntil: 'networkidle' });
  const requests = await page.getByTestId('teacher-request').evaluateAll((rows) => rows.map((row) => row.textContent));
  const invitations = await page.locator('[data-testid="invitation"]').count();
  await page.close();
  return JSON.stringify({ requests, invitations });
}

/** A glossary CSV with one new, valid entry: what a non-editor tries to import. */
const SMUGGLED_GLOSSARY = [
  'lemma,kind,english_preferred,definition_en,definition_de,domains,source',
  'Eingeschmuggelt,adjective,smuggled,Brought in unseen.,Heimlich eingebracht.,politics,nobody',
].join('\n');

/** The public glossary as its CSV download (what an import would change). */
const glossaryCsv = async () => (await anonymous.request.get(`${appUrl}/api/glossary/export?format=csv`)).text();
// A seeded glossary entry and the demo teacher, aimed at by the glossary editor's actions
// (docs/decisions/032-glossary-editor-and-live-refresh.md), which only editors and admins may run.
const glossary = { termId: '', version: 0, teacherId: '' };
const ENTRY = {
  lemma: 'Werkzeugmaschine',
  kind: 'noun',
  gender: 'f',
  plural: 'Werkzeugmaschinen',
  genitive: 'der Werkzeugmaschine',
  separable: false,
  english: { preferred: 'hijacked', alternatives: [] },
  definitionEn: 'Hijacked.',
  definitionDe: 'Gekapert.',
  usageNote: null,
  domains: ['economy'],
  related: [],
  variants: [],
  source: 'Hijacked',
  confirmNoMatches: true,
};

/** The entry and the demo teacher's editor flag, as stored. */
const glossaryState = (): string =>
  withE2eDatabase((database) =>
    JSON.stringify([
      database.prepare('SELECT version, status, "definitionEn" FROM "Term" WHERE lemma = ?').get('Werkzeugmaschine'),
      database.prepare('SELECT COUNT(*) AS n FROM "Term"').get(),
      database.prepare('SELECT "glossaryEditor" FROM "User" WHERE email = ?').get(DEMO_TEACHER.email),
    ]),
  );

/** What the owner has: their export, account page and review summary, compared before and after. */
async function ownerState() {
  const csv = await (await owner.request.get(`${appUrl}/api/vocabulary/export?format=csv`)).text();
  const account = await owner.newPage();
  await account.goto(`${appUrl}/en/account`, { waitUntil: 'networkidle' });
  const settings = await account
    .getByTestId('learner-settings')
    .locator('input')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  const name = await account.locator('#profile-name').inputValue();
  await account.goto(`${appUrl}/en/dashboard`, { waitUntil: 'networkidle' });
  const streak = await account.getByTestId('streak').textContent();
  // …and the classroom: the owner's assignments page and the teacher's grid of the class.
  await account.goto(`${appUrl}/en/assignments`, { waitUntil: 'networkidle' });
  const assignments = await account.getByTestId('my-assignments').textContent();
  await account.close();
  const grid = await (await teacher.request.get(`${appUrl}/api/classes/${classroom.classId}/grid.csv`)).text();
  return { csv, settings, name, streak, assignments, grid };
}

beforeAll(async () => {
  owner = (await newLearnerContext(browser(), appUrl, 'Owner')).context;
  other = (await newLearnerContext(browser(), appUrl, 'Other')).context;
  anonymous = await browser().newContext();
  teacher = await signedInContext(browser(), appUrl, DEMO_TEACHER);
  // The demo teacher's class with an assignment; the owner joins it with the code.
  const created = await callAction(teacher.request, 'lib/classroom/actions.ts#createClassAction', {
    name: `Access class ${Date.now()}`,
  });
  expect(created.ok).toBe(true);
  classroom.classId = String(created.data?.id);
  const assigned = await callAction(teacher.request, 'lib/classroom/actions.ts#createAssignmentAction', {
    classId: classroom.classId,
    articleSlug: SLUG,
    dueAt: '2099-01-01T18:00:00Z',
    instructions: 'Read it',
    quizEnabled: true,
  });
  expect(assigned.ok).toBe(true);
  classroom.assignmentId = String(assigned.data?.id);
  expect(
    (
      await callAction(owner.request, 'lib/classroom/actions.ts#joinClassAction', {
        code: String(created.data?.joinCode),
      })
    ).ok,
  ).toBe(true);
  classroom.ownerId = (
    (await (await owner.request.get(`${appUrl}/api/auth/get-session`)).json()) as { user: { id: string } }
  ).user.id;
  // The owner saves two words, and grades one card in the review page (its id taken from the request).
  const saved = await callAction(owner.request, 'lib/vocabulary/actions.ts#saveWordAction', {
    articleSlug: SLUG,
    anchor: 'p1-s1',
    lemma: 'Aussicht',
    status: 'learning-1',
  });
  expect(saved.ok).toBe(true);
  mine.entryId = String(saved.data?.entryId);
  expect(
    (
      await callAction(owner.request, 'lib/vocabulary/actions.ts#saveWordAction', {
        articleSlug: SLUG,
        anchor: 'p1-s1',
        lemma: 'Russland',
        status: 'new',
      })
    ).ok,
  ).toBe(true);
  const page = await owner.newPage();
  const grade = page.waitForRequest(
    (request) => request.method() === 'POST' && Boolean(request.headers()['next-action']),
  );
  await page.goto(`${appUrl}/en/review`, { waitUntil: 'networkidle' });
  await page.getByTestId('show-answer').click();
  await page.getByRole('button', { name: /Good/ }).click();
  mine.cardId = (JSON.parse((await grade).postData() ?? '[]') as { cardId: string }[])[0]!.cardId;
  await page.getByTestId('review-prompt').waitFor();
  await page.close();
  expect(mine.cardId).not.toBe('');

  otherTeacher = await newTeacherContext(browser(), appUrl, 'OtherTeacher');
  const drafted = await callAction(teacher.request, 'lib/teach/actions.ts#createDraftAction', {
    format: 'paste',
    text: 'Erster Satz des Entwurfs. Zweiter Satz des Entwurfs.\n\nEin zweiter Absatz.',
  });
  expect(drafted.ok, JSON.stringify(drafted)).toBe(true);
  draft.slug = String(drafted.data?.slug);
  const titled = await callAction(teacher.request, 'lib/teach/actions.ts#updateTitleAction', {
    slug: draft.slug,
    version: 0, // a new draft's
    titleDe: 'Entwurf der Lehrerin',
    titleEn: '',
  });
  expect(titled.ok).toBe(true);
  draft.version = (titled.data as unknown as Draft).version;
  const [first] = (titled.data as unknown as Draft).sections[0]!.paragraphs;
  draft.paragraphId = first!.id;
  draft.sectionId = (titled.data as unknown as { sections: { id: string }[] }).sections[0]!.id;
  draft.groupId = first!.groups[0]!.id;
  draft.secondGroupId = first!.groups[1]?.id ?? draft.groupId;

  admin = await signedInContext(browser(), appUrl, E2E_ADMIN);
  pending = (await newLearnerContext(browser(), appUrl, 'Pending', 'teacher')).context;
  approval.pendingUserId = (
    (await (await pending.request.get(`${appUrl}/api/auth/get-session`)).json()) as { user: { id: string } }
  ).user.id;
  approval.invitationToken = await newInvitation(browser(), appUrl);
  approval.invitationId = newestOpenInvitationId();
  withE2eDatabase((database) => {
    const term = database.prepare('SELECT id, version FROM "Term" WHERE lemma = ?').get('Werkzeugmaschine') as {
      id: string;
      version: number;
    };
    glossary.termId = term.id;
    glossary.version = term.version;
    glossary.teacherId = (
      database.prepare('SELECT id FROM "User" WHERE email = ?').get(DEMO_TEACHER.email) as { id: string }
    ).id;
  });
});

afterAll(async () => {
  await Promise.all(
    [owner, other, anonymous, teacher, otherTeacher, admin, pending].map((context) => context?.close()),
  );
});

/** Each action with input aimed at the owner's things; self-scoped actions simply act on the caller. */
const ATTACKS: Record<string, () => unknown> = {
  'lib/auth/actions.ts#renameAction': () => ({ name: 'Hijacked' }),
  // Acts only on the caller's own session, and needs its password: a wrong one changes nothing.
  'lib/auth/actions.ts#deleteAccountAction': () => ({ password: 'nobody has this password' }),
  'lib/review/actions.ts#updateSettingsAction': () => ({
    newCardsPerDay: 0,
    reviewsPerDay: 0,
    timeZone: 'Pacific/Kiritimati',
  }),
  // reps 1 is the card's own after the owner's grade: only the ownership check can refuse it.
  'lib/review/actions.ts#gradeAction': () => ({ cardId: mine.cardId, rating: 1, reps: 1 }),
  'lib/vocabulary/actions.ts#saveWordAction': () => ({
    articleSlug: SLUG,
    anchor: 'p1-s1',
    lemma: 'Aussicht',
    status: 'ignored',
  }),
  // Self-scoped: saves a term to the caller's own words.
  'lib/vocabulary/actions.ts#saveTermAction': () => ({ articleSlug: SLUG, anchor: 'p1-s1', term: 'Aussicht' }),
  'lib/vocabulary/actions.ts#savePhraseAction': () => ({
    articleSlug: SLUG,
    anchor: 'p1-s1',
    start: 0,
    end: 12,
    translation: 'a phrase',
  }),
  'lib/vocabulary/actions.ts#markRemainingKnownAction': () => ({ articleSlug: SLUG }),
  'lib/vocabulary/actions.ts#bulkSetStatusAction': () => ({ entryIds: [mine.entryId], status: 'ignored' }),
  'lib/vocabulary/actions.ts#updateEntryAction': () => ({
    entryId: mine.entryId,
    translation: 'hijacked',
    notes: 'hijacked',
    tags: ['hijacked'],
  }),
  'lib/vocabulary/actions.ts#deleteEntriesAction': () => ({ entryIds: [mine.entryId] }),
  'lib/vocabulary/actions.ts#previewImportAction': () => 'lemma,status\nAussicht,ignored\n',
  'lib/vocabulary/actions.ts#applyImportAction': () => 'lemma,status\nAussicht,ignored\n',
  'lib/teach/actions.ts#createDraftAction': () => ({ format: 'paste', text: 'Ein eingeschmuggelter Artikel.' }),
  // The cloud metadata address: a learner is refused before anything is fetched, a teacher by the address.
  'lib/teach/actions.ts#importLinkAction': () => ({ url: 'http://169.254.169.254/latest/meta-data/' }),
  'lib/teach/actions.ts#updateGroupAction': () => ({
    slug: draft.slug,
    version: draft.version,
    groupId: draft.groupId,
    textDe: 'Gekapert.',
    textEn: 'Hijacked.',
  }),
  'lib/teach/actions.ts#updateNoteAction': () => ({
    slug: draft.slug,
    version: draft.version,
    groupId: draft.groupId,
    note: 'Hijacked.',
  }),
  'lib/teach/actions.ts#splitGroupAction': () => ({
    slug: draft.slug,
    version: draft.version,
    groupId: draft.groupId,
    at: 5,
  }),
  'lib/teach/actions.ts#joinGroupsAction': () => ({ slug: draft.slug, version: draft.version, groupId: draft.groupId }),
  'lib/teach/actions.ts#splitParagraphAction': () => ({
    slug: draft.slug,
    version: draft.version,
    groupId: draft.secondGroupId,
  }),
  'lib/teach/actions.ts#joinParagraphsAction': () => ({
    slug: draft.slug,
    version: draft.version,
    paragraphId: draft.paragraphId,
  }),
  'lib/teach/actions.ts#updateTitleAction': () => ({
    slug: draft.slug,
    version: draft.version,
    titleDe: 'Gekapert',
    titleEn: 'Hijacked',
  }),
  'lib/teach/actions.ts#updateHeadingAction': () => ({
    slug: draft.slug,
    version: draft.version,
    sectionId: draft.sectionId,
    headingEn: 'Hijacked',
  }),
  'lib/teach/actions.ts#deleteGroupAction': () => ({
    slug: draft.slug,
    version: draft.version,
    groupId: draft.groupId,
  }),
  'lib/teach/actions.ts#updateSourceAction': () => ({
    slug: draft.slug,
    version: draft.version,
    outlet: 'Hijacked',
    authors: 'Hijacked',
    sourceUrl: 'https://hijacked.invalid/',
    publishedAt: '2020-01-01',
  }),
  'lib/teach/actions.ts#updateVisibilityAction': () => ({ slug: draft.slug, visibility: 'classes' }),
  'lib/teach/actions.ts#machineTranslateAction': () => ({ slug: draft.slug }),
  'lib/teach/actions.ts#unpublishAction': () => ({ slug: draft.slug }),
  // Proposing glossary entries from the teacher's draft (docs/decisions/033-term-proposals.md).
  'lib/glossary/proposal-actions.ts#proposeTermsAction': () => ({
    slug: draft.slug,
    terms: [
      {
        lemma: 'Eingeschmuggeltbegriff',
        kind: 'noun',
        gender: 'm',
        separable: false,
        englishPreferred: 'smuggled term',
        definitionEn: '',
        definitionDe: '',
        domains: ['politics'],
      },
    ],
  }),
  // Classroom: the demo teacher's class and assignment, and the owner's membership in it.
  'lib/classroom/actions.ts#createClassAction': () => ({ name: 'Hijacked class' }),
  'lib/classroom/actions.ts#updateClassAction': () => ({ classId: classroom.classId, name: 'Hijacked' }),
  'lib/classroom/actions.ts#archiveClassAction': () => ({ classId: classroom.classId }),
  'lib/classroom/actions.ts#unarchiveClassAction': () => ({ classId: classroom.classId }),
  'lib/classroom/actions.ts#regenerateJoinCodeAction': () => ({ classId: classroom.classId }),
  'lib/classroom/actions.ts#joinClassAction': () => ({ code: 'ZZZZ-ZZZZ' }),
  'lib/classroom/actions.ts#leaveClassAction': () => ({ classId: classroom.classId }),
  'lib/classroom/actions.ts#removeStudentAction': () => ({ classId: classroom.classId, studentId: classroom.ownerId }),
  'lib/classroom/actions.ts#createAssignmentAction': () => ({
    classId: classroom.classId,
    articleSlug: SLUG,
    dueAt: '2099-01-01',
    quizEnabled: false,
  }),
  'lib/classroom/actions.ts#updateAssignmentAction': () => ({
    assignmentId: classroom.assignmentId,
    instructions: 'hijacked',
    quizEnabled: false,
  }),
  'lib/classroom/actions.ts#deleteAssignmentAction': () => ({ assignmentId: classroom.assignmentId }),
  'lib/classroom/actions.ts#submitQuizAction': () => ({ assignmentId: classroom.assignmentId, answers: [] }),
  'lib/classroom/actions.ts#markDoneAction': () => ({
    assignmentId: classroom.assignmentId,
    eventId: crypto.randomUUID(),
  }),
  'lib/classroom/actions.ts#focusTermOptionsAction': () => SLUG,
  // Admins: the waiting teacher sign-up, and the unused invitation link (by its id, read as the admin).
  'lib/auth/actions.ts#approveTeacherAction': () => ({ userId: approval.pendingUserId }),
  'lib/auth/actions.ts#declineTeacherAction': () => ({ userId: approval.pendingUserId }),
  'lib/auth/actions.ts#createInvitationAction': () => ({}),
  'lib/auth/actions.ts#revokeInvitationAction': () => ({ invitationId: approval.invitationId }),
  // Glossary editors: a file with one new entry (docs/decisions/034-glossary-exchange-tbx-csv.md).
  'lib/glossary/exchange-actions.ts#previewGlossaryImportAction': () => SMUGGLED_GLOSSARY,
  'lib/glossary/exchange-actions.ts#applyGlossaryImportAction': () => SMUGGLED_GLOSSARY,
  // The glossary editor's: a seeded entry, with its current version (so only the guard can refuse).
  'lib/glossary/actions.ts#createTermAction': () => ({ ...ENTRY, lemma: 'Gekapert' }),
  'lib/glossary/actions.ts#updateTermAction': () => ({ ...ENTRY, id: glossary.termId, version: glossary.version }),
  'lib/glossary/actions.ts#approveTermAction': () => ({ ...ENTRY, id: glossary.termId, version: glossary.version }),
  'lib/glossary/actions.ts#rejectTermAction': () => ({ id: glossary.termId, version: glossary.version, reason: 'x' }),
  'lib/glossary/actions.ts#retireTermAction': () => ({ id: glossary.termId, version: glossary.version }),
  'lib/glossary/actions.ts#restoreRevisionAction': () => ({
    id: glossary.termId,
    version: glossary.version,
    revision: 1,
  }),
  'lib/glossary/actions.ts#previewTermAction': () => ({ lemma: 'Werkzeugmaschine', variants: [] }),
  'lib/glossary/actions.ts#lookUpGrammarAction': () => ({ lemma: 'Werkzeugmaschine', kind: 'noun' }),
  // Admins: the demo teacher made a glossary editor, or no longer.
  'lib/glossary/actions.ts#grantEditorAction': () => ({ userId: glossary.teacherId }),
  'lib/glossary/actions.ts#revokeEditorAction': () => ({ userId: glossary.teacherId }),
};
const EXCHANGE = Object.keys(ATTACKS).filter((name) => name.startsWith('lib/glossary/exchange-actions.ts#'));
const ADMIN = Object.keys(ATTACKS).filter((name) => /#(approve|decline)Teacher|Invitation/.test(name));
const TEACH = Object.keys(ATTACKS).filter(
  (name) => name.startsWith('lib/teach/') || name.endsWith('#proposeTermsAction'),
);
const GLOSSARY = Object.keys(ATTACKS).filter((name) => name.startsWith('lib/glossary/actions.ts#'));

describe('server actions', () => {
  test('every action of the build has a case in this matrix', () => {
    expect(actions.map((a) => a.name).sort()).toEqual(Object.keys(ATTACKS).sort());
  });

  test('as anonymous, every action is refused and changes nothing', async () => {
    const before = await ownerState();
    for (const [name, input] of Object.entries(ATTACKS)) {
      const result = await callAction(anonymous.request, name, input());
      expect(result.ok, name).toBe(false);
    }
    expect(await ownerState()).toEqual(before);
  });

  test("as a learner or another teacher, no teach action touches the teacher's draft", async () => {
    const before = await draftState();
    expect(before).toContain('Entwurf der Lehrerin');
    for (const caller of [other, otherTeacher]) {
      for (const name of TEACH) {
        const result = await callAction(caller.request, name, ATTACKS[name]!());
        // Another teacher may create a draft of their own; a learner may not import at all.
        if (name.endsWith('#createDraftAction') && caller === otherTeacher) expect(result.ok, name).toBe(true);
        else expect(result.ok, `${name} as ${caller === other ? 'learner' : 'other teacher'}`).toBe(false);
      }
      expect((await caller.request.post(`${appUrl}/api/teach/articles/${draft.slug}/publish`)).status()).toBe(404);
    }
    expect(await draftState()).toEqual(before);
    expect((await anonymous.request.get(`${appUrl}/en/articles/${draft.slug}`)).status()).toBe(404);
    // Nobody proposed a term from the teacher's draft.
    expect(await (await admin.request.get(`${appUrl}/en/glossary/review`)).text()).not.toContain(
      'Eingeschmuggeltbegriff',
    );
  });

  test('a seeded article is edited by editors only (docs/decisions/042-editors-notes-and-seeded-articles.md)', async () => {
    const seeded = () =>
      withE2eDatabase((database) => {
        const article = database
          .prepare('SELECT id, version, "editedInApp" FROM "Article" WHERE slug = ?')
          .get(SLUG) as { id: string; version: number; editedInApp: number };
        const group = database
          .prepare(
            'SELECT s.id, s."textEn", s.note FROM "Sentence" s JOIN "Paragraph" p ON p.id = s."paragraphId" WHERE p."articleId" = ? AND p.position = 0 AND s.position = 0',
          )
          .get(article.id) as { id: string; textEn: string; note: string | null };
        return { article, group };
      });
    const before = seeded();
    const basis = { slug: SLUG, version: before.article.version, groupId: before.group.id };
    for (const caller of [other, teacher, otherTeacher]) {
      const noted = await callAction(caller.request, 'lib/teach/actions.ts#updateNoteAction', { ...basis, note: 'x' });
      expect(noted).toMatchObject({ ok: false, error: 'teach:errors.notFound' });
      const edited = await callAction(caller.request, 'lib/teach/actions.ts#updateGroupAction', {
        ...basis,
        textEn: 'Hijacked.',
      });
      expect(edited).toMatchObject({ ok: false, error: 'teach:errors.notFound' });
      expect((await caller.request.post(`${appUrl}/api/teach/articles/${SLUG}/publish`)).status()).toBe(404);
    }
    expect(seeded()).toEqual(before);
    // An editor (the admin) may, through the same action; a seeded article stays public.
    const noted = await callAction(admin.request, 'lib/teach/actions.ts#updateNoteAction', { ...basis, note: 'Mine.' });
    expect(noted.ok, JSON.stringify(noted)).toBe(true);
    const classes = await callAction(admin.request, 'lib/teach/actions.ts#updateVisibilityAction', {
      slug: SLUG,
      visibility: 'classes',
    });
    expect(classes).toMatchObject({ ok: false, error: 'teach:errors.seededVisibility' });
    const cleared = await callAction(admin.request, 'lib/teach/actions.ts#updateNoteAction', {
      ...basis,
      version: (noted.data as unknown as Draft).version,
      note: '',
    });
    expect(cleared.ok, JSON.stringify(cleared)).toBe(true);
    expect(seeded()).toMatchObject({ article: { editedInApp: 1 }, group: before.group });
  });

  test("as another learner, no action reads or changes the owner's words, cards or settings", async () => {
    const before = await ownerState();
    expect(before.csv).toContain('Aussicht,learning-1');
    for (const [name, input] of Object.entries(ATTACKS)) {
      const result = await callAction(other.request, name, input());
      // Actions on the caller's own things may succeed; anything aimed at the owner's ids must not touch them.
      if (/gradeAction|updateEntryAction/.test(name)) expect(result.ok, name).toBe(false);
      if (/bulkSetStatusAction/.test(name)) expect(result.data?.matched, name).toBe(0);
      if (/deleteEntriesAction/.test(name)) expect(result.data?.deleted, name).toBe(0);
      // A learner can neither teach nor touch a class or assignment they are not in.
      if (name.startsWith('lib/classroom/')) expect(result.ok, name).toBe(false);
    }
    expect(await ownerState()).toEqual(before);
    // …while the other learner's own words did change: their export is theirs alone.
    const theirs = await (await other.request.get(`${appUrl}/api/vocabulary/export?format=csv`)).text();
    expect(theirs).toContain('Aussicht,ignored');
    expect(theirs).not.toContain('learning-1');
  });
});

describe('who may teach (docs/decisions/021-teacher-approval.md)', () => {
  test('as anonymous, a learner, a waiting teacher or a teacher, no admin action succeeds or changes anything', async () => {
    const before = await adminState();
    expect(before).toContain('Pending');
    for (const caller of [anonymous, other, pending, teacher])
      for (const name of ADMIN) expect((await callAction(caller.request, name, ATTACKS[name]!())).ok, name).toBe(false);
    expect(await adminState()).toEqual(before);
    // The invitation link still works: none of them could withdraw or use it up.
    const invited = await anonymous.request.get(`${appUrl}/en/sign-up?invitation=${approval.invitationToken}`);
    expect(await invited.text()).toContain('data-testid="invitation-open"');
  });

  test('a waiting teacher can run no teacher action; the server says why', async () => {
    for (const name of Object.keys(ATTACKS).filter(
      (key) =>
        key.startsWith('lib/teach/') ||
        key.endsWith('#proposeTermsAction') ||
        /#(create|update|archive|unarchive)Class|Assignment|JoinCode|removeStudent/.test(key),
    )) {
      const result = await callAction(pending.request, name, ATTACKS[name]!());
      expect(result.ok, name).toBe(false);
      // The actions that anyone who teaches may run say why it is refused; the rest aim at others' things.
      if (/createDraftAction|importLinkAction|createClassAction/.test(name))
        expect(result.error, name).toBe('account:errors.teacherPending');
    }
  });

  test('the admin page is for admins only; teacher pages send a waiting teacher to the page that says so', async () => {
    const status = async (context: BrowserContext, path: string) =>
      (await context.request.get(`${appUrl}${path}`, { maxRedirects: 0 })).status();
    for (const caller of [other, pending, teacher]) expect(await status(caller, '/en/admin/teachers')).toBe(404);
    expect(await status(admin, '/en/admin/teachers')).toBe(200);
    expect(await status(admin, '/de/admin/teachers')).toBe(200);
    // The glossary's review queue: editors only (an admin is one); no one else learns it exists.
    for (const caller of [other, pending, teacher]) expect(await status(caller, '/en/glossary/review')).toBe(404);
    expect(await status(admin, '/en/glossary/review')).toBe(200);
    expect(await status(admin, '/de/glossary/review?domain=nonsense')).toBe(200);
    for (const path of ['/en/teach', '/en/teach/new', '/de/teach']) {
      const response = await pending.request.get(`${appUrl}${path}`, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      expect(response.headers().location, path).toBe(`/${path.slice(1, 3)}/teach/request`);
      expect(await status(other, path), path).toBe(404);
    }
    expect(await status(pending, '/en/teach/request')).toBe(200);
    expect(await status(other, '/en/teach/request')).toBe(404);
    expect((await teacher.request.get(`${appUrl}/en/teach/request`, { maxRedirects: 0 })).headers().location).toBe(
      '/en/teach',
    );
  });
});

describe('glossary exchange (docs/decisions/034-glossary-exchange-tbx-csv.md)', () => {
  test('anyone downloads the approved glossary; only editors import, and the page is theirs', async () => {
    const tbx = await anonymous.request.get(`${appUrl}/api/glossary/export?format=tbx`);
    expect(tbx.status()).toBe(200);
    expect(tbx.headers()['content-type']).toBe('application/xml; charset=utf-8');
    expect(tbx.headers()['content-disposition']).toMatch(/^attachment; filename="lesebruecke-glossary-.*\.tbx"$/);
    expect((await anonymous.request.get(`${appUrl}/api/glossary/export?format=pdf`)).status()).toBe(400);
    const before = await glossaryCsv();
    expect(before.startsWith('\uFEFFlemma,kind,')).toBe(true);
    for (const caller of [anonymous, other, pending, teacher])
      for (const name of EXCHANGE) {
        const result = await callAction(caller.request, name, ATTACKS[name]!());
        expect(result.ok, name).toBe(false);
        if (caller !== anonymous) expect(result.error, name).toBe('errors:action.forbidden');
      }
    expect(await glossaryCsv()).toEqual(before);
    expect(before).not.toContain('Eingeschmuggelt');

    const status = async (context: BrowserContext, path: string) =>
      (await context.request.get(`${appUrl}${path}`, { maxRedirects: 0 })).status();
    for (const caller of [other, pending, teacher]) expect(await status(caller, '/en/glossary/exchange')).toBe(404);
    expect(await status(admin, '/en/glossary/exchange')).toBe(200);
    expect(await status(admin, '/de/glossary/exchange')).toBe(200);
    // The admin may preview it (an editor); nothing is written by a preview.
    const preview = await callAction(
      admin.request,
      EXCHANGE.find((name) => name.includes('preview'))!,
      SMUGGLED_GLOSSARY,
    );
    expect(preview).toMatchObject({
      ok: true,
      data: { entries: [{ lemma: 'Eingeschmuggelt', action: 'create' }], errors: [] },
    });
    expect(await glossaryCsv()).toEqual(before);
  });
});

describe('who may edit the glossary (docs/decisions/032-glossary-editor-and-live-refresh.md)', () => {
  test('as anonymous, a learner, a waiting teacher or a plain teacher, no glossary action succeeds or changes anything', async () => {
    const before = glossaryState();
    expect(before).toContain('"status":"approved"');
    for (const caller of [anonymous, other, pending, teacher, otherTeacher])
      for (const name of GLOSSARY) {
        const result = await callAction(caller.request, name, ATTACKS[name]!());
        expect(result.ok, name).toBe(false);
        if (caller !== anonymous) expect(result.error, name).toBe('glossaryEditor:errors.forbidden');
      }
    expect(glossaryState()).toEqual(before);
  });

  test('the editor pages are for editors only: anyone else gets the 404', async () => {
    const status = async (context: BrowserContext, path: string) =>
      (await context.request.get(`${appUrl}${path}`, { maxRedirects: 0 })).status();
    const pages = ['/en/glossary/new', '/de/glossary/Werkzeugmaschine/edit', '/en/glossary/Werkzeugmaschine/edit'];
    for (const path of pages) {
      for (const caller of [other, pending, teacher, otherTeacher]) expect(await status(caller, path), path).toBe(404);
      const response = await admin.request.get(`${appUrl}${path}`, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expect(response.headers()['cache-control'], path).toMatch(/no-store/);
    }
    // An entry that does not exist has no editor either.
    expect(await status(admin, '/en/glossary/Nirgendwo/edit')).toBe(404);
  });
});

describe('routes', () => {
  const PAGES = [
    '/en/dashboard',
    '/en/review',
    '/en/vocabulary',
    '/en/vocabulary/import',
    '/en/account',
    '/de/vocabulary',
    '/en/classes',
    '/en/classes/x',
    '/en/assignments',
    '/en/assignments/x',
    '/en/join/ABCDEFGH',
    '/en/teach',
    '/en/teach/new',
    '/en/teach/request',
    '/en/admin/teachers',
    '/de/admin/teachers',
    '/en/glossary/review',
    '/en/glossary/exchange',
    '/en/glossary/new',
    '/en/glossary/Werkzeugmaschine/edit',
  ];
  const APIS = [
    `/api/articles/${SLUG}/vocabulary`,
    '/api/vocabulary/export?format=csv',
    '/api/vocabulary/export?format=anki',
    '/api/classes/x/grid.csv',
    '/api/assignments/x/progress',
    '/api/classes/assignable-articles?q=',
  ];

  test('anonymous: personal pages send to sign-in and come back; personal APIs answer 401', async () => {
    for (const page of PAGES) {
      const response = await anonymous.request.get(`${appUrl}${page}`, { maxRedirects: 0 });
      expect(response.status(), page).toBe(307);
      expect(response.headers().location, page).toBe(`/${page.slice(1, 3)}/sign-in?next=${encodeURIComponent(page)}`);
    }
    for (const api of APIS) expect((await anonymous.request.get(`${appUrl}${api}`)).status(), api).toBe(401);
  });

  test("another learner's statuses for the article are their own", async () => {
    const own = (await (await owner.request.get(`${appUrl}${APIS[0]}`)).json()) as { statuses: Record<string, string> };
    const theirs = (await (await other.request.get(`${appUrl}${APIS[0]}`)).json()) as {
      statuses: Record<string, string>;
    };
    expect(own.statuses.Russland).toBe('new');
    expect(theirs.statuses.Russland).not.toBe('new');
  });

  test('a forged or expired session cookie is anonymous', async () => {
    const forged = await anonymous.request.get(`${appUrl}${APIS[1]}`, {
      headers: { cookie: 'better-auth.session_token=forged.signature' },
    });
    expect(forged.status()).toBe(401);
  });
});

// An article for the demo teacher's classes only (docs/decisions/028-article-visibility.md): the owner
// is in the teacher's class, the other learner and the other teacher are not.
describe('an article for the teacher’s classes only', () => {
  const classesOnly = { slug: '', text: 'Nur die Klasse liest diesen geheimen Satz.' };
  const status = async (context: BrowserContext, path: string) =>
    (await context.request.get(`${appUrl}${path}`, { maxRedirects: 0 })).status();

  beforeAll(async () => {
    const drafted = await callAction(teacher.request, 'lib/teach/actions.ts#createDraftAction', {
      format: 'paste',
      title: 'Klassenartikel',
      text: classesOnly.text,
    });
    expect(drafted.ok, JSON.stringify(drafted)).toBe(true);
    classesOnly.slug = String(drafted.data?.slug);
    const page = await teacher.newPage();
    await page.goto(`${appUrl}/en/teach/articles/${classesOnly.slug}`, { waitUntil: 'networkidle' });
    const groupId = await page.getByTestId('editor-group').first().getAttribute('data-group-id');
    await page.close();
    const translated = await callAction(teacher.request, 'lib/teach/actions.ts#updateGroupAction', {
      slug: classesOnly.slug,
      version: 0,
      groupId,
      textEn: 'Only the class reads this secret sentence.',
    });
    expect(translated.ok, JSON.stringify(translated)).toBe(true);
    const visible = await callAction(teacher.request, 'lib/teach/actions.ts#updateVisibilityAction', {
      slug: classesOnly.slug,
      visibility: 'classes',
    });
    expect(visible.ok).toBe(true);
    const published = await teacher.request.post(`${appUrl}/api/teach/articles/${classesOnly.slug}/publish`, {
      headers: { origin: appUrl },
    });
    expect(await published.text()).toContain('"ok":true');
  });

  afterAll(async () => {
    // The shared library is left as found: the article is a draft again.
    expect(
      (await callAction(teacher.request, 'lib/teach/actions.ts#unpublishAction', { slug: classesOnly.slug })).ok,
    ).toBe(true);
  });

  test('its own page and words: the teacher, a class member and an admin only; the server decides', async () => {
    const page = `/en/articles/${classesOnly.slug}/classes`;
    const words = `/api/articles/${classesOnly.slug}/words/classes`;
    for (const reader of [teacher, owner, admin]) {
      const response = await reader.request.get(`${appUrl}${page}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['cache-control']).toMatch(/no-store/);
      expect(await response.text()).toContain(classesOnly.text);
      expect(await status(reader, words)).toBe(200);
    }
    for (const stranger of [other, otherTeacher, pending]) {
      const response = await stranger.request.get(`${appUrl}${page}`);
      expect(response.status()).toBe(404);
      expect(await response.text()).not.toContain(classesOnly.text);
      expect(await status(stranger, words)).toBe(404);
    }
    expect(await status(anonymous, page)).toBe(307);
    expect(await status(anonymous, words)).toBe(401);
  });

  test('the shared, cached page holds none of it, for anyone, before and after a member read it', async () => {
    for (const reader of [anonymous, owner, other, anonymous]) {
      const response = await reader.request.get(`${appUrl}/en/articles/${classesOnly.slug}`);
      expect(response.status()).toBe(200);
      const html = await response.text();
      expect(html).toContain('data-testid="classes-only-notice"');
      expect(html).not.toContain(classesOnly.text);
      expect(html).not.toContain('Klassenartikel');
      expect(await status(reader, `/api/articles/${classesOnly.slug}/words`)).toBe(404);
    }
  });

  test("the assignment form's article search: teachers only, and never another teacher's article", async () => {
    const search = (context: BrowserContext, q: string) =>
      context.request.get(`${appUrl}/api/classes/assignable-articles?q=${encodeURIComponent(q)}`);
    const offered = async (context: BrowserContext, q: string) => {
      const response = await search(context, q);
      expect(response.status()).toBe(200);
      expect(response.headers()['cache-control']).toMatch(/no-store/);
      return ((await response.json()) as { articles: { slug: string }[] }).articles.map((a) => a.slug);
    };
    expect(await offered(teacher, 'klassenARTIKEL')).toEqual([classesOnly.slug]);
    // Another teacher, even an admin, may not assign it: their classes could not open it.
    for (const stranger of [otherTeacher, admin]) {
      expect(await offered(stranger, 'Klassenartikel')).toEqual([]);
      expect(await offered(stranger, '')).not.toContain(classesOnly.slug);
    }
    expect(await offered(otherTeacher, 'Kalkulation')).toContain(SLUG);
    for (const learner of [owner, other, pending]) {
      const refused = await search(learner, 'Klassenartikel');
      expect(refused.status()).toBe(403);
      expect(await refused.text()).not.toContain(classesOnly.slug);
    }
    expect((await search(anonymous, '')).status()).toBe(401);
    expect((await search(teacher, 'x'.repeat(101))).status()).toBe(400);
  });

  test('it is in the library of the class member and the teacher only', async () => {
    const link = `/en/articles/${classesOnly.slug}`;
    for (const reader of [owner, teacher])
      expect(await (await reader.request.get(`${appUrl}/en`)).text()).toContain(link);
    for (const stranger of [anonymous, other, otherTeacher])
      expect(await (await stranger.request.get(`${appUrl}/en`)).text()).not.toContain(link);
  });
});
