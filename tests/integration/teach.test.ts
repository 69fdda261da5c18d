import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { performAs } from '@/lib/action.server';
import { getArticle, getArticleWords, listLibrary } from '@/lib/articles/queries.server';
import { db } from '@/lib/db.server';
import { getTerm, termCardsForArticle } from '@/lib/glossary/queries.server';
import type { Result } from '@/lib/result';
import {
  joinGroups,
  joinParagraphs,
  splitGroup,
  splitParagraph,
  updateGroup,
  updateHeading,
  updateTitle,
} from '@/lib/teach/editor.server';
import { createDraft, storeDraft, type DraftPlan } from '@/lib/teach/import.server';
import { publish, unpublish } from '@/lib/teach/publish.server';
import { getDraft, listOwnArticles } from '@/lib/teach/queries.server';
import { machineTranslate } from '@/lib/teach/translate.server';
import type { DraftArticle } from '@/lib/teach/types';
import { statusesForArticle } from '@/lib/vocabulary/queries.server';
import { saveWord } from '@/lib/vocabulary/service.server';
import { startLibreTranslateStub, type LibreTranslateStub } from '@/tests/setup/libretranslate-stub';

// Runs once against SQLite and once against PostgreSQL (see tests/vitest.config.ts).
const SEEDS = path.resolve(import.meta.dirname, '../fixtures/seeds');
const AFP_TEXT = readFileSync(path.join(SEEDS, '000_989638f27897ee02.txt'), 'utf8');
const NEWSLETTER_TEXT = readFileSync(path.join(SEEDS, '004_a3552507932caec5.txt'), 'utf8');
const users = { teacher: '', otherTeacher: '', admin: '', learner: '' };
let stub: LibreTranslateStub;
let keyedStub: LibreTranslateStub;

const ok = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.data;
};
const counts = async () => ({
  articles: await db.article.count(),
  sections: await db.section.count(),
  paragraphs: await db.paragraph.count(),
  sentences: await db.sentence.count(),
});
const germanOf = (draft: DraftArticle) =>
  draft.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.groups.map((g) => g.textDe))).join(' ');
const groups = (draft: DraftArticle) => draft.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.groups));
const asHtml = (text: string) =>
  `<!doctype html><html><head><title>China hilft Moskau</title></head><body><nav><a href="/">Startseite</a></nav><article>${text
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('')}</article><footer>Impressum</footer></body></html>`;

beforeAll(async () => {
  await db.article.deleteMany(); // each test file starts from an empty content store
  await db.term.deleteMany();
  await db.user.deleteMany({ where: { email: { endsWith: '@teach.test' } } });
  for (const [key, role] of [
    ['teacher', 'teacher'],
    ['otherTeacher', 'teacher'],
    ['admin', 'admin'],
    ['learner', 'learner'],
  ] as const) {
    users[key] = (
      await db.user.create({ data: { name: key, email: `${key}@teach.test`, role }, select: { id: true } })
    ).id;
  }
  await db.term.createMany({ data: ['Werkzeugmaschine', 'Volksrepublik China'].map((lemma) => ({ lemma })) });
  stub = await startLibreTranslateStub();
  keyedStub = await startLibreTranslateStub({ apiKey: 'right-key' });
});
afterAll(async () => {
  await stub.close();
  await keyedStub.close();
  await db.$disconnect();
});

