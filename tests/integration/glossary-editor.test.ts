import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { performAs } from '@/lib/action.server';
import { annotateArticles } from '@/lib/annotation/service.server';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { importArticle } from '@/lib/articles/import.server';
import { isGlossaryEditor } from '@/lib/auth/queries.server';
import { createAssignment, updateAssignment } from '@/lib/classroom/assignments.server';
import { createClass } from '@/lib/classroom/classes.server';
import { db } from '@/lib/db.server';
import {
  approveTerm,
  createTerm,
  grantEditor,
  lookUpGrammar,
  previewTerm,
  rejectTerm,
  restoreRevision,
  retireTerm,
  revokeEditor,
  updateTerm,
} from '@/lib/glossary/editing.server';
import { termForEditor, termHistory } from '@/lib/glossary/editor-queries.server';
import { contentOf, TERM_ROW_SELECT } from '@/lib/glossary/entry';
import { importGlossary } from '@/lib/glossary/import.server';
import { glossaryPaths } from '@/lib/glossary/live.server';
import { getTerm } from '@/lib/glossary/queries.server';
import { EDITOR_GRAMMAR, EDITOR_NO_MATCHES, EDITOR_STALE, type TermContent } from '@/lib/glossary/schema';
import type { SavedTerm } from '@/lib/glossary/types';
import type { Result } from '@/lib/result';

// The glossary editor's commands (docs/decisions/032-glossary-editor-and-live-refresh.md) on the two
// seed articles: who may run them, what each writes (row, domains, revision, editedInApp), the checks
// (stale edits, grammar, matches, lemma, related entries) and the live refresh of exactly the articles
// that can contain the entry. Runs on SQLite and PostgreSQL.
const AFP = 'china-hilft-russland-aufruestung';
const NEWSLETTER = 'chinas-kalkulation-waffenlieferungen';
const DUE = '2027-05-10T18:00:00Z';
const LATER = '2027-05-17T18:00:00Z';
const FORBIDDEN = { ok: false, error: 'glossaryEditor:errors.forbidden' };

const ok = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
};
const noun = (lemma: string, grammar: Pick<TermContent, 'gender' | 'plural' | 'genitive'>): TermContent => ({
  lemma,
  kind: 'noun',
  ...grammar,
  separable: false,
  english: { preferred: lemma.toLowerCase(), alternatives: [] },
  definitionEn: `The English definition of ${lemma}.`,
  definitionDe: `Die deutsche Definition von ${lemma}.`,
  usageNote: null,
  domains: ['military'],
  related: [],
  variants: [],
  source: 'Test source',
  sourceUrl: null,
  grammarOverride: null,
});
const MACHINE_TOOL = noun('Werkzeugmaschine', {
  gender: 'f',
  plural: 'Werkzeugmaschinen',
  genitive: 'der Werkzeugmaschine',
});
const SANCTION = {
  ...noun('Sanktion', { gender: 'f', plural: 'Sanktionen', genitive: 'der Sanktion' }),
  related: ['Werkzeugmaschine'],
};
const DRONE = noun('Drohne', { gender: 'f', plural: 'Drohnen', genitive: 'der Drohne' });

const row = (lemma: string) =>
  db.term.findUnique({ where: { lemma }, select: { ...TERM_ROW_SELECT, id: true, version: true, editedInApp: true } });
const surfaces = async (lemma: string) =>
  (
    await db.termOccurrence.findMany({
      where: { term: { lemma } },
      select: { surface: true, article: { select: { slug: true } } },
      orderBy: [{ article: { slug: 'asc' } }, { start: 'asc' }],
    })
  ).map((o) => `${o.article.slug}:${o.surface}`);
const annotatedAt = async (slug: string) =>
  (await db.article.findUniqueOrThrow({ where: { slug }, select: { annotatedAt: true } })).annotatedAt;
const revisions = async (lemma: string) =>
  (
    await db.termRevision.findMany({
      where: { term: { lemma } },
      select: { action: true, authorId: true },
      orderBy: { version: 'asc' },
    })
  ).map((r) => r.action);

let admin = '';
let editor = '';
let teacher = '';
let learner = '';

