import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { performAs } from '@/lib/action.server';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { importArticle } from '@/lib/articles/import.server';
import { getArticle } from '@/lib/articles/queries.server';
import type { ArticleContent } from '@/lib/articles/schema';
import { db } from '@/lib/db.server';
import type { Result } from '@/lib/result';
import { updateGroup, updateNote } from '@/lib/teach/editor.server';
import { createDraft } from '@/lib/teach/import.server';
import { updateVisibility } from '@/lib/teach/publish.server';
import { getDraft, listOwnArticles } from '@/lib/teach/queries.server';
import type { DraftArticle } from '@/lib/teach/types';

// Editors' notes on sentence groups and editors' edits of seeded articles, with how a re-seed treats
// them (docs/decisions/042-editors-notes-and-seeded-articles.md). Runs against SQLite and PostgreSQL.
const SLUG = 'china-hilft-russland-aufruestung';
const users = { teacher: '', editor: '', admin: '', learner: '' };
const files = await readArticleFiles();
const content = files.map(({ data }) => data as ArticleContent).find((c) => c.slug === SLUG)!;

const ok = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
};
const groups = (draft: DraftArticle) => draft.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.groups));
const readerNotes = async () =>
  (await getArticle(SLUG))!.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences)).filter((s) => s.note);

beforeAll(async () => {
  await db.user.deleteMany({ where: { email: { endsWith: '@editor-notes.test' } } });
  for (const [key, role, glossaryEditor] of [
    ['teacher', 'teacher', false],
    ['editor', 'teacher', true],
    ['admin', 'admin', false],
    ['learner', 'learner', true],
  ] as const) {
    users[key] = (
      await db.user.create({
        data: { name: key, email: `${key}@editor-notes.test`, role, glossaryEditor },
        select: { id: true },
      })
    ).id;
  }
  await db.article.deleteMany({ where: { slug: SLUG } });
  expect(await importArticle(db, content)).toBe('created');
});
afterAll(async () => {
  await db.article.deleteMany({ where: { slug: SLUG } });
  await db.article.deleteMany({ where: { owner: { email: { endsWith: '@editor-notes.test' } } } });
  await db.user.deleteMany({ where: { email: { endsWith: '@editor-notes.test' } } });
  await db.$disconnect();
});

describe('seeded notes', () => {
  test('the content file’s notes are stored and reach the reader as plain text', async () => {
    const notes = await readerNotes();
    const inFile = content.sections.flatMap((s) => s.paragraphs.flat()).filter((group) => group.note);
    expect(inFile.length).toBeGreaterThan(0);
    expect(notes.map((s) => s.note)).toEqual(inFile.map((group) => group.note));
    expect(notes.map((s) => s.note).join('\n')).toContain('stopped short of');
    // A group without a note carries no note field at all (the page holds the article once).
    const plain = (await getArticle(SLUG))!.sections[0]!.paragraphs[0]!.sentences[0]!;
    expect(Object.hasOwn(plain, 'note')).toBe(false);
  });
});

describe('who edits a seeded article', () => {
  test('editors and admins; a teacher who is no editor and a learner find nothing', async () => {
    expect(await getDraft(users.teacher, SLUG)).toBeNull();
    expect(await getDraft(users.learner, SLUG)).toBeNull();
    expect((await listOwnArticles(users.teacher)).map((a) => a.slug)).not.toContain(SLUG);
    const draft = (await getDraft(users.editor, SLUG))!;
    expect(draft.sourceFormat).toBe('seed');
    expect((await listOwnArticles(users.editor)).map((a) => a.slug)).toContain(SLUG);
    expect(await getDraft(users.admin, SLUG)).not.toBeNull();
    const group = groups(draft)[0]!;
    for (const userId of [users.teacher, users.learner]) {
      const refused = await performAs({ userId }, updateNote, {
        slug: SLUG,
        version: draft.version,
        groupId: group.id,
        note: 'Hijacked.',
      });
      expect(refused).toMatchObject({ ok: false, error: 'teach:errors.notFound' });
    }
    expect(await db.article.findUniqueOrThrow({ where: { slug: SLUG }, select: { editedInApp: true } })).toEqual({
      editedInApp: false,
    });
  });

  test('a seeded article cannot be made classes-only: it has no owner', async () => {
    expect(await performAs({ userId: users.admin }, updateVisibility, { slug: SLUG, visibility: 'classes' })).toEqual({
      ok: false,
      error: 'teach:errors.seededVisibility',
    });
  });
});