describe('creating drafts', () => {
  test('a teacher imports text; clutter is removed and listed; the draft is not in the library', async () => {
    const { slug } = ok(
      await performAs({ userId: users.teacher }, createDraft, {
        format: 'txt',
        text: NEWSLETTER_TEXT,
        fileName: 'politico.txt',
      }),
    );
    const draft = (await getDraft(users.teacher, slug))!;
    expect(draft).toMatchObject({ status: 'draft', sourceFormat: 'txt', translatedCount: 0, machineCount: 0 });
    expect(draft.groupCount).toBeGreaterThan(60);
    expect(draft.removed.map((r) => r.reason)).toEqual(
      expect.arrayContaining(['advertisement', 'subscription', 'events', 'navigation']),
    );
    expect(germanOf(draft)).toContain(
      'Die beängstigende Aussicht, dass China Waffen nach Russland schickt, erscheint zunehmend möglich.',
    );
    expect(germanOf(draft)).not.toContain('Lockheed');
    expect(draft.sections[0]!.paragraphs[0]!.groups[0]!.anchor).toBe('p1-s1');
    expect((await listLibrary(null)).articles.map((a) => a.slug)).not.toContain(slug);
    expect(await getArticle(slug)).toBeNull();
    expect(await getArticleWords(slug)).toBeNull();
  });

  test('Markdown and HTML', async () => {
    const md = ok(
      await performAs({ userId: users.teacher }, createDraft, {
        format: 'md',
        text: '# Die Lage\n\nEin **wichtiger** Satz. Noch ein [Satz](https://x.invalid).\n\n## Teil zwei\n\nLetzter Satz.',
      }),
    );
    const mdDraft = (await getDraft(users.teacher, md.slug))!;
    // The headline is the title, not also the first section's heading.
    expect(mdDraft.titleDe).toBe('Die Lage');
    expect(mdDraft.sections.map((s) => s.headingDe)).toEqual([null, 'Teil zwei']);
    expect(mdDraft.removed).toEqual([{ text: 'Die Lage', reason: 'title' }]);
    expect(germanOf(mdDraft)).toBe('Ein wichtiger Satz. Noch ein Satz. Letzter Satz.');
    // A heading's English is the teacher's to write; a section of another article is a missing one.
    const headed = ok(
      await performAs({ userId: users.teacher }, updateHeading, {
        slug: md.slug,
        version: mdDraft.version,
        sectionId: mdDraft.sections[1]!.id,
        headingEn: '  Part two ',
      }),
    );
    expect(headed.sections.map((s) => s.headingEn)).toEqual([null, 'Part two']);
    expect(
      await performAs({ userId: users.teacher }, updateHeading, {
        slug: md.slug,
        version: headed.version,
        sectionId: 'no-such-section',
        headingEn: 'x',
      }),
    ).toEqual({ ok: false, error: 'teach:errors.notFound' });

    const html = ok(
      await performAs({ userId: users.teacher }, createDraft, {
        format: 'html',
        text: asHtml(AFP_TEXT),
        title: 'Von Hand betitelt',
      }),
    );
    const htmlDraft = (await getDraft(users.teacher, html.slug))!;
    expect(htmlDraft.titleDe).toBe('Von Hand betitelt');
    expect(html.slug).toMatch(/^von-hand-betitelt-[a-z0-9]+$/);
    expect(germanOf(htmlDraft)).toContain('dem Export von Werkzeugmaschinen');
    expect(htmlDraft.removed).toEqual(
      expect.arrayContaining([
        { text: 'Leave a Reply', reason: 'comments' },
        { text: 'Startseite', reason: 'navigation' },
      ]),
    );
  });

  test('refusals: learner, empty, too long, binary, markup without text', async () => {
    expect(await performAs({ userId: users.learner }, createDraft, { format: 'txt', text: 'Ein Satz.' })).toEqual({
      ok: false,
      error: 'teach:errors.forbidden',
    });
    expect(
      await performAs({ userId: 'no-such-user' }, createDraft, { format: 'txt', text: 'Ein Satz.' }),
    ).toMatchObject({
      ok: false,
      error: 'teach:errors.forbidden',
    });
    const before = await counts();
    expect(await performAs({ userId: users.teacher }, createDraft, { format: 'txt', text: '  \n ' })).toMatchObject({
      ok: false,
      error: 'teach:errors.invalid',
      fieldErrors: { text: 'teach:errors.empty' },
    });
    expect(
      await performAs({ userId: users.teacher }, createDraft, { format: 'txt', text: 'Wort. '.repeat(40_000) }),
    ).toMatchObject({
      ok: false,
      error: 'teach:errors.invalid',
      fieldErrors: { text: 'teach:errors.tooLong' },
    });
    expect(
      await performAs({ userId: users.teacher }, createDraft, {
        format: 'html',
        text: `<p>${'Wort. '.repeat(40_000)}</p>`,
      }),
    ).toMatchObject({ ok: false, error: 'teach:errors.tooLong' });
    expect(
      await performAs({ userId: users.teacher }, createDraft, {
        format: 'txt',
        text: 'PK\u0003\u0004\u0000\u0000binary',
      }),
    ).toMatchObject({ ok: false, error: 'teach:errors.unreadable' });
    expect(
      await performAs({ userId: users.teacher }, createDraft, { format: 'html', text: '<div><img src="a.png"></div>' }),
    ).toMatchObject({
      ok: false,
      error: 'teach:errors.unreadable',
    });
    expect(
      await performAs({ userId: users.teacher }, createDraft, { format: 'txt', text: 'Anzeige\n\nWerbung' }),
    ).toMatchObject({
      ok: false,
      error: 'teach:errors.empty',
    });
    expect(await performAs({ userId: users.teacher }, createDraft, { format: 'pdf', text: 'x' })).toMatchObject({
      ok: false,
      error: 'teach:errors.invalid',
      fieldErrors: { format: 'teach:errors.format' },
    });
    expect(await counts()).toEqual(before);
  });

  test('a Word file becomes a draft with its headings as sections; a broken one is refused', async () => {
    const docx = readFileSync(path.resolve(import.meta.dirname, '../fixtures/docx/wehrdienst.docx'));
    const { slug } = ok(
      await performAs({ userId: users.teacher }, createDraft, {
        format: 'docx',
        text: docx.toString('base64'),
        fileName: 'wehrdienst.docx',
      }),
    );
    const draft = (await getDraft(users.teacher, slug))!;
    expect(draft.sourceFormat).toBe('docx');
    expect(draft.titleDe).toBe('Der neue Wehrdienst: Was sich ab Januar ändert');
    expect(draft.sections.map((s) => s.headingDe)).toEqual([
      'Der Fragebogen',
      'Die Musterung',
      'Kritik der Opposition',
    ]);
    expect(germanOf(draft)).toContain('Ab Januar erhalten alle jungen Männer eines Jahrgangs einen Fragebogen');
    expect(germanOf(draft)).not.toContain('Lesen Sie auch');
    expect(draft.removed).toContainEqual({
      text: 'Lesen Sie auch: Musterung – was junge Männer jetzt wissen müssen',
      reason: 'teaser',
    });

    const before = await counts();
    const refused = (text: string) =>
      performAs({ userId: users.teacher }, createDraft, { format: 'docx', text, fileName: 'kaputt.docx' });
    expect(await refused(docx.subarray(0, 1000).toString('base64'))).toMatchObject({
      ok: false,
      error: 'teach:errors.brokenDocx',
      fieldErrors: { text: 'teach:errors.brokenDocx' },
    });
    expect(await refused('kein base64!')).toMatchObject({
      ok: false,
      error: 'teach:errors.invalid',
      fieldErrors: { text: 'teach:errors.brokenDocx' },
    });
    expect(await refused('A'.repeat(4_000_004))).toMatchObject({
      ok: false,
      fieldErrors: { text: 'teach:errors.docxTooLarge' },
    });
    expect(await counts()).toEqual(before);
  });

  test('a failing import leaves nothing behind', async () => {
    const before = await counts();
    const plan: DraftPlan = {
      slug: 'abgebrochener-import-x1',
      titleDe: 'Abgebrochen',
      ownerId: users.teacher,
      sourceFormat: 'txt',
      removed: [],
      contentHash: 'x',
      wordCount: 3,
      // The last sentence group is not a string: the database refuses it after everything before was written.
      sections: [{ headingDe: null, paragraphs: [['Ein Satz.'], ['Zweiter Satz.', 42 as unknown as string]] }],
    };
    await expect(storeDraft(db, plan)).rejects.toThrow();
    expect(await counts()).toEqual(before);
    expect(await db.article.findUnique({ where: { slug: plan.slug } })).toBeNull();
  });
});