beforeAll(async () => {
  await db.article.deleteMany(); // each test file starts from an empty content store
  await db.term.deleteMany();
  await db.user.deleteMany({ where: { email: { endsWith: '@glossary-editor.test' } } });
  for (const { data } of await readArticleFiles()) await importArticle(db, data);
  await importGlossary(db, [MACHINE_TOOL, SANCTION]);
  await annotateArticles(db, [AFP, NEWSLETTER]);
  const user = async (name: string, data: { role?: string; glossaryEditor?: boolean }) =>
    (await db.user.create({ data: { name, email: `${name.toLowerCase()}@glossary-editor.test`, ...data } })).id;
  admin = await user('Ada', { role: 'admin' });
  editor = await user('Edda', { role: 'teacher', glossaryEditor: true });
  teacher = await user('Theo', { role: 'teacher' });
  learner = await user('Lena', {});
});
afterAll(async () => {
  await db.$disconnect();
});

describe('who may edit the glossary', () => {
  test('a learner and a plain teacher are refused every editor command, and nothing changes', async () => {
    const term = (await row('Werkzeugmaschine'))!;
    const edit = { ...MACHINE_TOOL, id: term.id, version: term.version };
    const commands = [
      [createTerm, { ...DRONE, confirmNoMatches: true }],
      [updateTerm, edit],
      [approveTerm, edit],
      [rejectTerm, { id: term.id, version: term.version, reason: 'no' }],
      [retireTerm, { id: term.id, version: term.version }],
      [restoreRevision, { id: term.id, version: term.version, revision: 1 }],
      [previewTerm, { lemma: 'Drohne', variants: [] }],
      [lookUpGrammar, { lemma: 'Drohne', kind: 'noun' }],
    ] as const;
    for (const userId of [learner, teacher])
      for (const [command, input] of commands)
        expect(await performAs({ userId }, command as typeof createTerm, input)).toEqual(FORBIDDEN);
    expect(await row('Drohne')).toBeNull();
    expect((await row('Werkzeugmaschine'))!.version).toBe(term.version);
  });

  test('only an admin grants and revokes the editor capability, to teachers only', async () => {
    for (const userId of [editor, teacher, learner])
      for (const command of [grantEditor, revokeEditor])
        expect(await performAs({ userId }, command, { userId: teacher })).toEqual(FORBIDDEN);
    expect(await isGlossaryEditor(teacher)).toBe(false);

    ok(await performAs({ userId: admin }, grantEditor, { userId: teacher }));
    expect(await isGlossaryEditor(teacher)).toBe(true);
    const preview = ok(await performAs({ userId: teacher }, previewTerm, { lemma: 'Drohne', variants: [] }));
    expect(preview.occurrences).toBeGreaterThan(0);
    ok(await performAs({ userId: admin }, revokeEditor, { userId: teacher }));
    expect(await isGlossaryEditor(teacher)).toBe(false);
    expect(await performAs({ userId: teacher }, previewTerm, { lemma: 'Drohne', variants: [] })).toEqual(FORBIDDEN);

    // A learner is not made an editor.
    expect(await performAs({ userId: admin }, grantEditor, { userId: learner })).toEqual({
      ok: false,
      error: 'glossaryEditor:errors.notTeacher',
    });
    expect(await isGlossaryEditor(learner)).toBe(false);
  });
});

describe('the preview', () => {
  test('counts every inflected form per article and marks the matches in the sentences', async () => {
    const preview = ok(await performAs({ userId: editor }, previewTerm, { lemma: 'Drohne', variants: [] }));
    expect(preview.groups.map((g) => g.articleSlug)).toEqual([AFP]);
    expect(preview.occurrences).toBe(preview.groups[0]!.occurrences);
    const sentence = preview.groups[0]!.sentences[0]!;
    const mark = sentence.marks[0]!;
    expect(sentence.textDe.slice(mark.start, mark.end)).toBe('Drohnen');
  });

  test('finds nothing for a wording no published article offers', async () => {
    expect(ok(await performAs({ userId: editor }, previewTerm, { lemma: 'Zauberwürfel', variants: [] }))).toEqual({
      occurrences: 0,
      groups: [],
    });
  });
});

