import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { performAs } from '@/lib/action.server';
import { annotateArticles } from '@/lib/annotation/service.server';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { importArticle } from '@/lib/articles/import.server';
import { listLibrary } from '@/lib/articles/queries.server';
import {
  assignableArticles,
  createAssignment,
  deleteAssignment,
  focusTermOptions,
  updateAssignment,
} from '@/lib/classroom/assignments.server';
import {
  archiveClass,
  createClass,
  joinClass,
  leaveClass,
  regenerateJoinCode,
  removeStudent,
  unarchiveClass,
  updateClass,
} from '@/lib/classroom/classes.server';
import {
  DASHBOARD_ACTIVITY_MAX,
  DASHBOARD_DAYS,
  getAssignmentInsights,
  getClassInsights,
  getClassGrid,
  getTeacherDashboard,
  gridCsv,
} from '@/lib/classroom/grid.server';
import { FLOOD_LIMIT, markDone, recordProgress } from '@/lib/classroom/progress.server';
import {
  getAssignmentForStudent,
  getAssignmentReading,
  getClassDetail,
  getQuiz,
  listMyAssignments,
  listStudentClasses,
  listTeacherClasses,
} from '@/lib/classroom/queries.server';
import { submitQuiz } from '@/lib/classroom/quiz.server';
import { activeMinutes } from '@/lib/classroom/status';
import { db } from '@/lib/db.server';
import { formatSortableDateTime } from '@/lib/format';
import { importGlossary } from '@/lib/glossary/import.server';
import type { Result } from '@/lib/result';

// Classes, assignments, progress, quizzes and the teacher's dashboard, on SQLite and on PostgreSQL
// (see tests/vitest.config.ts). Real content: the seed articles, annotated with the seed glossary.
// Every `now` is explicit: reads take it, commands run with the clock set to it (`at`). Commands run
// as their server actions would for the user of the session: performAs(actor, command, input).
const AFP = 'china-hilft-russland-aufruestung'; // 17 paragraphs
const NEWSLETTER = 'chinas-kalkulation-waffenlieferungen';
const DRAFT = 'klassen-entwurf';
const NOW = new Date('2026-05-10T10:00:00Z');
const DUE = '2026-05-10T18:00:00Z';
const later = (ms: number) => new Date(NOW.getTime() + ms);
const MINUTE = 60_000;

const draft = {
  slug: DRAFT,
  title: { de: 'Entwurf', en: 'Draft' },
  outlet: 'Test',
  authors: ['Test'],
  publishedAt: '2020-01-01',
  sourceNote: { de: 'Für Tests geschrieben.', en: 'Written for tests.' },
  sections: [{ heading: null, paragraphs: [[{ de: 'Die Sanktionen wirken.', en: 'The sanctions work.' }]] }],
};

let serial = 0;
async function user(name: string, role: 'learner' | 'teacher' | 'admin' = 'learner') {
  return (
    await db.user.create({ data: { name, email: `${name.replace(/\W/g, '')}-${++serial}@classroom.test`, role } })
  ).id;
}

const ok = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
};

/** A progress event with a fresh client id; the kind is not checked here, so that bad ones can be sent. */
const ev = (kind: string, over: { paragraph?: number; seconds?: number; term?: string } = {}) => ({
  id: randomUUID(),
  kind,
  ...over,
});

/**
 * Runs `call` with the clock at `now`: the commands take the time from the clock, as in production.
 * Only Date is faked; the database drivers' timers keep running.
 */
async function at<T>(now: Date, call: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], now });
  try {
    return await call();
  } finally {
    vi.useRealTimers();
  }
}

/** Everything the classroom stores, for "nothing was written" checks. */
async function everything() {
  const [classes, members, assignments, terms, progress, events, lookups, attempts, answers] = await Promise.all([
    db.classroom.findMany({ orderBy: { id: 'asc' } }),
    db.classMembership.findMany({ orderBy: [{ classId: 'asc' }, { userId: 'asc' }] }),
    db.assignment.findMany({ orderBy: { id: 'asc' } }),
    db.assignmentTerm.findMany({ orderBy: [{ assignmentId: 'asc' }, { termId: 'asc' }] }),
    db.assignmentProgress.findMany({ orderBy: [{ assignmentId: 'asc' }, { userId: 'asc' }] }),
    db.progressEvent.findMany({ orderBy: { id: 'asc' } }),
    db.termLookup.findMany({
      orderBy: [{ assignmentId: 'asc' }, { userId: 'asc' }, { termId: 'asc' }, { kind: 'asc' }],
    }),
    db.quizAttempt.findMany({ orderBy: { id: 'asc' } }),
    db.quizAnswer.findMany({ orderBy: { id: 'asc' } }),
  ]);
  return { classes, members, assignments, terms, progress, events, lookups, attempts, answers };
}

const termId = async (lemma: string) => (await db.term.findUniqueOrThrow({ where: { lemma } })).id;

let teacher = '';
let otherTeacher = '';
let admin = '';
let anna = '';
let ben = '';

beforeAll(async () => {
  // Each test file starts from an empty store of what it uses.
  await db.classroom.deleteMany();
  await db.user.deleteMany({ where: { email: { endsWith: '@classroom.test' } } });
  await db.article.deleteMany();
  await db.term.deleteMany();
  await importGlossary(
    db,
    JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../prisma/content/glossary.json'), 'utf8')),
  );
  for (const { data } of await readArticleFiles()) await importArticle(db, data);
  await importArticle(db, draft);
  await db.article.update({ where: { slug: DRAFT }, data: { status: 'draft' } });
  await annotateArticles(db);
  teacher = await user('Frau Teacher', 'teacher');
  otherTeacher = await user('Herr Other', 'teacher');
  admin = await user('Admin', 'admin');
  anna = await user('Anna');
  ben = await user('Ben');
});
afterAll(async () => {
  await db.$disconnect();
});