describe("an editor's note", () => {
  test('is set, changed and cleared; validated; it keeps the annotation and marks the seeded article edited', async () => {
    await db.article.update({ where: { slug: SLUG }, data: { engineVersion: 'annotated' } });
    let draft = (await getDraft(users.editor, SLUG))!;
    const group = groups(draft)[1]!;
    const basis = { slug: SLUG, groupId: group.id };

    draft = ok(
      await performAs({ userId: users.editor }, updateNote, {
        ...basis,
        version: draft.version,
        note: '  <b>Note</b>  ',
      }),
    );
    expect(groups(draft)[1]!.note).toBe('<b>Note</b>');
    expect((await readerNotes()).map((s) => s.note)).toContain('<b>Note</b>');

    draft = ok(
      await performAs({ userId: users.editor }, updateNote, { ...basis, version: draft.version, note: 'Changed.' }),
    );
    expect(groups(draft)[1]!.note).toBe('Changed.');

    const tooLong = await performAs({ userId: users.editor }, updateNote, {
      ...basis,
      version: draft.version,
      note: 'x'.repeat(1_001),
    });
    expect(tooLong).toMatchObject({ ok: false, fieldErrors: { note: 'teach:errors.noteTooLong' } });

    draft = ok(await performAs({ userId: users.editor }, updateNote, { ...basis, version: draft.version, note: '' }));
    expect(groups(draft)[1]!.note).toBe('');
    const stored = await db.sentence.findUniqueOrThrow({ where: { id: group.id }, select: { note: true } });
    expect(stored.note).toBeNull();

    const article = await db.article.findUniqueOrThrow({
      where: { slug: SLUG },
      select: { editedInApp: true, engineVersion: true },
    });
    expect(article).toEqual({ editedInApp: true, engineVersion: 'annotated' });
  });

  test('made on an older version of its group is refused as stale', async () => {
    const draft = (await getDraft(users.editor, SLUG))!;
    const group = groups(draft)[2]!;
    ok(
      await performAs({ userId: users.admin }, updateGroup, {
        slug: SLUG,
        version: draft.version,
        groupId: group.id,
        textEn: 'Newer.',
      }),
    );
    const stale = await performAs({ userId: users.editor }, updateNote, {
      slug: SLUG,
      version: draft.version,
      groupId: group.id,
      note: 'Typed on the old text.',
    });
    expect(stale).toMatchObject({ ok: false, error: 'teach:errors.staleEdit' });
  });

  test('on a teacher’s own draft, by its owner only', async () => {
    const { slug } = ok(
      await performAs({ userId: users.teacher }, createDraft, {
        format: 'txt',
        text: 'Ein Satz. Noch einer.',
        title: 'T',
      }),
    );
    const draft = (await getDraft(users.teacher, slug))!;
    const basis = { slug, version: draft.version, groupId: groups(draft)[0]!.id, note: 'Mine.' };
    expect(await performAs({ userId: users.editor }, updateNote, basis)).toMatchObject({ ok: false });
    expect(groups(ok(await performAs({ userId: users.teacher }, updateNote, basis)))[0]!.note).toBe('Mine.');
  });
});

describe('re-seeding an article editors changed', () => {
  test('keeps the app’s version and reports a changed content file as a conflict', async () => {
    const before = await db.sentence.findMany({
      where: { paragraph: { article: { slug: SLUG } } },
      select: { textEn: true, note: true },
      orderBy: [{ paragraph: { position: 'asc' } }, { position: 'asc' }],
    });
    expect(before.map((s) => s.textEn)).toContain('Newer.');
    // The same file again: nothing to apply and nothing to report.
    expect(await importArticle(db, content)).toBe('unchanged');
    const changed = structuredClone(content);
    changed.sections[0]!.paragraphs[0]![0]!.en = 'A changed file.';
    expect(await importArticle(db, changed)).toBe('conflict');
    const after = await db.sentence.findMany({
      where: { paragraph: { article: { slug: SLUG } } },
      select: { textEn: true, note: true },
      orderBy: [{ paragraph: { position: 'asc' } }, { position: 'asc' }],
    });
    expect(after).toEqual(before);
  });

  test('an article nobody changed in the app takes the file’s changes', async () => {
    await db.article.update({ where: { slug: SLUG }, data: { editedInApp: false } });
    const changed = structuredClone(content);
    changed.sections[0]!.paragraphs[0]![0]!.note = 'A note from the file.';
    expect(await importArticle(db, changed)).toBe('updated');
    expect((await readerNotes())[0]!.note).toBe('A note from the file.');
    expect(await importArticle(db, changed)).toBe('unchanged');
  });
});