describe('creating an entry', () => {
  test('a disagreement with the lemma table is refused without a reason', async () => {
    const wrong = { ...DRONE, gender: 'm' as const };
    const refused = await performAs({ userId: editor }, createTerm, wrong);
    expect(refused).toEqual({ ok: false, error: EDITOR_GRAMMAR, fieldErrors: { gender: EDITOR_GRAMMAR } });
    expect(await row('Drohne')).toBeNull();
  });

  test('an entry matching nothing needs confirmation', async () => {
    const nothing = noun('Zauberwürfel', { gender: 'm', plural: 'Zauberwürfel', genitive: 'des Zauberwürfels' });
    const input = { ...nothing, grammarOverride: 'Checked in Duden.' };
    expect(await performAs({ userId: editor }, createTerm, input)).toEqual({ ok: false, error: EDITOR_NO_MATCHES });
    expect(await row('Zauberwürfel')).toBeNull();
    const saved = ok(await performAs({ userId: editor }, createTerm, { ...input, confirmNoMatches: true }));
    expect(saved).toMatchObject({ lemma: 'Zauberwürfel', status: 'approved', change: { slugs: [] } });
    expect((await row('Zauberwürfel'))!.grammarOverride).toBe('Checked in Duden.');
  });

  test('is approved at once, with domains and a revision, and only the article containing it is re-annotated', async () => {
    const newsletterBefore = await annotatedAt(NEWSLETTER);
    const afpBefore = await annotatedAt(AFP);
    const input = { ...DRONE, domains: ['military', 'defence-industry'] as TermContent['domains'] };
    const saved = ok(await performAs({ userId: editor }, createTerm, input));
    expect(saved).toMatchObject({ lemma: 'Drohne', status: 'approved', version: 1 });
    expect(saved.change.slugs).toEqual([AFP]);
    expect(await surfaces('Drohne')).toEqual([`${AFP}:Drohnen`]);
    expect(await annotatedAt(NEWSLETTER)).toEqual(newsletterBefore);
    expect((await annotatedAt(AFP))!.getTime()).toBeGreaterThan(afpBefore!.getTime());

    const stored = (await row('Drohne'))!;
    expect(stored.editedInApp).toBe(true);
    expect(contentOf(stored)).toEqual({ ...input, domains: ['defence-industry', 'military'] });
    expect(await revisions('Drohne')).toEqual(['created']);
    const history = await termHistory(stored.id);
    expect(history).toMatchObject([{ version: 1, action: 'created', author: 'Edda' }]);

    // Every cached page that shows it: the reader and its words, the term page, the index, the library.
    const paths = glossaryPaths(saved.change.lemmas, saved.change.slugs);
    for (const path of [
      `/en/articles/${AFP}`,
      `/de/articles/${AFP}`,
      `/api/articles/${AFP}/words`,
      '/en/glossary/Drohne',
      '/de/glossary/Drohne',
      '/en/glossary',
      '/de',
    ])
      expect(paths).toContain(path);
    expect(paths.some((path) => path.includes(NEWSLETTER))).toBe(false);
  });

  test('a lemma that another entry has, or a related entry that does not exist, is refused', async () => {
    expect(await performAs({ userId: editor }, createTerm, DRONE)).toEqual({
      ok: false,
      error: 'glossaryEditor:errors.lemmaTaken',
      fieldErrors: { lemma: 'glossaryEditor:errors.lemmaTaken' },
    });
    const unknown = {
      ...noun('Sanktionsrunde', { gender: 'f', plural: 'Sanktionsrunden', genitive: 'der Sanktionsrunde' }),
      related: ['Nirgendwo'],
    };
    expect(await performAs({ userId: editor }, createTerm, unknown)).toMatchObject({
      ok: false,
      fieldErrors: { related: 'glossaryEditor:errors.relatedUnknown' },
    });
  });
});