describe('classes', () => {
  test('a teacher creates a class; students join with the code (any case, spaces, hyphens), once; the code is the teacher’s to see', async () => {
    expect(await performAs({ userId: anna }, createClass, { name: '10b' })).toEqual({
      ok: false,
      error: 'classroom:errors.forbidden',
    });
    expect(await performAs({ userId: teacher }, createClass, { name: ' ' })).toMatchObject({
      ok: false,
      error: 'classroom:errors.invalid',
      fieldErrors: { name: 'classroom:errors.nameRequired' },
    });
    const created = ok(
      await performAs({ userId: teacher }, createClass, { name: ' Deutsch 10b ', description: 'Politische Texte' }),
    );
    expect(created).toMatchObject({
      name: 'Deutsch 10b',
      description: 'Politische Texte',
      archived: false,
      studentCount: 0,
      assignmentCount: 0,
    });
    expect(created.joinCode).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);

    const typed = `${created.joinCode.slice(0, 4).toLowerCase()}-${created.joinCode.slice(4)} `;
    expect(ok(await performAs({ userId: anna }, joinClass, { code: typed }))).toEqual({ classId: created.id });
    expect(ok(await performAs({ userId: anna }, joinClass, { code: created.joinCode }))).toEqual({
      classId: created.id,
    }); // again: fine, one membership
    await Promise.all([
      performAs({ userId: ben }, joinClass, { code: created.joinCode }),
      performAs({ userId: ben }, joinClass, { code: created.joinCode }),
    ]);
    expect(await db.classMembership.count({ where: { classId: created.id } })).toBe(2);
    expect(await performAs({ userId: teacher }, joinClass, { code: created.joinCode })).toEqual({
      ok: false,
      error: 'classroom:errors.ownClass',
    });
    expect(await performAs({ userId: anna }, joinClass, { code: 'ZZZZZZZZ' })).toMatchObject({
      ok: false,
      error: 'classroom:errors.codeInvalid',
    });
    expect(await performAs({ userId: anna }, joinClass, { code: '<script>' })).toMatchObject({
      ok: false,
      error: 'classroom:errors.codeInvalid',
    });

    const [asStudent] = (await listStudentClasses(anna)).filter((c) => c.id === created.id);
    expect(asStudent).toMatchObject({ name: 'Deutsch 10b', joinCode: '', studentCount: 2 });
    expect((await listTeacherClasses(teacher)).find((c) => c.id === created.id)).toMatchObject({
      joinCode: created.joinCode,
      studentCount: 2,
    });
    const detail = await getClassDetail(teacher, created.id);
    expect(detail?.students.map((s) => s.name)).toEqual(['Anna', 'Ben']);
    expect(await getClassDetail(admin, created.id)).not.toBeNull();

    // A new code replaces the old one.
    const { joinCode } = ok(await performAs({ userId: teacher }, regenerateJoinCode, { classId: created.id }));
    expect(joinCode).not.toBe(created.joinCode);
    expect(await performAs({ userId: await user('Cleo') }, joinClass, { code: created.joinCode })).toMatchObject({
      ok: false,
      error: 'classroom:errors.codeInvalid',
    });
    expect(
      ok(await performAs({ userId: teacher }, updateClass, { classId: created.id, name: 'Deutsch 10c' })),
    ).toMatchObject({
      name: 'Deutsch 10c',
      description: '',
    });
  });

  test('students may belong to several classes; students leave, teachers remove; both only once', async () => {
    const one = ok(await performAs({ userId: teacher }, createClass, { name: 'Eins' }));
    const two = ok(await performAs({ userId: otherTeacher }, createClass, { name: 'Zwei' }));
    const dora = await user('Dora');
    const emil = await user('Emil');
    ok(await performAs({ userId: dora }, joinClass, { code: one.joinCode }));
    ok(await performAs({ userId: dora }, joinClass, { code: two.joinCode }));
    ok(await performAs({ userId: emil }, joinClass, { code: one.joinCode }));
    expect((await listStudentClasses(dora)).map((c) => c.name).sort()).toEqual(['Eins', 'Zwei']);

    expect(ok(await performAs({ userId: dora }, leaveClass, { classId: two.id }))).toEqual({ classId: two.id });
    expect(await performAs({ userId: dora }, leaveClass, { classId: two.id })).toEqual({
      ok: false,
      error: 'classroom:errors.notFound',
    });
    expect((await listStudentClasses(dora)).map((c) => c.name)).toEqual(['Eins']);

    expect(await performAs({ userId: otherTeacher }, removeStudent, { classId: one.id, studentId: emil })).toEqual({
      ok: false,
      error: 'classroom:errors.notFound',
    });
    expect(await performAs({ userId: dora }, removeStudent, { classId: one.id, studentId: emil })).toEqual({
      ok: false,
      error: 'classroom:errors.notFound',
    });
    expect(ok(await performAs({ userId: teacher }, removeStudent, { classId: one.id, studentId: emil }))).toEqual({
      classId: one.id,
      studentId: emil,
    });
    expect(await performAs({ userId: teacher }, removeStudent, { classId: one.id, studentId: emil })).toEqual({
      ok: false,
      error: 'classroom:errors.notFound',
    });
    expect((await getClassDetail(teacher, one.id))?.students.map((s) => s.name)).toEqual(['Dora']);
    // Removed students can join again with the code.
    ok(await performAs({ userId: emil }, joinClass, { code: one.joinCode }));
  });

  test('the edit form: name and description replaced (trimmed, the description may be emptied); an empty name writes nothing', async () => {
    const klass = ok(await performAs({ userId: teacher }, createClass, { name: 'Vorher', description: 'Alt' }));
    expect(
      ok(
        await performAs({ userId: teacher }, updateClass, {
          classId: klass.id,
          name: ' Nachher ',
          description: ' Neu ',
        }),
      ),
    ).toMatchObject({ id: klass.id, name: 'Nachher', description: 'Neu' });
    expect(
      ok(await performAs({ userId: teacher }, updateClass, { classId: klass.id, name: 'Nachher', description: '' })),
    ).toMatchObject({
      description: '',
    });
    const before = await everything();
    expect(
      await performAs({ userId: teacher }, updateClass, { classId: klass.id, name: '  ', description: 'Anders' }),
    ).toEqual({
      ok: false,
      error: 'classroom:errors.invalid',
      fieldErrors: { name: 'classroom:errors.nameRequired' },
    });
    expect(
      await performAs({ userId: teacher }, updateClass, { classId: klass.id, name: 'x'.repeat(101), description: '' }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { name: 'classroom:errors.nameTooLong' },
    });
    expect(
      await performAs({ userId: otherTeacher }, updateClass, { classId: klass.id, name: 'Fremd', description: '' }),
    ).toEqual({
      ok: false,
      error: 'classroom:errors.notFound',
    });
    expect(await everything()).toEqual(before);
  });

  test('an archived class refuses joins and new assignments and leaves students’ lists; reopened, it works again', async () => {
    const klass = ok(await performAs({ userId: teacher }, createClass, { name: 'Archiv' }));
    const fred = await user('Fred');
    ok(await performAs({ userId: fred }, joinClass, { code: klass.joinCode }));
    const assignment = ok(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: DUE,
        quizEnabled: true,
      }),
    );
    expect(ok(await performAs({ userId: teacher }, archiveClass, { classId: klass.id }))).toMatchObject({
      archived: true,
    });
    expect(await performAs({ userId: otherTeacher }, archiveClass, { classId: klass.id })).toEqual({
      ok: false,
      error: 'classroom:errors.notFound',
    });

    const gina = await user('Gina');
    expect(await performAs({ userId: gina }, joinClass, { code: klass.joinCode })).toMatchObject({
      ok: false,
      error: 'classroom:errors.codeInvalid',
    });
    expect(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: DUE,
        quizEnabled: true,
      }),
    ).toEqual({ ok: false, error: 'classroom:errors.classArchived' });
    // Its assignments cannot change either (the class page offers no edit form then), but it can be renamed.
    expect(
      await performAs({ userId: teacher }, updateAssignment, { assignmentId: assignment.id, instructions: 'Neu' }),
    ).toEqual({
      ok: false,
      error: 'classroom:errors.classArchived',
    });
    expect(
      ok(await performAs({ userId: teacher }, updateClass, { classId: klass.id, name: 'Archiv 2024' })),
    ).toMatchObject({
      name: 'Archiv 2024',
      archived: true,
    });
    expect(await listMyAssignments(fred, NOW)).toEqual([]);
    expect(await getAssignmentForStudent(fred, assignment.id, NOW)).toBeNull();
    expect(
      await at(NOW, () =>
        performAs({ userId: fred }, recordProgress, { assignmentId: assignment.id, events: [ev('open')] }),
      ),
    ).toEqual({
      ok: false,
      error: 'classroom:errors.notFound',
    });
    expect(await getQuiz(fred, assignment.id)).toBeNull();
    expect((await listStudentClasses(fred)).find((c) => c.id === klass.id)?.archived).toBe(true);
    expect((await listTeacherClasses(teacher)).at(-1)?.id).toBe(klass.id); // archived classes last
    // The teacher still sees the class and its grid.
    expect((await getClassGrid(teacher, klass.id, NOW))?.students.map((s) => s.name)).toEqual(['Fred']);

    ok(await performAs({ userId: teacher }, unarchiveClass, { classId: klass.id }));
    ok(await performAs({ userId: gina }, joinClass, { code: klass.joinCode }));
    expect((await listMyAssignments(fred, NOW)).map((a) => a.id)).toEqual([assignment.id]);
  });
});