describe('editing', () => {
  let slug = '';
  beforeAll(async () => {
    slug = ok(
      await performAs({ userId: users.teacher }, createDraft, {
        format: 'txt',
        text: 'Erster Satz. Zweiter Satz. Dritter Satz.\n\nNeuer Absatz. Noch einer.\n\nLetzter Absatz.',
      }),
    ).slug;
  });

  test('split and join groups and paragraphs keep text and order', async () => {
    const text = 'Erster Satz. Zweiter Satz. Dritter Satz. Neuer Absatz. Noch einer. Letzter Absatz.';
    let draft = (await getDraft(users.teacher, slug))!;
    expect(germanOf(draft)).toBe(text);
    const [first, second] = groups(draft);

    draft = ok(
      await performAs({ userId: users.teacher }, joinGroups, { slug, version: draft.version, groupId: first!.id }),
    );
    expect(groups(draft)[0]!.textDe).toBe('Erster Satz. Zweiter Satz.');
    expect(germanOf(draft)).toBe(text);
    expect(await db.sentence.findUnique({ where: { id: second!.id } })).toBeNull();

    draft = ok(
      await performAs({ userId: users.teacher }, updateGroup, {
        slug,
        version: draft.version,
        groupId: first!.id,
        textEn: 'First sentence. Second sentence.',
      }),
    );
    draft = ok(
      await performAs({ userId: users.teacher }, splitGroup, {
        slug,
        version: draft.version,
        groupId: first!.id,
        at: 'Erster Satz.'.length,
      }),
    );
    expect(
      groups(draft)
        .slice(0, 2)
        .map((g) => [g.textDe, g.textEn]),
    ).toEqual([
      ['Erster Satz.', 'First sentence.'],
      ['Zweiter Satz.', 'Second sentence.'],
    ]);
    expect(
      groups(draft)
        .slice(0, 3)
        .map((g) => g.anchor),
    ).toEqual(['p1-s1', 'p1-s2', 'p1-s3']);
    const { version } = draft;
    expect(
      await performAs({ userId: users.teacher }, splitGroup, { slug, version, groupId: first!.id, at: 500 }),
    ).toMatchObject({
      ok: false,
      error: 'teach:errors.invalidSplit',
    });
    expect(
      await performAs({ userId: users.teacher }, splitGroup, { slug, version, groupId: first!.id, at: 0 }),
    ).toMatchObject({
      ok: false,
      error: 'teach:errors.invalid',
      fieldErrors: { at: 'teach:errors.invalidSplit' },
    });

    const third = groups(draft)[2]!;
    draft = ok(
      await performAs({ userId: users.teacher }, splitParagraph, { slug, version: draft.version, groupId: third.id }),
    );
    expect(draft.sections[0]!.paragraphs.map((p) => p.groups.length)).toEqual([2, 1, 2, 1]);
    expect(draft.sections[0]!.paragraphs.map((p) => p.position)).toEqual([0, 1, 2, 3]);
    expect(germanOf(draft)).toBe(text);

    draft = ok(
      await performAs({ userId: users.teacher }, joinParagraphs, {
        slug,
        version: draft.version,
        paragraphId: draft.sections[0]!.paragraphs[1]!.id,
      }),
    );
    expect(draft.sections[0]!.paragraphs.map((p) => p.groups.length)).toEqual([2, 3, 1]);
    expect(germanOf(draft)).toBe(text);
    const last = draft.sections[0]!.paragraphs.at(-1)!;
    expect(
      await performAs({ userId: users.teacher }, joinParagraphs, {
        slug,
        version: draft.version,
        paragraphId: last.id,
      }),
    ).toMatchObject({
      ok: false,
      error: 'teach:errors.noNextParagraph',
    });
    expect(
      await performAs({ userId: users.teacher }, joinGroups, {
        slug,
        version: draft.version,
        groupId: last.groups[0]!.id,
      }),
    ).toMatchObject({
      ok: false,
      error: 'teach:errors.noNextGroup',
    });

    draft = ok(
      await performAs({ userId: users.teacher }, updateTitle, {
        slug,
        version: draft.version,
        titleDe: 'Neuer Titel',
        titleEn: 'New title',
      }),
    );
    expect([draft.titleDe, draft.titleEn]).toEqual(['Neuer Titel', 'New title']);
    expect(
      await performAs({ userId: users.teacher }, updateGroup, { slug, version: draft.version, groupId: first!.id }),
    ).toMatchObject({
      ok: false,
      error: 'teach:errors.invalid',
      fieldErrors: { textEn: 'teach:errors.nothingToChange' },
    });
  });

  test("someone else's draft is invisible and unchangeable; an admin may edit it", async () => {
    const before = JSON.stringify(await getDraft(users.teacher, slug));
    const { version } = (await getDraft(users.teacher, slug))!;
    const groupId = groups((await getDraft(users.teacher, slug))!)[0]!.id;
    const paragraphId = (await getDraft(users.teacher, slug))!.sections[0]!.paragraphs[0]!.id;
    for (const outsider of [users.otherTeacher, users.learner, 'no-such-user']) {
      expect(await getDraft(outsider, slug)).toBeNull();
      expect((await listOwnArticles(outsider)).map((a) => a.slug)).not.toContain(slug);
      const refused = { ok: false, error: 'teach:errors.notFound' };
      const as = { userId: outsider };
      expect(await performAs(as, updateGroup, { slug, version, groupId, textEn: 'Hijacked.' })).toEqual(refused);
      expect(await performAs(as, splitGroup, { slug, version, groupId, at: 3 })).toEqual(refused);
      expect(await performAs(as, joinGroups, { slug, version, groupId })).toEqual(refused);
      expect(await performAs(as, splitParagraph, { slug, version, groupId })).toEqual(refused);
      expect(await performAs(as, joinParagraphs, { slug, version, paragraphId })).toEqual(refused);
      expect(await performAs(as, updateTitle, { slug, version, titleDe: 'Gekapert', titleEn: '' })).toEqual(refused);
      expect(
        await performAs(as, updateHeading, {
          slug,
          version,
          sectionId: (await getDraft(users.teacher, slug))!.sections[0]!.id,
          headingEn: 'Hijacked',
        }),
      ).toEqual(refused);
      expect(await performAs(as, machineTranslate({ url: stub.url }), { slug })).toEqual(refused);
      expect(await performAs(as, publish(), { slug })).toEqual(refused);
      expect(await performAs(as, unpublish, { slug })).toEqual(refused);
    }
    // A group id from another article does not reach this one either.
    const other = ok(
      await performAs({ userId: users.otherTeacher }, createDraft, { format: 'paste', text: 'Fremder Satz.' }),
    );
    expect(
      await performAs({ userId: users.otherTeacher }, updateGroup, {
        slug: other.slug,
        version: (await getDraft(users.otherTeacher, other.slug))!.version,
        groupId,
        textEn: 'Hijacked.',
      }),
    ).toEqual({
      ok: false,
      error: 'teach:errors.notFound',
    });
    expect(JSON.stringify(await getDraft(users.teacher, slug))).toBe(before);

    expect((await getDraft(users.admin, slug))?.slug).toBe(slug);
    expect((await listOwnArticles(users.admin)).map((a) => a.slug)).toEqual(expect.arrayContaining([slug, other.slug]));
    expect((await listOwnArticles(users.teacher)).map((a) => a.slug)).not.toContain(other.slug);
  });
});