describe('changing an entry', () => {
  test('a new definition is a revision; the articles showing it are refreshed, none re-annotated', async () => {
    const term = (await row('Werkzeugmaschine'))!;
    const afpBefore = await annotatedAt(AFP);
    const saved = ok(
      await performAs({ userId: editor }, updateTerm, {
        ...MACHINE_TOOL,
        definitionEn: 'A power-driven machine that shapes metal.',
        id: term.id,
        version: term.version,
      }),
    );
    expect(saved).toMatchObject({ version: term.version + 1, status: 'approved', change: { slugs: [AFP] } });
    // The entries whose related entries name it link to it: their pages change too.
    expect(saved.change.lemmas).toEqual(expect.arrayContaining(['Werkzeugmaschine', 'Sanktion']));
    expect(await annotatedAt(AFP)).toEqual(afpBefore);
    expect((await getTerm('Werkzeugmaschine'))!.entry.definitionEn).toBe('A power-driven machine that shapes metal.');
    expect(await revisions('Werkzeugmaschine')).toEqual(['seeded', 'edited']);
    const history = await termHistory(term.id);
    expect(history[0]).toMatchObject({ action: 'edited', author: 'Edda', changed: ['definitionEn'] });
    expect((await row('Werkzeugmaschine'))!.editedInApp).toBe(true);
  });

  test('an edit made on an older version is refused as stale and changes nothing', async () => {
    const term = (await row('Werkzeugmaschine'))!;
    const stale = { ...MACHINE_TOOL, definitionEn: 'Overwritten.', id: term.id, version: term.version - 1 };
    expect(await performAs({ userId: editor }, updateTerm, stale)).toEqual({ ok: false, error: EDITOR_STALE });
    const after = (await row('Werkzeugmaschine'))!;
    expect(after.version).toBe(term.version);
    expect(after.definitionEn).toBe('A power-driven machine that shapes metal.');
  });

  test('restoring a version writes its content as a new revision', async () => {
    const term = (await row('Werkzeugmaschine'))!;
    const saved = ok(
      await performAs({ userId: editor }, restoreRevision, { id: term.id, version: term.version, revision: 1 }),
    );
    expect(saved.version).toBe(term.version + 1);
    expect(contentOf((await row('Werkzeugmaschine'))!)).toEqual(MACHINE_TOOL);
    expect(await revisions('Werkzeugmaschine')).toEqual(['seeded', 'edited', 'restored']);
    expect((await termHistory(term.id))[0]).toMatchObject({ action: 'restored', changed: ['definitionEn'] });
  });

  test('a rename re-annotates, moves the related links and refuses a taken lemma', async () => {
    const term = (await row('Werkzeugmaschine'))!;
    expect(
      await performAs({ userId: editor }, updateTerm, {
        ...DRONE,
        id: term.id,
        version: term.version,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { lemma: 'glossaryEditor:errors.lemmaTaken' } });

    const renamed = noun('Maschine', { gender: 'f', plural: 'Maschinen', genitive: 'der Maschine' });
    const saved = ok(
      await performAs({ userId: editor }, updateTerm, {
        ...renamed,
        variants: ['Werkzeugmaschine'],
        id: term.id,
        version: term.version,
      }),
    );
    expect(saved).toMatchObject({ lemma: 'Maschine', change: { slugs: [AFP] } });
    expect(saved.change.lemmas).toEqual(expect.arrayContaining(['Werkzeugmaschine', 'Maschine', 'Sanktion']));
    expect(await row('Werkzeugmaschine')).toBeNull();
    expect(await surfaces('Maschine')).toEqual([`${AFP}:Werkzeugmaschinen`, `${AFP}:Werkzeugmaschinen`]);
    const sanction = (await row('Sanktion'))!;
    expect(JSON.parse(sanction.related)).toEqual(['Maschine']);
    expect(await revisions('Sanktion')).toEqual(['seeded', 'edited']);
  });
});

describe('proposals', () => {
  const propose = async (content: TermContent) => {
    const { id } = await db.term.create({
      data: {
        lemma: content.lemma,
        status: 'proposed',
        kind: content.kind,
        englishPreferred: content.english.preferred,
        proposedById: teacher,
        domains: { create: content.domains.map((domain) => ({ domain })) },
      },
      select: { id: true },
    });
    return id;
  };
  const WEAPONS = noun('Waffenlieferung', {
    gender: 'f',
    plural: 'Waffenlieferungen',
    genitive: 'der Waffenlieferung',
  });
  const PROXY_WAR = noun('Stellvertreterkrieg', {
    gender: 'm',
    plural: 'Stellvertreterkriege',
    genitive: 'des Stellvertreterkriegs',
  });

  test('are not highlighted; approving one with edited fields highlights it in one step', async () => {
    const id = await propose(WEAPONS);
    await annotateArticles(db, [AFP, NEWSLETTER]);
    expect(await surfaces('Waffenlieferung')).toEqual([]);
    const edited = { ...WEAPONS, definitionEn: 'Deliveries of arms to another state.' };
    const saved = ok(await performAs({ userId: editor }, approveTerm, { ...edited, id, version: 0 }));
    expect(saved).toMatchObject({ status: 'approved', version: 1 });
    expect(saved.change.slugs).toContain(AFP);
    expect(await surfaces('Waffenlieferung')).toContain(`${AFP}:Waffenlieferungen`);
    expect((await getTerm('Waffenlieferung'))!.entry.definitionEn).toBe('Deliveries of arms to another state.');
    expect(await revisions('Waffenlieferung')).toEqual(['approved']);
    // Approving it again: it is approved already.
    expect(await performAs({ userId: editor }, approveTerm, { ...edited, id, version: 1 })).toEqual({
      ok: false,
      error: 'glossaryEditor:errors.status',
    });
  });

  test('rejecting one needs a reason, which is kept; nothing public changes', async () => {
    const id = await propose(PROXY_WAR);
    expect(await performAs({ userId: editor }, rejectTerm, { id, version: 0, reason: '  ' })).toEqual({
      ok: false,
      error: 'glossaryEditor:errors.invalid',
      fieldErrors: { reason: 'glossaryEditor:errors.reasonRequired' },
    });
    const saved = ok(
      await performAs({ userId: editor }, rejectTerm, { id, version: 0, reason: 'Too rare in our articles.' }),
    );
    expect(saved).toMatchObject({ status: 'rejected', change: { lemmas: [], slugs: [] } });
    const stored = (await termForEditor('Stellvertreterkrieg'))!;
    expect(stored).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Too rare in our articles.',
      proposedBy: 'Theo',
    });
    expect(await getTerm('Stellvertreterkrieg')).toBeNull();
    expect(await surfaces('Stellvertreterkrieg')).toEqual([]);
    // Only a proposal can be rejected.
    const approved = (await row('Drohne'))!;
    expect(
      await performAs({ userId: editor }, rejectTerm, { id: approved.id, version: approved.version, reason: 'x' }),
    ).toEqual({ ok: false, error: 'glossaryEditor:errors.status' });
  });
});