describe('assignments', () => {
  test('the article search is for teachers: published articles only, at most 20, a bounded query', async () => {
    expect(ok(await performAs({ userId: teacher }, assignableArticles, { q: '' })).map((a) => a.slug)).toEqual([
      AFP,
      NEWSLETTER,
    ]);
    expect(ok(await performAs({ userId: teacher }, assignableArticles, { q: 'Entwurf' }))).toEqual([]); // a draft
    expect(await performAs({ userId: anna }, assignableArticles, { q: '' })).toEqual({
      ok: false,
      error: 'classroom:errors.forbidden',
    });
    expect(await performAs(null, assignableArticles, { q: '' })).toMatchObject({ ok: false });
    for (const input of [{ q: 'x'.repeat(101) }, { q: 1 }, {}, { q: '', userId: otherTeacher }])
      expect(await performAs({ userId: teacher }, assignableArticles, input)).toMatchObject({
        ok: false,
        error: 'classroom:errors.invalid',
      });
    // 25 more published articles: the newest 20 come back.
    const afp = (await readArticleFiles()).map(({ data }) => data as { slug: string }).find((a) => a.slug === AFP)!;
    const many = Array.from({ length: 25 }, (_, i) => `viele-${String(i).padStart(2, '0')}`);
    try {
      for (const [i, slug] of many.entries())
        await importArticle(db, { ...afp, slug, publishedAt: `2025-01-${String(i + 1).padStart(2, '0')}` });
      const found = ok(await performAs({ userId: teacher }, assignableArticles, { q: 'moskau' }));
      expect(found.map((a) => a.slug)).toEqual(many.toReversed().slice(0, 20));
      expect(found[0]).toEqual({
        slug: 'viele-24',
        titleDe: expect.stringContaining('China hilft Moskau'),
        titleEn: expect.stringContaining('China helping Moscow'),
        outlet: expect.any(String),
        publishedAt: '2025-01-25',
      });
    } finally {
      await db.article.deleteMany({ where: { slug: { in: many } } });
    }
  });

  test('focus terms are the glossary terms occurring in the article; by default all; others are refused', async () => {
    const options = ok(await performAs({ userId: teacher }, focusTermOptions, AFP));
    const lemmas = options.map((o) => o.lemma);
    expect(lemmas).toEqual(
      expect.arrayContaining(['Drohne', 'Rückschlag', 'Verbündeter', 'Außenminister', 'Munition']),
    );
    expect(lemmas).not.toContain('Spionageballon'); // only in the newsletter
    expect(options.find((o) => o.lemma === 'Rückschlag')?.occurrences).toBe(3);
    expect(ok(await performAs({ userId: teacher }, focusTermOptions, DRAFT))).toEqual([]);
    expect(ok(await performAs({ userId: teacher }, focusTermOptions, 'no-such-article'))).toEqual([]);

    const klass = ok(await performAs({ userId: teacher }, createClass, { name: 'Fokus' }));
    const all = ok(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: '2026-05-10',
        instructions: ' Lesen Sie bis Freitag. ',
        quizEnabled: true,
      }),
    );
    expect(all.focusTerms.map((t) => t.lemma)).toEqual(lemmas);
    expect(all).toMatchObject({
      className: 'Fokus',
      instructions: 'Lesen Sie bis Freitag.',
      quizEnabled: true,
      article: { slug: AFP },
    });
    expect(all.dueAt.toISOString()).toBe('2026-05-10T23:59:59.999Z');

    const some = ok(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: DUE,
        focusTermIds: [await termId('Drohne'), await termId('Munition')],
        quizEnabled: false,
      }),
    );
    expect(some.focusTerms.map((t) => t.lemma)).toEqual(['Drohne', 'Munition']);

    const before = await everything();
    expect(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: DUE,
        focusTermIds: [await termId('Spionageballon')],
        quizEnabled: true,
      }),
    ).toEqual({
      ok: false,
      error: 'classroom:errors.invalid',
      fieldErrors: { focusTermIds: 'classroom:errors.focusTerms' },
    });
    expect(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: DUE,
        focusTermIds: [],
        quizEnabled: true,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { quizEnabled: 'classroom:errors.quizNeedsTerms' } });
    expect(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: DRAFT,
        dueAt: DUE,
        quizEnabled: false,
      }),
    ).toMatchObject({ ok: false, error: 'classroom:errors.articleNotFound' });
    expect(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: '2026-02-30',
        quizEnabled: false,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { dueAt: 'classroom:errors.dueAt' } });
    expect(
      await performAs({ userId: otherTeacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: DUE,
        quizEnabled: false,
      }),
    ).toEqual({ ok: false, error: 'classroom:errors.notFound' });
    expect(await everything()).toEqual(before);

    const changed = ok(
      await performAs({ userId: teacher }, updateAssignment, {
        assignmentId: some.id,
        dueAt: '2026-06-01T12:00:00+02:00',
        focusTermIds: [await termId('Rückschlag')],
        quizEnabled: true,
      }),
    );
    expect(changed).toMatchObject({ quizEnabled: true, focusTerms: [{ lemma: 'Rückschlag' }] });
    expect(changed.dueAt.toISOString()).toBe('2026-06-01T10:00:00.000Z');
    expect(ok(await performAs({ userId: teacher }, deleteAssignment, { assignmentId: some.id }))).toEqual({
      assignmentId: some.id,
    });
    expect(await performAs({ userId: teacher }, deleteAssignment, { assignmentId: some.id })).toEqual({
      ok: false,
      error: 'classroom:errors.notFound',
    });
  });

  test('the edit form sends every field: all replaced at once, the focus terms as a set; the article stays; refusals write nothing', async () => {
    const klass = ok(await performAs({ userId: teacher }, createClass, { name: 'Bearbeiten' }));
    const [drohne, munition, rueckschlag] = await Promise.all(['Drohne', 'Munition', 'Rückschlag'].map(termId));
    const created = ok(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: DUE,
        instructions: 'Alt',
        focusTermIds: [drohne!, munition!],
        quizEnabled: true,
      }),
    );
    // An article in the input is ignored: the article of an assignment cannot change.
    const otherArticle = { articleSlug: NEWSLETTER };
    const edited = ok(
      await performAs({ userId: teacher }, updateAssignment, {
        ...otherArticle,
        assignmentId: created.id,
        dueAt: '2026-02-20T08:30:00.000Z',
        instructions: ' Neu ',
        focusTermIds: [munition!, rueckschlag!],
        quizEnabled: false,
      }),
    );
    expect(edited).toMatchObject({ instructions: 'Neu', quizEnabled: false, article: { slug: AFP } });
    expect(edited.focusTerms.map((t) => t.lemma)).toEqual(['Munition', 'Rückschlag']);
    expect(edited.dueAt.toISOString()).toBe('2026-02-20T08:30:00.000Z');
    // Emptied instructions and no focus terms (without a quiz) are kept as such.
    expect(
      ok(
        await performAs({ userId: teacher }, updateAssignment, {
          assignmentId: created.id,
          dueAt: '2026-02-20T08:30:00.000Z',
          instructions: '',
          focusTermIds: [],
          quizEnabled: false,
        }),
      ),
    ).toMatchObject({ instructions: '', focusTerms: [] });

    const before = await everything();
    expect(
      await performAs({ userId: teacher }, updateAssignment, {
        assignmentId: created.id,
        dueAt: '',
        instructions: 'x',
        focusTermIds: [drohne!],
        quizEnabled: true,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { dueAt: 'classroom:errors.dueAt' } });
    expect(
      await performAs({ userId: teacher }, updateAssignment, {
        assignmentId: created.id,
        dueAt: DUE,
        instructions: 'x',
        focusTermIds: [],
        quizEnabled: true,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { quizEnabled: 'classroom:errors.quizNeedsTerms' } });
    expect(
      await performAs({ userId: teacher }, updateAssignment, {
        assignmentId: created.id,
        dueAt: DUE,
        focusTermIds: [await termId('Spionageballon')],
        quizEnabled: false,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { focusTermIds: 'classroom:errors.focusTerms' } });
    expect(
      await performAs({ userId: otherTeacher }, updateAssignment, { assignmentId: created.id, instructions: 'Fremd' }),
    ).toEqual({
      ok: false,
      error: 'classroom:errors.notFound',
    });
    expect(await everything()).toEqual(before);
  });

  test("another teacher's classes-only article is never assignable, even to a teacher who may read it", async () => {
    // Herr Other's article for his own classes only; Frau Teacher is in one of his classes, so she may
    // read it, but her students could not: it is not in her form, and the server refuses it.
    await db.article.update({ where: { slug: NEWSLETTER }, data: { visibility: 'classes', ownerId: otherTeacher } });
    const his = ok(await performAs({ userId: otherTeacher }, createClass, { name: 'Seine Klasse' }));
    const mine = ok(await performAs({ userId: teacher }, createClass, { name: 'Meine Klasse' }));
    const adminsClass = ok(await performAs({ userId: admin }, createClass, { name: 'Admin-Klasse' }));
    try {
      ok(await performAs({ userId: teacher }, joinClass, { code: his.joinCode }));
      expect((await listLibrary(teacher)).articles.map((a) => a.slug)).toContain(NEWSLETTER);

      // The form's search: by the German or the English title, any case; his article for him only.
      const offered = async (userId: string, q: string) =>
        ok(await performAs({ userId }, assignableArticles, { q })).map((a) => a.slug);
      for (const userId of [teacher, admin]) {
        expect(await offered(userId, '')).toEqual([AFP]);
        expect(await offered(userId, 'Kalkulation')).toEqual([]);
        expect(await offered(userId, 'CALCULUS')).toEqual([]);
      }
      expect(await offered(otherTeacher, '')).toEqual([AFP, NEWSLETTER]); // newest first
      expect(await offered(otherTeacher, 'Kalkulation')).toEqual([NEWSLETTER]);
      expect(await offered(otherTeacher, 'CALCULUS')).toEqual([NEWSLETTER]);
      expect(await offered(otherTeacher, 'MILITÄRISCHEN')).toEqual([AFP]);
      expect(await offered(otherTeacher, 'military expansion')).toEqual([AFP]);
      expect(ok(await performAs({ userId: teacher }, focusTermOptions, NEWSLETTER))).toEqual([]);

      const before = await everything();
      for (const [userId, classId] of [
        [teacher, mine.id],
        [admin, adminsClass.id],
      ] as const)
        expect(
          await performAs({ userId }, createAssignment, {
            classId,
            articleSlug: NEWSLETTER,
            dueAt: DUE,
            quizEnabled: false,
          }),
        ).toEqual({
          ok: false,
          error: 'classroom:errors.articleNotAssignable',
          fieldErrors: { articleSlug: 'classroom:errors.articleNotAssignable' },
        });
      expect(await everything()).toEqual(before);

      // Its owner assigns it to his class, with its terms to choose from.
      expect(ok(await performAs({ userId: otherTeacher }, focusTermOptions, NEWSLETTER)).length).toBeGreaterThan(0);
      const assigned = ok(
        await performAs({ userId: otherTeacher }, createAssignment, {
          classId: his.id,
          articleSlug: NEWSLETTER,
          dueAt: DUE,
          quizEnabled: false,
        }),
      );
      expect(assigned.article.slug).toBe(NEWSLETTER);
    } finally {
      await db.classroom.deleteMany({ where: { id: { in: [his.id, mine.id, adminsClass.id] } } });
      await db.article.update({ where: { slug: NEWSLETTER }, data: { visibility: 'public', ownerId: null } });
    }
  });

  test('my assignments: not started, in progress, done, overdue, by an explicit now', async () => {
    const klass = ok(await performAs({ userId: teacher }, createClass, { name: 'Status' }));
    const hana = await user('Hana');
    const ida = await user('Ida');
    ok(await performAs({ userId: hana }, joinClass, { code: klass.joinCode }));
    ok(await performAs({ userId: ida }, joinClass, { code: klass.joinCode }));
    const a = ok(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: DUE,
        quizEnabled: true,
      }),
    );
    const status = async (who: string, now: Date) => (await getAssignmentForStudent(who, a.id, now))?.status;

    expect(await status(hana, NOW)).toBe('not-started');
    expect((await listMyAssignments(hana, NOW))[0]).toMatchObject({
      id: a.id,
      status: 'not-started',
      progress: null,
      bestScore: null,
    });
    ok(
      await at(NOW, () =>
        performAs({ userId: hana }, recordProgress, {
          assignmentId: a.id,
          events: [ev('open'), ev('seen', { paragraph: 0 }), ev('seen', { paragraph: 3 })],
        }),
      ),
    );
    expect(await status(hana, NOW)).toBe('in-progress');
    const mine = (await listMyAssignments(hana, NOW))[0]!;
    expect(mine.progress).toMatchObject({ openedAt: NOW, paragraphsSeen: 2, paragraphCount: 17, doneAt: null });
    expect(mine.progress!.share).toBeCloseTo(2 / 17);

    const afterDue = new Date('2026-05-10T18:00:01Z');
    expect(await status(hana, afterDue)).toBe('overdue');
    expect(await status(ida, afterDue)).toBe('overdue');
    ok(
      await at(afterDue, () =>
        performAs({ userId: hana }, recordProgress, { assignmentId: a.id, events: [ev('done')] }),
      ),
    );
    expect(await status(hana, afterDue)).toBe('done');
    const grid = (await getClassGrid(teacher, klass.id, afterDue))!;
    expect(grid.cells[hana]![a.id]).toMatchObject({ status: 'done', overdue: false });
    expect(grid.cells[ida]![a.id]).toMatchObject({
      status: 'overdue',
      overdue: true,
      activeSeconds: 0,
      share: 0,
      score: null,
    });
  });
});