describe('machine translation, publishing and the library', () => {
  test("translates empty groups, marks them; a person's edit clears the mark; a wrong key writes nothing", async () => {
    const { slug } = ok(
      await performAs({ userId: users.teacher }, createDraft, {
        format: 'txt',
        text: 'Erster Satz. Zweiter Satz.\n\nDritter Satz.',
      }),
    );
    const loaded = (await getDraft(users.teacher, slug))!;
    const [first] = groups(loaded);
    ok(
      await performAs({ userId: users.teacher }, updateGroup, {
        slug,
        version: loaded.version,
        groupId: first!.id,
        textEn: 'First sentence.',
      }),
    );

    expect(
      await performAs({ userId: users.teacher }, machineTranslate({ url: keyedStub.url, apiKey: 'wrong' }), { slug }),
    ).toEqual({
      ok: false,
      error: 'teach:errors.translationFailed',
    });
    expect(
      await performAs({ userId: users.teacher }, machineTranslate({ url: 'http://127.0.0.1:9/' }), { slug }),
    ).toEqual({
      ok: false,
      error: 'teach:errors.translationFailed',
    });
    expect((await getDraft(users.teacher, slug))!.translatedCount).toBe(1);
    expect(await performAs({ userId: users.teacher }, machineTranslate(null), { slug })).toEqual({
      ok: false,
      error: 'teach:errors.translationUnavailable',
    });

    const { titleDe } = (await getDraft(users.teacher, slug))!;
    expect(
      ok(
        await performAs({ userId: users.teacher }, machineTranslate({ url: keyedStub.url, apiKey: 'right-key' }), {
          slug,
        }),
      ),
    ).toEqual({
      translated: 3,
    });
    expect(keyedStub.requests.at(-1)).toEqual({ q: [titleDe, 'Zweiter Satz.', 'Dritter Satz.'] });
    let draft = (await getDraft(users.teacher, slug))!;
    expect(groups(draft).map((g) => [g.textEn, g.machineTranslated])).toEqual([
      ['First sentence.', false],
      ['[MT] Zweiter Satz.', true],
      ['[MT] Dritter Satz.', true],
    ]);
    expect(draft.machineCount).toBe(2);
    draft = ok(
      await performAs({ userId: users.teacher }, updateGroup, {
        slug,
        version: draft.version,
        groupId: groups(draft)[1]!.id,
        textEn: 'Second sentence.',
      }),
    );
    expect(groups(draft).map((g) => g.machineTranslated)).toEqual([false, false, true]);
    expect(ok(await performAs({ userId: users.teacher }, machineTranslate({ url: stub.url }), { slug }))).toEqual({
      translated: 0,
    });
  });

  test('the title and section headings get machine drafts too, marked until a person changes them', async () => {
    const { slug } = ok(
      await performAs({ userId: users.teacher }, createDraft, {
        format: 'md',
        title: 'Lagebericht',
        text: '# Die Lage\n\nErster Satz.\n\n## Teil zwei\n\nZweiter Satz.\n\n## Teil drei\n\nDritter Satz.',
      }),
    );
    let draft = (await getDraft(users.teacher, slug))!;
    const [, second, third] = draft.sections;
    ok(
      await performAs({ userId: users.teacher }, updateHeading, {
        slug,
        version: draft.version,
        sectionId: second!.id,
        headingEn: 'Part two',
      }),
    );

    expect(ok(await performAs({ userId: users.teacher }, machineTranslate({ url: stub.url }), { slug }))).toEqual({
      translated: 6,
    });
    draft = (await getDraft(users.teacher, slug))!;
    expect([draft.titleEn, draft.titleMachineTranslated]).toEqual(['[MT] Lagebericht', true]);
    expect(draft.sections.map((s) => [s.headingEn, s.headingMachineTranslated])).toEqual([
      ['[MT] Die Lage', true],
      ['Part two', false],
      ['[MT] Teil drei', true],
    ]);
    expect(draft.machineCount).toBe(3); // sentence groups; the title and headings carry their own marks

    // Saving a draft unchanged keeps its mark; changing it clears it.
    draft = ok(
      await performAs({ userId: users.teacher }, updateHeading, {
        slug,
        version: draft.version,
        sectionId: third!.id,
        headingEn: '[MT] Teil drei',
      }),
    );
    expect(draft.sections[2]!.headingMachineTranslated).toBe(true);
    draft = ok(
      await performAs({ userId: users.teacher }, updateHeading, {
        slug,
        version: draft.version,
        sectionId: third!.id,
        headingEn: 'Part three',
      }),
    );
    expect(draft.sections.map((s) => s.headingMachineTranslated)).toEqual([true, false, false]);
    draft = ok(
      await performAs({ userId: users.teacher }, updateTitle, {
        slug,
        version: draft.version,
        titleDe: 'Lagebericht',
        titleEn: '[MT] Lagebericht',
      }),
    );
    expect(draft.titleMachineTranslated).toBe(true);
    draft = ok(
      await performAs({ userId: users.teacher }, updateTitle, {
        slug,
        version: draft.version,
        titleDe: 'Die Lage',
        titleEn: 'The situation',
      }),
    );
    expect([draft.titleEn, draft.titleMachineTranslated]).toEqual(['The situation', false]);
    expect(ok(await performAs({ userId: users.teacher }, machineTranslate({ url: stub.url }), { slug }))).toEqual({
      translated: 0,
    });
  });

  test('publishing an imported HTML page annotates it, reports progress and puts it in the library', async () => {
    const text = `${AFP_TEXT}\n\nDer Beamte sagte, Peking wisse Bescheid. Die Antwort blieb aus.`;
    const { slug } = ok(
      await performAs({ userId: users.teacher }, createDraft, { format: 'html', text: asHtml(text) }),
    );
    expect(await performAs({ userId: users.teacher }, publish(), { slug })).toEqual({
      ok: false,
      error: 'teach:errors.untranslated',
    });

    // Fix one sentence split: join the first two groups, then split them again where they were.
    const imported = (await getDraft(users.teacher, slug))!;
    const paragraph = imported.sections.flatMap((s) => s.paragraphs).find((p) => p.groups.length >= 2)!;
    const [a, b] = paragraph.groups;
    const joined = ok(
      await performAs({ userId: users.teacher }, joinGroups, { slug, version: imported.version, groupId: a!.id }),
    );
    ok(
      await performAs({ userId: users.teacher }, splitGroup, {
        slug,
        version: joined.version,
        groupId: a!.id,
        at: a!.textDe.length + 1,
      }),
    );
    const fixed = (await getDraft(users.teacher, slug))!.sections
      .flatMap((s) => s.paragraphs)
      .find((p) => p.id === paragraph.id)!;
    expect(fixed.groups.map((g) => g.textDe)).toEqual([a!.textDe, b!.textDe]);

    ok(await performAs({ userId: users.teacher }, machineTranslate({ url: stub.url }), { slug }));
    const progress: [number, number][] = [];
    expect(
      await performAs(
        { userId: users.teacher },
        publish((done, total) => progress.push([done, total])),
        { slug },
      ),
    ).toEqual({
      ok: true,
      data: { slug },
    });
    const total = progress[0]![1];
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.every(([done], i) => i === 0 || done >= progress[i - 1]![0])).toBe(true);

    const occurrences = await db.termOccurrence.findMany({
      where: { article: { slug }, term: { lemma: 'Werkzeugmaschine' } },
      select: { surface: true },
    });
    expect(occurrences.map((o) => o.surface)).toEqual(['Werkzeugmaschinen', 'Werkzeugmaschinen']);
    expect((await listLibrary(null)).articles.map((x) => x.slug)).toContain(slug);
    const article = (await getArticle(slug))!;
    expect(
      article.sections
        .flatMap((s) => s.paragraphs.flatMap((p) => p.sentences.flatMap((x) => x.segments)))
        .some((seg) => 'term' in seg && seg.term === 'Werkzeugmaschine'),
    ).toBe(true);
    expect((await termCardsForArticle(slug, 'en')).map((c) => c.lemma)).toContain('Werkzeugmaschine');
    // The reader's cards carry the definition in the page's language only.
    const machine = await getTerm('Werkzeugmaschine');
    const cardIn = async (locale: 'en' | 'de') =>
      (await termCardsForArticle(slug, locale)).find((c) => c.lemma === 'Werkzeugmaschine')!;
    expect((await cardIn('en')).definition).toBe(machine!.entry.definitionEn);
    expect((await cardIn('de')).definition).toBe(machine!.entry.definitionDe);
    expect(Object.keys(await cardIn('de'))).not.toContain('definitionEn');
    expect((await getDraft(users.teacher, slug))!.status).toBe('published');

    // Editing a published article keeps it published but needs a new annotation.
    const published = (await getDraft(users.teacher, slug))!;
    ok(
      await performAs({ userId: users.teacher }, updateGroup, {
        slug,
        version: published.version,
        groupId: groups(published)[0]!.id,
        textEn: 'An edited translation.',
      }),
    );
    expect(
      (await db.article.findUniqueOrThrow({ where: { slug }, select: { engineVersion: true } })).engineVersion,
    ).toBeNull();
    ok(await performAs({ userId: users.teacher }, publish(), { slug }));
    expect(
      (await db.article.findUniqueOrThrow({ where: { slug }, select: { engineVersion: true } })).engineVersion,
    ).not.toBeNull();
  });

  test("drafts never leak into the library, the reader, the glossary or a learner's words", async () => {
    const { slug } = ok(
      await performAs({ userId: users.teacher }, createDraft, {
        format: 'txt',
        text: 'China liefert Werkzeugmaschinen an Russland.',
      }),
    );
    ok(await performAs({ userId: users.teacher }, machineTranslate({ url: stub.url }), { slug }));
    ok(await performAs({ userId: users.teacher }, publish(), { slug }));
    expect(await getArticle(slug)).not.toBeNull();
    const anchor = 'p1-s1';
    ok(await performAs({ userId: users.teacher }, unpublish, { slug }));

    expect((await listLibrary(null)).articles.map((a) => a.slug)).not.toContain(slug);
    expect(await getArticle(slug)).toBeNull();
    expect(await getArticleWords(slug)).toBeNull();
    expect(await termCardsForArticle(slug, 'en')).toEqual([]);
    expect((await getTerm('Werkzeugmaschine'))!.concordance.lines.map((line) => line.articleSlug)).not.toContain(slug);
    expect(await statusesForArticle(users.learner, slug)).toEqual({});
    expect(
      await performAs({ userId: users.learner }, saveWord, {
        articleSlug: slug,
        anchor,
        lemma: 'Werkzeugmaschine',
        surface: 'Werkzeugmaschinen',
        status: 'learning-1',
      }),
    ).toMatchObject({ ok: false, error: 'vocabulary:errors.articleNotFound' });
  });
});