describe('retiring an entry', () => {
  test('stops highlighting it, keeps its page, the learners’ vocabulary and the focus terms that name it', async () => {
    const term = (await row('Drohne'))!;
    const article = await db.article.findUniqueOrThrow({ where: { slug: AFP }, select: { id: true } });
    const word = await db.vocabularyEntry.create({
      data: { userId: learner, lemma: 'Drohne', termId: term.id, articleId: article.id },
      select: { id: true },
    });
    const klass = ok(await performAs({ userId: teacher }, createClass, { name: 'Klasse 11' }));
    const assignment = ok(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: DUE,
        focusTermIds: [term.id],
      }),
    );
    const saved: SavedTerm = ok(
      await performAs({ userId: editor }, retireTerm, { id: term.id, version: term.version }),
    );
    expect(saved).toMatchObject({ status: 'retired', change: { slugs: [AFP] } });
    expect(await surfaces('Drohne')).toEqual([]);
    expect((await getTerm('Drohne'))!.entry.retired).toBe(true);
    expect(await db.vocabularyEntry.findUnique({ where: { id: word.id }, select: { termId: true } })).toEqual({
      termId: term.id,
    });
    expect(await revisions('Drohne')).toEqual(['created', 'retired']);
    // The assignment keeps it as a focus term, and changing only its due date is still accepted.
    ok(await performAs({ userId: teacher }, updateAssignment, { assignmentId: assignment.id, dueAt: LATER }));
    expect(
      await db.assignmentTerm.findMany({ where: { assignmentId: assignment.id }, select: { termId: true } }),
    ).toEqual([{ termId: term.id }]);
    // Approving it brings it back, highlighted again.
    ok(await performAs({ userId: editor }, approveTerm, { ...DRONE, id: term.id, version: saved.version }));
    expect(await surfaces('Drohne')).toEqual([`${AFP}:Drohnen`]);
  });
});