describe('progress events', () => {
  async function setup(name: string) {
    const klass = ok(await performAs({ userId: teacher }, createClass, { name }));
    const student = await user(`${name} student`);
    ok(await performAs({ userId: student }, joinClass, { code: klass.joinCode }));
    const drohne = await termId('Drohne');
    const munition = await termId('Munition');
    const a = ok(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: '2030-01-01',
        focusTermIds: [drohne, munition],
        quizEnabled: true,
      }),
    );
    return { klass, student, a, drohne, munition };
  }
  const progressOf = (assignmentId: string, userId: string) =>
    db.assignmentProgress.findUnique({ where: { assignmentId_userId: { assignmentId, userId } } });

  test('a batch is applied once: the same batch again changes nothing; lookups count only focus terms', async () => {
    const { student, a, drohne } = await setup('Idempotent');
    const batch = {
      assignmentId: a.id,
      events: [
        ev('open'),
        ev('seen', { paragraph: 2 }),
        ev('seen', { paragraph: 0 }),
        ev('seen', { paragraph: 2 }),
        ev('active', { seconds: 20 }),
        ev('lookup', { term: 'Drohne' }),
        ev('lookup', { term: 'Drohne' }),
        ev('save', { term: 'Drohne' }),
        ev('lookup', { term: 'Spionageballon' }),
        ev('lookup', { term: 'Frieden' }),
      ],
    };
    expect(ok(await at(NOW, () => performAs({ userId: student }, recordProgress, batch)))).toEqual({
      accepted: 10,
      duplicates: 0,
    });
    const first = await everything();
    expect(ok(await at(later(MINUTE), () => performAs({ userId: student }, recordProgress, batch)))).toEqual({
      accepted: 0,
      duplicates: 10,
    });
    expect(await everything()).toEqual(first);

    expect(await progressOf(a.id, student)).toMatchObject({
      openedAt: NOW,
      paragraphsSeen: '[0,2]',
      paragraphCount: 17,
      activeSeconds: 20,
      doneAt: null,
    });
    const lookups = await db.termLookup.findMany({ where: { assignmentId: a.id }, orderBy: { kind: 'asc' } });
    expect(lookups.map((l) => [l.termId, l.kind, l.count])).toEqual([
      [drohne, 'lookup', 2],
      [drohne, 'save', 1],
    ]);
    // A batch repeating an event id counts it once; open and done are set once.
    const id = randomUUID();
    expect(
      ok(
        await at(later(2 * MINUTE), () =>
          performAs({ userId: student }, recordProgress, {
            assignmentId: a.id,
            events: [{ id, kind: 'done' }, { id, kind: 'done' }, ev('open')],
          }),
        ),
      ),
    ).toEqual({ accepted: 2, duplicates: 1 });
    ok(
      await at(later(3 * MINUTE), () =>
        performAs({ userId: student }, recordProgress, { assignmentId: a.id, events: [ev('done')] }),
      ),
    );
    expect(await progressOf(a.id, student)).toMatchObject({ openedAt: NOW, doneAt: later(2 * MINUTE) });
  });

  test('bad events are refused whole: paragraphs the article lacks, bad kinds, too long batches', async () => {
    const { student, a } = await setup('Validation');
    const before = await everything();
    expect(
      await at(NOW, () =>
        performAs({ userId: student }, recordProgress, {
          assignmentId: a.id,
          events: [ev('open'), ev('seen', { paragraph: 17 })],
        }),
      ),
    ).toEqual({ ok: false, error: 'classroom:errors.invalid', fieldErrors: { events: 'classroom:errors.paragraph' } });
    for (const events of [
      [ev('scroll')],
      [ev('active', { seconds: 31 })],
      [ev('active', { seconds: 3600 })],
      [{ kind: 'open' } as never],
      [],
      Array.from({ length: 51 }, () => ev('open')),
    ]) {
      expect(
        (await at(NOW, () => performAs({ userId: student }, recordProgress, { assignmentId: a.id, events }))).ok,
        JSON.stringify(events[0]),
      ).toBe(false);
    }
    expect(await at(NOW, () => performAs({ userId: student }, recordProgress, 'nonsense'))).toMatchObject({
      ok: false,
      error: 'classroom:errors.invalid',
    });
    expect(await everything()).toEqual(before);
  });

  test('active time counts after opening, and never more than the clock since then (plus a margin)', async () => {
    const { student, a } = await setup('Active');
    ok(
      await at(NOW, () =>
        performAs({ userId: student }, recordProgress, { assignmentId: a.id, events: [ev('active', { seconds: 30 })] }),
      ),
    ); // before opening: not counted
    expect((await progressOf(a.id, student))?.activeSeconds).toBe(0);
    ok(
      await at(NOW, () =>
        performAs({ userId: student }, recordProgress, {
          assignmentId: a.id,
          events: [ev('open'), ev('active', { seconds: 10 })],
        }),
      ),
    );
    expect((await progressOf(a.id, student))?.activeSeconds).toBe(10);
    // A minute later, 5 minutes' worth of events: capped at 60 s + 30 s margin.
    ok(
      await at(later(MINUTE), () =>
        performAs({ userId: student }, recordProgress, {
          assignmentId: a.id,
          events: Array.from({ length: 10 }, () => ev('active', { seconds: 30 })),
        }),
      ),
    );
    expect((await progressOf(a.id, student))?.activeSeconds).toBe(90);
    // Ten minutes after opening, honest events count in full.
    ok(
      await at(later(10 * MINUTE), () =>
        performAs({ userId: student }, recordProgress, {
          assignmentId: a.id,
          events: [ev('active', { seconds: 30 }), ev('active', { seconds: 25 })],
        }),
      ),
    );
    expect((await progressOf(a.id, student))?.activeSeconds).toBe(145);
  });

  test(`a flood is bounded: at most ${FLOOD_LIMIT} events per student and assignment in ten minutes; the excess is refused whole`, async () => {
    const { student, a } = await setup('Flood');
    for (let i = 0; i < FLOOD_LIMIT / 50; i++) {
      ok(
        await at(later(i * 1000), () =>
          performAs({ userId: student }, recordProgress, {
            assignmentId: a.id,
            events: Array.from({ length: 50 }, () => ev('active', { seconds: 1 })),
          }),
        ),
      );
    }
    const before = await everything();
    expect(
      await at(later(9 * MINUTE), () =>
        performAs({ userId: student }, recordProgress, { assignmentId: a.id, events: [ev('open'), ev('done')] }),
      ),
    ).toEqual({ ok: false, error: 'classroom:errors.tooManyEvents' });
    expect(await everything()).toEqual(before);
    // Resent events are no flood; after ten minutes events are taken again.
    expect(await db.progressEvent.count({ where: { assignmentId: a.id } })).toBe(FLOOD_LIMIT);
    const resend = await db.progressEvent.findFirstOrThrow({ where: { assignmentId: a.id } });
    expect(
      ok(
        await at(later(9 * MINUTE), () =>
          performAs({ userId: student }, recordProgress, {
            assignmentId: a.id,
            events: [{ id: resend.clientEventId, kind: 'active', seconds: 1 }],
          }),
        ),
      ),
    ).toEqual({ accepted: 0, duplicates: 1 });
    expect(
      ok(
        await at(later(10 * MINUTE + 6000), () =>
          performAs({ userId: student }, recordProgress, { assignmentId: a.id, events: [ev('open')] }),
        ),
      ),
    ).toEqual({ accepted: 1, duplicates: 0 });
  });

  test('concurrent batches with overlapping events: each event counted once, also for a first batch', async () => {
    const { student, a, munition } = await setup('Concurrency');
    // First batches race to create the progress row.
    const open = ev('open');
    const lookups = Array.from({ length: 6 }, () => ev('lookup', { term: 'Munition' }));
    const firstRound = await Promise.all([
      at(later(-60 * MINUTE), () =>
        performAs({ userId: student }, recordProgress, { assignmentId: a.id, events: [open, ...lookups.slice(0, 4)] }),
      ),
      at(later(-60 * MINUTE), () =>
        performAs({ userId: student }, recordProgress, { assignmentId: a.id, events: [open, ...lookups.slice(2, 6)] }),
      ),
      at(later(-60 * MINUTE), () =>
        performAs({ userId: student }, recordProgress, { assignmentId: a.id, events: lookups }),
      ),
    ]);
    expect(firstRound.map((r) => ok(r).accepted).reduce((x, y) => x + y, 0)).toBe(7);
    // Overlapping batches of active time, sent three and four times at once.
    const active = Array.from({ length: 15 }, (_, i) =>
      i % 3 === 0 ? ev('lookup', { term: 'Munition' }) : ev('active', { seconds: 5 }),
    );
    const round = await Promise.all([
      at(NOW, () =>
        performAs({ userId: student }, recordProgress, { assignmentId: a.id, events: active.slice(0, 10) }),
      ),
      at(NOW, () =>
        performAs({ userId: student }, recordProgress, { assignmentId: a.id, events: active.slice(5, 15) }),
      ),
      at(NOW, () => performAs({ userId: student }, recordProgress, { assignmentId: a.id, events: active })),
    ]);
    expect(round.map((r) => ok(r).accepted).reduce((x, y) => x + y, 0)).toBe(15);
    const again = await Promise.all(
      [0, 1, 2, 3].map(() =>
        at(NOW, () =>
          performAs({ userId: student }, recordProgress, { assignmentId: a.id, events: [open, ...active] }),
        ),
      ),
    );
    expect(again.map((r) => ok(r).accepted)).toEqual([0, 0, 0, 0]);
    expect(await db.progressEvent.count({ where: { assignmentId: a.id, userId: student } })).toBe(22);
    expect((await progressOf(a.id, student))?.activeSeconds).toBe(10 * 5);
    expect(
      (await db.termLookup.findFirst({ where: { assignmentId: a.id, termId: munition, kind: 'lookup' } }))?.count,
    ).toBe(6 + 5);
  });
});