describe('concurrent edits', () => {
  const STALE = { ok: false, error: 'teach:errors.staleEdit' };
  const teacher = () => ({ userId: users.teacher });
  const draftOf = async (slug: string) => (await getDraft(users.teacher, slug))!;
  const words = (text: string) => text.split(/\s+/).filter(Boolean);
  const englishOf = (draft: DraftArticle) => groups(draft).map((g) => g.textEn);

  test('a stale edit of a sentence group is refused and loses nothing', async () => {
    const { slug } = ok(
      await performAs(teacher(), createDraft, {
        format: 'paste',
        text: 'Der erste Satz steht hier. Der zweite folgt.',
      }),
    );
    const loaded = await draftOf(slug);
    const [first, second] = groups(loaded);
    const { version } = loaded;

    // Two tabs loaded the same version: the first save is stored, the second is refused, not written over it.
    ok(await performAs(teacher(), updateGroup, { slug, version, groupId: first!.id, textEn: 'From the first tab.' }));
    expect(
      await performAs(teacher(), updateGroup, { slug, version, groupId: first!.id, textEn: 'From the second tab.' }),
    ).toEqual(STALE);
    expect(
      await performAs(teacher(), updateGroup, { slug, version, groupId: first!.id, textDe: 'Ein anderer Satz.' }),
    ).toEqual(STALE);
    expect(groups(await draftOf(slug)).map((g) => [g.textDe, g.textEn])[0]).toEqual([
      'Der erste Satz steht hier.',
      'From the first tab.',
    ]);
    // A group nobody changed since that version is no conflict.
    ok(await performAs(teacher(), updateGroup, { slug, version, groupId: second!.id, textEn: 'The second follows.' }));
    // Structure and titles depend on the whole article: any change since refuses them.
    expect(await performAs(teacher(), joinGroups, { slug, version, groupId: first!.id })).toEqual(STALE);
    expect(await performAs(teacher(), updateTitle, { slug, version, titleDe: 'Alt', titleEn: 'Old' })).toEqual(STALE);

    // Saves of one group at the same moment: exactly one is stored, the other is refused.
    for (let round = 0; round < 5; round++) {
      const { version: current } = await draftOf(slug);
      const texts = [`Tab A, round ${round}.`, `Tab B, round ${round}.`];
      const results = await Promise.all(
        texts.map((textEn) =>
          performAs(teacher(), updateGroup, { slug, version: current, groupId: first!.id, textEn }),
        ),
      );
      expect(results.filter((r) => !r.ok)).toEqual([STALE]);
      expect(englishOf(await draftOf(slug))[0]).toBe(texts[results.findIndex((r) => r.ok)]);
    }

    // A group that another tab joined into the one before it is gone: saving it is stale, not "not found".
    const seen = await draftOf(slug);
    const joined = ok(await performAs(teacher(), joinGroups, { slug, version: seen.version, groupId: first!.id }));
    expect(
      await performAs(teacher(), updateGroup, { slug, version: seen.version, groupId: second!.id, textEn: 'Lost?' }),
    ).toEqual(STALE);
    expect(groups(joined).map((g) => g.textEn)).toEqual([`${englishOf(seen)[0]} The second follows.`]);
    expect(groups(await draftOf(slug)).map((g) => g.textEn)).toEqual(groups(joined).map((g) => g.textEn));
  });

  test('concurrent joins never fail with an internal error', async () => {
    const paragraphs = [
      'Der erste Satz steht hier. Der zweite folgt ihm. Der dritte ist kurz. Der vierte auch. Der fünfte endet.',
      'Ein neuer Absatz beginnt. Er hat zwei Sätze.',
      'Der letzte Absatz. Er schließt den Text.',
    ];
    const { slug } = ok(await performAs(teacher(), createDraft, { format: 'paste', text: paragraphs.join('\n\n') }));
    for (const [index, group] of groups(await draftOf(slug)).entries()) {
      const { version } = await draftOf(slug);
      ok(await performAs(teacher(), updateGroup, { slug, version, groupId: group.id, textEn: `Sentence ${index}.` }));
    }
    const start = await draftOf(slug);
    const german = words(germanOf(start));
    const english = words(englishOf(start).join(' '));

    for (let round = 0; round < 6; round++) {
      const draft = await draftOf(slug);
      const { version } = draft;
      const inOrder = draft.sections.flatMap((s) => s.paragraphs);
      // Every edit is valid on the article as loaded: joins racing joins, splits and new paragraphs.
      const edits = inOrder.flatMap((paragraph, index) => [
        ...paragraph.groups
          .slice(0, -1)
          .map((g) => () => performAs(teacher(), joinGroups, { slug, version, groupId: g.id })),
        ...paragraph.groups
          .slice(1)
          .map((g) => () => performAs(teacher(), splitParagraph, { slug, version, groupId: g.id })),
        ...(index < inOrder.length - 1
          ? [() => performAs(teacher(), joinParagraphs, { slug, version, paragraphId: paragraph.id })]
          : []),
      ]);
      const long = groups(draft).find((g) => g.textDe.includes('. '));
      if (long) {
        const at = long.textDe.indexOf('. ') + 2;
        edits.push(() => performAs(teacher(), splitGroup, { slug, version, groupId: long.id, at }));
      }
      const settled = await Promise.allSettled(edits.map((run) => run()));
      expect(settled.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []))).toEqual([]);
      const results = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual(results.filter((r) => !r.ok).map(() => STALE));

      // The article stays whole: contiguous positions, no empty paragraph, every word of both languages kept.
      const rows = await db.paragraph.findMany({
        where: { article: { slug } },
        orderBy: { position: 'asc' },
        select: { position: true, sentences: { select: { position: true }, orderBy: { position: 'asc' } } },
      });
      expect(rows.map((p) => p.position)).toEqual(rows.map((_, i) => i));
      for (const row of rows) expect(row.sentences.map((s) => s.position)).toEqual(row.sentences.map((_, i) => i));
      expect(rows.every((row) => row.sentences.length > 0)).toBe(true);
      const after = await draftOf(slug);
      expect(words(germanOf(after))).toEqual(german);
      expect(words(englishOf(after).join(' '))).toEqual(english);
    }
  });
});