describe('quiz', () => {
  test('generated from the focus terms; answers scored with near misses; attempts stored; the best counts', async () => {
    const klass = ok(await performAs({ userId: teacher }, createClass, { name: 'Quiz' }));
    const jana = await user('Jana');
    ok(await performAs({ userId: jana }, joinClass, { code: klass.joinCode }));
    const [drohne, rueckschlag] = [await termId('Drohne'), await termId('Rückschlag')];
    const a = ok(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: '2030-01-01',
        focusTermIds: [rueckschlag, drohne],
        quizEnabled: true,
      }),
    );

    const items = (await getQuiz(jana, a.id))!;
    expect(items.map((i) => i.id)).toEqual([
      `${drohne}:cloze`,
      `${drohne}:en-de`,
      `${rueckschlag}:cloze`,
      `${rueckschlag}:en-de`,
    ]);
    expect(items.every((i) => Object.keys(i).sort().join() === 'hint,id,kind,prompt')).toBe(true);
    const cloze = items[0]!;
    expect(cloze.prompt).toContain('Produktion von _____, weltraumgestützten');
    expect(cloze.hint).toContain('joint production of drones');
    expect(items[1]).toMatchObject({ kind: 'en-de', prompt: 'drone', hint: null });
    expect(await getQuiz(jana, a.id)).toEqual(items); // deterministic

    // The quiz opens after reading: refused until the student has marked the assignment done.
    expect(
      await performAs({ userId: jana }, submitQuiz, {
        assignmentId: a.id,
        answers: [{ itemId: `${drohne}:cloze`, given: 'Drohnen' }],
      }),
    ).toEqual({ ok: false, error: 'classroom:errors.quizLocked' });
    expect(await db.quizAttempt.count({ where: { assignmentId: a.id } })).toBe(0);
    ok(await performAs({ userId: jana }, markDone, { assignmentId: a.id, eventId: randomUUID() }));

    const first = ok(
      await at(NOW, () =>
        performAs({ userId: jana }, submitQuiz, {
          assignmentId: a.id,
          answers: [
            { itemId: `${drohne}:cloze`, given: 'Drohne' },
            { itemId: `${drohne}:en-de`, given: 'Drohne' },
            { itemId: `${rueckschlag}:cloze`, given: 'Rückschlag' },
            { itemId: 'not-an-item', given: 'x' },
          ],
        }),
      ),
    );
    expect(first).toMatchObject({ score: 0, maxScore: 4 });
    expect(first.items.map((i) => [i.expected, i.given, i.verdict])).toEqual([
      ['Drohnen', 'Drohne', 'near-ending'],
      ['die Drohne', 'Drohne', 'near-article'],
      ['Rückschläge', 'Rückschlag', 'near-ending'],
      ['der Rückschlag', '', 'wrong'],
    ]);
    const second = ok(
      await at(later(MINUTE), () =>
        performAs({ userId: jana }, submitQuiz, {
          assignmentId: a.id,
          answers: first.items.map((i) => ({ itemId: i.id, given: i.expected.toUpperCase() })),
        }),
      ),
    );
    expect(second).toMatchObject({ score: 4, maxScore: 4 });
    ok(await at(later(2 * MINUTE), () => performAs({ userId: jana }, submitQuiz, { assignmentId: a.id, answers: [] })));

    expect(await db.quizAttempt.count({ where: { assignmentId: a.id, userId: jana } })).toBe(3);
    const stored = await db.quizAnswer.findMany({
      where: { attempt: { assignmentId: a.id, submittedAt: NOW } },
      orderBy: { prompt: 'asc' },
    });
    expect(stored.map((s) => s.verdict).sort()).toEqual(['near-article', 'near-ending', 'near-ending', 'wrong']);
    expect((await getAssignmentForStudent(jana, a.id, NOW))?.bestScore).toEqual({ score: 4, maxScore: 4 });
    expect((await getClassGrid(teacher, klass.id, NOW))?.cells[jana]![a.id]!.score).toEqual({ score: 4, maxScore: 4 });

    const insights = (await getAssignmentInsights(teacher, a.id))!;
    expect((await getClassInsights(teacher, klass.id))!.get(a.id)).toEqual(insights);
    expect(insights.mostMissed).toEqual([
      { termId: drohne, lemma: 'Drohne', missed: 4, attempts: 6 },
      { termId: rueckschlag, lemma: 'Rückschlag', missed: 4, attempts: 6 },
    ]);

    const off = ok(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: '2030-01-01',
        quizEnabled: false,
      }),
    );
    expect(await getQuiz(jana, off.id)).toBeNull();
    expect(await performAs({ userId: jana }, submitQuiz, { assignmentId: off.id, answers: [] })).toEqual({
      ok: false,
      error: 'classroom:errors.quizDisabled',
    });
  });
});

describe('teacher dashboard', () => {
  test('grid, most looked-up and most missed terms, CSV; students who left are not shown', async () => {
    const klass = ok(await performAs({ userId: teacher }, createClass, { name: 'Dashboard' }));
    const karl = await user('Karl');
    const lena = await user('=HYPERLINK("http://evil")');
    const max = await user('Max');
    for (const s of [karl, lena, max]) ok(await performAs({ userId: s }, joinClass, { code: klass.joinCode }));
    const [drohne, munition] = [await termId('Drohne'), await termId('Munition')];
    const first = ok(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: '2026-05-09T12:00:00Z',
        focusTermIds: [drohne, munition],
        quizEnabled: true,
      }),
    );
    const second = ok(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: NEWSLETTER,
        dueAt: '2026-06-01',
        quizEnabled: false,
      }),
    );

    ok(
      await at(later(-25 * 60 * MINUTE), () =>
        performAs({ userId: karl }, recordProgress, {
          assignmentId: first.id,
          events: [
            ev('open'),
            ...[0, 1, 2, 3].map((p) => ev('seen', { paragraph: p })),
            ev('lookup', { term: 'Munition' }),
            ev('lookup', { term: 'Munition' }),
            ev('lookup', { term: 'Drohne' }),
          ],
        }),
      ),
    );
    ok(
      await at(later(-24 * 60 * MINUTE), () =>
        performAs({ userId: karl }, recordProgress, {
          assignmentId: first.id,
          events: [
            ev('active', { seconds: 30 }),
            ev('active', { seconds: 30 }),
            ev('active', { seconds: 30 }),
            ev('done'),
          ],
        }),
      ),
    );
    ok(
      await at(later(-23 * 60 * MINUTE), () =>
        performAs({ userId: lena }, recordProgress, {
          assignmentId: first.id,
          events: [ev('open'), ev('lookup', { term: 'Munition' })],
        }),
      ),
    );
    ok(
      await at(NOW, () =>
        performAs({ userId: max }, recordProgress, { assignmentId: second.id, events: [ev('open')] }),
      ),
    );
    ok(
      await at(NOW, () =>
        performAs({ userId: karl }, submitQuiz, {
          assignmentId: first.id,
          answers: [{ itemId: `${drohne}:cloze`, given: 'Drohnen' }],
        }),
      ),
    );

    const grid = (await getClassGrid(teacher, klass.id, NOW))!;
    expect(grid.students.map((s) => s.name)).toEqual(['=HYPERLINK("http://evil")', 'Karl', 'Max']);
    expect(grid.assignments.map((a) => a.id)).toEqual([first.id, second.id]);
    expect(grid.cells[karl]![first.id]).toEqual({
      status: 'done',
      activeSeconds: 90,
      share: 4 / 17,
      score: { score: 1, maxScore: 4 },
      overdue: false,
      doneAt: later(-24 * 60 * MINUTE),
    });
    expect(grid.cells[lena]![first.id]).toMatchObject({ status: 'overdue', overdue: true });
    expect(grid.cells[max]![first.id]).toMatchObject({ status: 'overdue', overdue: true });
    expect(grid.cells[max]![second.id]).toMatchObject({ status: 'in-progress', overdue: false });
    expect(grid.cells[karl]![second.id]).toMatchObject({ status: 'not-started' });

    expect((await getAssignmentInsights(teacher, first.id))!.mostLookedUp).toEqual([
      { termId: munition, lemma: 'Munition', count: 3 },
      { termId: drohne, lemma: 'Drohne', count: 1 },
    ]);
    // The class page reads every assignment's insights at once: the same as one by one; none for another teacher.
    const classInsights = (await getClassInsights(teacher, klass.id))!;
    expect([...classInsights.keys()].sort()).toEqual([first.id, second.id].sort());
    for (const id of [first.id, second.id])
      expect(classInsights.get(id)).toEqual(await getAssignmentInsights(teacher, id));
    expect(await getClassInsights(otherTeacher, klass.id)).toBeNull();

    // The CSV: a row per student and assignment, dates in the teacher's zone, scores as numbers.
    const csv = (await gridCsv(teacher, klass.id, 'en', 'Europe/Berlin', NOW))!;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    const [afpTitle, newsletterTitle] = [
      'China hilft Moskau bei der größten militärischen Expansion seit der Sowjetzeit, sagen die USA',
      'Chinas Kalkulation, Russland mit Waffen zu beliefern',
    ];
    const emailOf = new Map(grid.students.map((s) => [s.id, s.email]));
    const secondDue = formatSortableDateTime(grid.assignments[1]!.dueAt, 'Europe/Berlin');
    expect(lines[0]).toBe(
      'Student,E-mail,Assignment,Due (Europe/Berlin),Status,Read (%),Active minutes,Completed (Europe/Berlin),Quiz points,Quiz maximum,Quiz (%)',
    );
    expect(lines.slice(1)).toEqual([
      `"'=HYPERLINK(""http://evil"")",${emailOf.get(lena)},"${afpTitle}",2026-05-09 14:00,Overdue,0,0,,,,`,
      `"'=HYPERLINK(""http://evil"")",${emailOf.get(lena)},"${newsletterTitle}",${secondDue},Not started,0,0,,,,`,
      `Karl,${emailOf.get(karl)},"${afpTitle}",2026-05-09 14:00,Done,24,2,2026-05-09 12:00,1,4,25`,
      `Karl,${emailOf.get(karl)},"${newsletterTitle}",${secondDue},Not started,0,0,,,,`,
      `Max,${emailOf.get(max)},"${afpTitle}",2026-05-09 14:00,Overdue,0,0,,,,`,
      `Max,${emailOf.get(max)},"${newsletterTitle}",${secondDue},In progress,0,0,,,,`,
      '',
    ]);
    const german = (await gridCsv(teacher, klass.id, 'de', 'UTC', NOW))!.split('\r\n');
    expect(german[0]).toBe(
      '\uFEFFLernende,E-Mail,Aufgabe,Fällig (UTC),Status,Gelesen (%),Aktive Minuten,Erledigt am (UTC),Quizpunkte,Mögliche Quizpunkte,Quiz (%)',
    );
    expect(german[3]).toBe(
      `Karl,${emailOf.get(karl)},"${afpTitle}",2026-05-09 12:00,Erledigt,24,2,2026-05-09 10:00,1,4,25`,
    );

    // Karl leaves: his row and his look-ups leave the teacher's view.
    ok(await performAs({ userId: karl }, leaveClass, { classId: klass.id }));
    expect((await getClassGrid(teacher, klass.id, NOW))!.students.map((s) => s.name)).toEqual([
      '=HYPERLINK("http://evil")',
      'Max',
    ]);
    expect((await getAssignmentInsights(teacher, first.id))!.mostLookedUp).toEqual([
      { termId: munition, lemma: 'Munition', count: 1 },
    ]);
  });
});

describe('class CSV', () => {
  test('active minutes in the CSV are the class page’s (61 s is 2 min on both), read share and score are numbers', async () => {
    const klass = ok(await performAs({ userId: teacher }, createClass, { name: 'CSV minutes' }));
    const nora = await user('Nora');
    ok(await performAs({ userId: nora }, joinClass, { code: klass.joinCode }));
    const assignment = ok(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: '2026-05-20T12:00:00Z',
        focusTermIds: [await termId('Drohne'), await termId('Munition')],
        quizEnabled: true,
      }),
    );
    ok(
      await at(later(-10 * MINUTE), () =>
        performAs({ userId: nora }, recordProgress, {
          assignmentId: assignment.id,
          events: [ev('open'), ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((p) => ev('seen', { paragraph: p }))],
        }),
      ),
    );
    ok(
      await at(NOW, () =>
        performAs({ userId: nora }, recordProgress, {
          assignmentId: assignment.id,
          events: [ev('active', { seconds: 30 }), ev('active', { seconds: 30 }), ev('active', { seconds: 1 })],
        }),
      ),
    );
    const grid = (await getClassGrid(teacher, klass.id, NOW))!;
    const cell = grid.cells[nora]![assignment.id]!;
    expect(cell.activeSeconds).toBe(61);
    // What the class page shows: components/classroom/class-grid.client.tsx renders activeMinutes(activeSeconds).
    expect(activeMinutes(cell.activeSeconds)).toBe(2);
    const [header, row] = (await gridCsv(teacher, klass.id, 'en', 'UTC', NOW))!.slice(1).split('\r\n');
    const columns = header!.split(',');
    const values = Papa.parse<string[]>(row!).data[0]!;
    const value = (name: string) => values[columns.indexOf(name)];
    expect(value('Active minutes')).toBe('2');
    expect(value('Read (%)')).toBe(String(Math.round((9 / 17) * 100)));
    expect(value('Status')).toBe('In progress');
    expect(value('Completed (UTC)')).toBe('');
  });
});

describe('teacher’s dashboard', () => {
  test('live classes A–Z, open assignments with completion, who is behind lately, recent activity: own classes, current members', async () => {
    const me = await user('Frau Overview', 'teacher');
    const [ulla, vera, wim, xaver] = [await user('Ulla'), await user('Vera'), await user('Wim'), await user('Xaver')];
    const beta = ok(await performAs({ userId: me }, createClass, { name: 'Beta' }));
    const alpha = ok(await performAs({ userId: me }, createClass, { name: 'Alpha' }));
    const zeta = ok(await performAs({ userId: me }, createClass, { name: 'Zeta' }));
    const foreign = ok(await performAs({ userId: otherTeacher }, createClass, { name: 'Not mine' }));
    for (const s of [ulla, vera, wim]) ok(await performAs({ userId: s }, joinClass, { code: alpha.joinCode }));
    ok(await performAs({ userId: xaver }, joinClass, { code: beta.joinCode }));
    for (const s of [ulla, xaver]) ok(await performAs({ userId: s }, joinClass, { code: zeta.joinCode }));
    ok(await performAs({ userId: ulla }, joinClass, { code: foreign.joinCode }));
    const assign = async (owner: string, classId: string, articleSlug: string, dueAt: Date, quiz = false) =>
      ok(
        await performAs({ userId: owner }, createAssignment, {
          classId,
          articleSlug,
          dueAt: dueAt.toISOString(),
          ...(quiz ? { focusTermIds: [await termId('Drohne')], quizEnabled: true } : { quizEnabled: false }),
        }),
      ).id;
    const DAY = 24 * 60 * MINUTE;
    const open1 = await assign(me, alpha.id, AFP, later(2 * DAY), true);
    const open2 = await assign(me, beta.id, NEWSLETTER, later(DAY));
    const past = await assign(me, alpha.id, NEWSLETTER, later(-2 * DAY));
    await assign(me, alpha.id, AFP, later(-20 * DAY)); // due before the dashboard's 14 days
    await assign(me, zeta.id, AFP, later(DAY)); // archived below
    const foreignOpen = await assign(otherTeacher, foreign.id, AFP, later(DAY));
    ok(await performAs({ userId: me }, archiveClass, { classId: zeta.id }));

    const progress = (student: string, assignmentId: string, when: Date, ...kinds: string[]) =>
      at(when, () =>
        performAs({ userId: student }, recordProgress, { assignmentId, events: kinds.map((k) => ev(k)) }),
      ).then(ok);
    await progress(ulla, past, later(-3 * DAY), 'open');
    await progress(ulla, past, later(-3 * DAY + MINUTE), 'done');
    await progress(vera, open1, later(-120 * MINUTE), 'open');
    await progress(ulla, open1, later(-90 * MINUTE), 'open');
    await progress(ulla, open1, later(-60 * MINUTE), 'done');
    await progress(wim, open1, later(-50 * MINUTE), 'open', 'done');
    await progress(ulla, foreignOpen, later(-40 * MINUTE), 'open');
    const drohne = await termId('Drohne');
    ok(
      await at(later(-30 * MINUTE), () =>
        performAs({ userId: ulla }, submitQuiz, {
          assignmentId: open1,
          answers: [{ itemId: `${drohne}:cloze`, given: 'Drohnen' }],
        }),
      ),
    );
    // Wim leaves: he and what he did leave the teacher's view.
    ok(await performAs({ userId: wim }, leaveClass, { classId: alpha.id }));

    const dashboard = await getTeacherDashboard(me, NOW);
    expect(dashboard.classes).toEqual([
      { id: alpha.id, name: 'Alpha', studentCount: 2, openAssignmentCount: 1 },
      { id: beta.id, name: 'Beta', studentCount: 1, openAssignmentCount: 1 },
    ]);
    expect(
      dashboard.openAssignments.map(({ id, className, studentCount, started, done }) => ({
        id,
        className,
        studentCount,
        started,
        done,
      })),
    ).toEqual([
      { id: open2, className: 'Beta', studentCount: 1, started: 0, done: 0 },
      { id: open1, className: 'Alpha', studentCount: 2, started: 2, done: 1 },
    ]);
    expect(dashboard.openAssignments[1]).toMatchObject({
      classId: alpha.id,
      dueAt: later(2 * DAY),
      title: expect.stringContaining('China hilft'),
    });
    expect(dashboard.overdue).toEqual([
      {
        id: past,
        classId: alpha.id,
        className: 'Alpha',
        title: 'Chinas Kalkulation, Russland mit Waffen zu beliefern',
        dueAt: later(-2 * DAY),
        students: [{ id: vera, name: 'Vera' }],
      },
    ]);
    expect(
      dashboard.recentActivity.map((a) => [a.kind, a.studentName, a.at.getTime() - NOW.getTime(), a.score]),
    ).toEqual([
      ['quiz', 'Ulla', -30 * MINUTE, { score: 1, maxScore: expect.any(Number) }],
      ['done', 'Ulla', -60 * MINUTE, null],
      ['opened', 'Ulla', -90 * MINUTE, null],
      ['opened', 'Vera', -120 * MINUTE, null],
      ['done', 'Ulla', -3 * DAY + MINUTE, null],
      ['opened', 'Ulla', -3 * DAY, null],
    ]);
    expect(new Set(dashboard.recentActivity.map((a) => a.className))).toEqual(new Set(['Alpha']));

    // Nothing of anyone else's: a teacher without classes, a learner, the other teacher (their class only).
    const empty = { classes: [], openAssignments: [], overdue: [], recentActivity: [] };
    expect(await getTeacherDashboard(await user('Herr Leer', 'teacher'), NOW)).toEqual(empty);
    expect(await getTeacherDashboard(ulla, NOW)).toEqual(empty);
    expect((await getTeacherDashboard(otherTeacher, NOW)).openAssignments.map((a) => a.id)).toContain(foreignOpen);
    expect((await getTeacherDashboard(otherTeacher, NOW)).openAssignments.map((a) => a.id)).not.toContain(open1);
  });

  test(`recent activity keeps the latest ${DASHBOARD_ACTIVITY_MAX}, and nothing older than ${DASHBOARD_DAYS} days`, async () => {
    const me = await user('Frau Busy', 'teacher');
    const klass = ok(await performAs({ userId: me }, createClass, { name: 'Busy' }));
    const students = [];
    for (let i = 0; i < DASHBOARD_ACTIVITY_MAX + 2; i++)
      students.push(await user(`Busy ${String(i).padStart(2, '0')}`));
    for (const s of students) ok(await performAs({ userId: s }, joinClass, { code: klass.joinCode }));
    const assignment = ok(
      await performAs({ userId: me }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: later(-40 * 24 * 60 * MINUTE).toISOString(),
        quizEnabled: false,
      }),
    ).id;
    for (const [i, s] of students.entries())
      ok(
        await at(later(-i * 60 * MINUTE), () =>
          performAs({ userId: s }, recordProgress, { assignmentId: assignment, events: [ev('open')] }),
        ),
      );
    const old = await user('Busy old');
    ok(await performAs({ userId: old }, joinClass, { code: klass.joinCode }));
    ok(
      await at(later(-(DASHBOARD_DAYS + 1) * 24 * 60 * MINUTE), () =>
        performAs({ userId: old }, recordProgress, { assignmentId: assignment, events: [ev('open')] }),
      ),
    );
    const { recentActivity, overdue } = await getTeacherDashboard(me, NOW);
    expect(recentActivity.map((a) => a.studentName)).toEqual(
      students.slice(0, DASHBOARD_ACTIVITY_MAX).map((_, i) => `Busy ${String(i).padStart(2, '0')}`),
    );
    // Due 40 days ago: not among the recent overdue ones.
    expect(overdue).toEqual([]);
  });
});

describe('access matrix', () => {
  // Every exported command and read × every kind of actor, each on a fresh class: the class's teacher,
  // another teacher, an admin, a member student, a student of another class, a signed-in non-member.
  // (Anonymous callers never reach a guard: the pipeline turns them away first, lib/action.server.ts.)
  type Actor = 'teacher' | 'otherTeacher' | 'admin' | 'member' | 'otherStudent' | 'nonMember';
  const ACTORS: Actor[] = ['teacher', 'otherTeacher', 'admin', 'member', 'otherStudent', 'nonMember'];
  type Fixture = { classId: string; code: string; assignmentId: string; member: string };
  const ids: Record<Actor, string> = {
    teacher: '',
    otherTeacher: '',
    admin: '',
    member: '',
    otherStudent: '',
    nonMember: '',
  };

  beforeAll(async () => {
    ids.teacher = teacher;
    ids.otherTeacher = otherTeacher;
    ids.admin = admin;
    ids.member = await user('Matrix member');
    ids.otherStudent = await user('Matrix other');
    ids.nonMember = await user('Matrix nobody');
    const other = ok(await performAs({ userId: otherTeacher }, createClass, { name: 'Other class' }));
    ok(await performAs({ userId: ids.otherStudent }, joinClass, { code: other.joinCode }));
    ok(
      await performAs({ userId: otherTeacher }, createAssignment, {
        classId: other.id,
        articleSlug: AFP,
        dueAt: DUE,
        quizEnabled: true,
      }),
    );
  });

  async function fixture(): Promise<Fixture> {
    const klass = ok(await performAs({ userId: teacher }, createClass, { name: 'Matrix' }));
    ok(await performAs({ userId: ids.member }, joinClass, { code: klass.joinCode }));
    const a = ok(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: DUE,
        focusTermIds: [await termId('Drohne')],
        quizEnabled: true,
      }),
    );
    ok(
      await at(NOW, () =>
        performAs({ userId: ids.member }, recordProgress, {
          assignmentId: a.id,
          // Done: the quiz opens after reading.
          events: [ev('open'), ev('lookup', { term: 'Drohne' }), ev('done')],
        }),
      ),
    );
    ok(await at(NOW, () => performAs({ userId: ids.member }, submitQuiz, { assignmentId: a.id, answers: [] })));
    return { classId: klass.id, code: klass.joinCode, assignmentId: a.id, member: ids.member };
  }

  const granted = (result: unknown): boolean =>
    result !== null &&
    !(typeof result === 'object' && 'ok' in (result as object) && (result as { ok: boolean }).ok === false);
  const has = (list: { id: string }[], id: string) => list.some((x) => x.id === id);

  // [name, who may, run → granted?]
  const rows: [string, Actor[], (actor: string, f: Fixture) => Promise<boolean>][] = [
    [
      'createClass',
      ['teacher', 'otherTeacher', 'admin'],
      async (u) => granted(await performAs({ userId: u }, createClass, { name: 'New' })),
    ],
    [
      'updateClass',
      ['teacher'],
      async (u, f) => granted(await performAs({ userId: u }, updateClass, { classId: f.classId, name: 'Renamed' })),
    ],
    [
      'archiveClass',
      ['teacher'],
      async (u, f) => granted(await performAs({ userId: u }, archiveClass, { classId: f.classId })),
    ],
    [
      'unarchiveClass',
      ['teacher'],
      async (u, f) => granted(await performAs({ userId: u }, unarchiveClass, { classId: f.classId })),
    ],
    [
      'regenerateJoinCode',
      ['teacher'],
      async (u, f) => granted(await performAs({ userId: u }, regenerateJoinCode, { classId: f.classId })),
    ],
    ['listTeacherClasses', ['teacher'], async (u, f) => has(await listTeacherClasses(u), f.classId)],
    ['getClassDetail', ['teacher', 'admin'], async (u, f) => granted(await getClassDetail(u, f.classId))],
    ['listStudentClasses', ['member'], async (u, f) => has(await listStudentClasses(u), f.classId)],
    [
      'joinClass',
      ['otherTeacher', 'admin', 'member', 'otherStudent', 'nonMember'],
      async (u, f) => granted(await performAs({ userId: u }, joinClass, { code: f.code })),
    ],
    [
      'leaveClass',
      ['member'],
      async (u, f) => granted(await performAs({ userId: u }, leaveClass, { classId: f.classId })),
    ],
    [
      'removeStudent',
      ['teacher'],
      async (u, f) =>
        granted(await performAs({ userId: u }, removeStudent, { classId: f.classId, studentId: f.member })),
    ],
    [
      'createAssignment',
      ['teacher'],
      async (u, f) =>
        granted(
          await performAs({ userId: u }, createAssignment, {
            classId: f.classId,
            articleSlug: AFP,
            dueAt: DUE,
            quizEnabled: false,
          }),
        ),
    ],
    [
      'updateAssignment',
      ['teacher'],
      async (u, f) =>
        granted(await performAs({ userId: u }, updateAssignment, { assignmentId: f.assignmentId, instructions: 'x' })),
    ],
    [
      'deleteAssignment',
      ['teacher'],
      async (u, f) => granted(await performAs({ userId: u }, deleteAssignment, { assignmentId: f.assignmentId })),
    ],
    ['listMyAssignments', ['member'], async (u, f) => has(await listMyAssignments(u, NOW), f.assignmentId)],
    [
      'getAssignmentForStudent',
      ['member'],
      async (u, f) => granted(await getAssignmentForStudent(u, f.assignmentId, NOW)),
    ],
    [
      'recordProgress',
      ['member'],
      async (u, f) =>
        granted(
          await at(NOW, () =>
            performAs({ userId: u }, recordProgress, {
              assignmentId: f.assignmentId,
              events: [ev('open'), ev('done')],
            }),
          ),
        ),
    ],
    ['getQuiz', ['member'], async (u, f) => granted(await getQuiz(u, f.assignmentId))],
    [
      'submitQuiz',
      ['member'],
      async (u, f) =>
        granted(
          await at(NOW, () => performAs({ userId: u }, submitQuiz, { assignmentId: f.assignmentId, answers: [] })),
        ),
    ],
    ['getClassGrid', ['teacher', 'admin'], async (u, f) => granted(await getClassGrid(u, f.classId, NOW))],
    [
      'getAssignmentInsights',
      ['teacher', 'admin'],
      async (u, f) => granted(await getAssignmentInsights(u, f.assignmentId)),
    ],
    ['gridCsv', ['teacher', 'admin'], async (u, f) => granted(await gridCsv(u, f.classId, 'en', 'UTC', NOW))],
  ];
  // Reads change nothing; only these may write when granted.
  const WRITES = new Set([
    'createClass',
    'updateClass',
    'archiveClass',
    'unarchiveClass',
    'regenerateJoinCode',
    'joinClass',
    'leaveClass',
    'removeStudent',
    'createAssignment',
    'updateAssignment',
    'deleteAssignment',
    'recordProgress',
    'submitQuiz',
  ]);

  test.each(rows)('%s', async (name, allowed, run) => {
    for (const actor of ACTORS) {
      const f = await fixture();
      const before = await everything();
      const result = await run(ids[actor], f);
      expect(result, `${name} as ${actor}`).toBe(allowed.includes(actor));
      if (!result || !WRITES.has(name)) expect(await everything(), `${name} as ${actor} wrote`).toEqual(before);
    }
  });

  test('ids that exist elsewhere or nowhere, and malformed input, are answered like missing ones', async () => {
    const f = await fixture();
    const before = await everything();
    for (const bogus of ['', 'x'.repeat(65), 'no-such-id', 42, null] as never[]) {
      expect(granted(await getClassDetail(teacher, bogus))).toBe(false);
      expect(granted(await getAssignmentForStudent(ids.member, bogus, NOW))).toBe(false);
      expect(granted(await getQuiz(ids.member, bogus))).toBe(false);
      expect(granted(await getClassGrid(teacher, bogus, NOW))).toBe(false);
      expect(granted(await getAssignmentInsights(teacher, bogus))).toBe(false);
      expect(
        granted(
          await at(NOW, () =>
            performAs({ userId: ids.member }, recordProgress, { assignmentId: bogus, events: [ev('open')] }),
          ),
        ),
      ).toBe(false);
      expect(granted(await performAs({ userId: teacher }, deleteAssignment, { assignmentId: bogus }))).toBe(false);
      expect(granted(await performAs({ userId: teacher }, updateClass, { classId: bogus, name: 'x' }))).toBe(false);
    }
    // A class id where an assignment id belongs (and the reverse) is just as unknown.
    expect(await getClassGrid(teacher, f.assignmentId, NOW)).toBeNull();
    expect(await getAssignmentForStudent(ids.member, f.classId, NOW)).toBeNull();
    expect(await everything()).toEqual(before);
  });
});

describe('share read', () => {
  test("the class's reading of each assignment, for its teacher: every student counts, one who left does not", async () => {
    const klass = ok(await performAs({ userId: teacher }, createClass, { name: 'Share read' }));
    const [ida, ole, pia] = [await user('Ida'), await user('Ole'), await user('Pia')];
    for (const student of [ida, ole, pia])
      ok(await performAs({ userId: student }, joinClass, { code: klass.joinCode }));
    const a = ok(
      await performAs({ userId: teacher }, createAssignment, {
        classId: klass.id,
        articleSlug: AFP,
        dueAt: '2030-01-01',
        quizEnabled: false,
      }),
    );
    const paragraphs = await db.paragraph.count({ where: { article: { slug: AFP } } });
    // Ida reads all of it and marks it done; Ole reads two paragraphs; Pia never opens it.
    ok(
      await at(NOW, () =>
        performAs({ userId: ida }, recordProgress, {
          assignmentId: a.id,
          events: [ev('open'), ...[...Array(paragraphs).keys()].map((p) => ev('seen', { paragraph: p })), ev('done')],
        }),
      ),
    );
    ok(
      await at(NOW, () =>
        performAs({ userId: ole }, recordProgress, {
          assignmentId: a.id,
          events: [
            ev('open'),
            ev('seen', { paragraph: 0 }),
            ev('seen', { paragraph: 5 }),
            ev('seen', { paragraph: 5 }),
          ],
        }),
      ),
    );
    expect((await getAssignmentForStudent(ole, a.id, NOW))?.progress?.share).toBeCloseTo(2 / paragraphs);

    const reading = (await getAssignmentReading(teacher, klass.id))!;
    expect(reading[a.id]!).toMatchObject({ students: 3, opened: 2, done: 1 });
    expect(reading[a.id]!.averageShare).toBeCloseTo((1 + 2 / paragraphs) / 3);

    // A student who leaves takes their reading out of the figures.
    ok(await performAs({ userId: ida }, leaveClass, { classId: klass.id }));
    expect((await getAssignmentReading(teacher, klass.id))![a.id]).toMatchObject({ students: 2, opened: 1, done: 0 });
    expect((await getAssignmentReading(teacher, klass.id))![a.id]!.averageShare).toBeCloseTo(2 / paragraphs / 2);

    // Nobody else sees it: another teacher, a student of the class.
    expect(await getAssignmentReading(await user('Other', 'teacher'), klass.id)).toBeNull();
    expect(await getAssignmentReading(ole, klass.id)).toBeNull();
  });
});
