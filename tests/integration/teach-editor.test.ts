import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { performAs } from '@/lib/action.server';
import {
  getArticle,
  getArticleWords,
  getReadableArticle,
  isClassesOnly,
  listLibrary,
  readableBy,
} from '@/lib/articles/queries.server';
import { db } from '@/lib/db.server';
import { termCardsForArticle } from '@/lib/glossary/queries.server';
import type { Result } from '@/lib/result';
import { deleteGroup, joinGroups, splitGroup, updateSource } from '@/lib/teach/editor.server';
import { createDraft } from '@/lib/teach/import.server';
import { publish, updateVisibility } from '@/lib/teach/publish.server';
import { getDraft, listOwnArticles } from '@/lib/teach/queries.server';
import type { DraftArticle } from '@/lib/teach/types';
import { statusesForArticle } from '@/lib/vocabulary/queries.server';
import { saveWord } from '@/lib/vocabulary/service.server';

// The editor's deletions, undo of a join, the source fields, and who reads an article for the
// teacher's classes only (docs/decisions/028-article-visibility.md). Runs against SQLite and PostgreSQL.
const users = { teacher: '', otherTeacher: '', admin: '', member: '', outsider: '', otherMember: '' };

const ok = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
  return result.data;
};
const groups = (draft: DraftArticle) => draft.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.groups));
const texts = (draft: DraftArticle) =>
  draft.sections.map((s) => s.paragraphs.map((p) => p.groups.map((g) => g.textDe)));

async function draftOf(text: string, format: 'txt' | 'md' = 'txt'): Promise<DraftArticle> {
  const { slug } = ok(await performAs({ userId: users.teacher }, createDraft, { format, text, title: 'Testartikel' }));
  return (await getDraft(users.teacher, slug))!;
}

beforeAll(async () => {
  await db.user.deleteMany({ where: { email: { endsWith: '@teach-editor.test' } } });
  for (const [key, role] of [
    ['teacher', 'teacher'],
    ['otherTeacher', 'teacher'],
    ['admin', 'admin'],
    ['member', 'learner'],
    ['outsider', 'learner'],
    ['otherMember', 'learner'],
  ] as const) {
    users[key] = (
      await db.user.create({ data: { name: key, email: `${key}@teach-editor.test`, role }, select: { id: true } })
    ).id;
  }
  const own = await db.classroom.create({
    data: { name: 'Own', teacherId: users.teacher, joinCode: 'EDTOWN1' },
    select: { id: true },
  });
  const other = await db.classroom.create({
    data: { name: 'Other', teacherId: users.otherTeacher, joinCode: 'EDTOTH1' },
    select: { id: true },
  });
  await db.classMembership.createMany({
    data: [
      { classId: own.id, userId: users.member },
      { classId: other.id, userId: users.otherMember },
    ],
  });
});
afterAll(async () => {
  await db.article.deleteMany({ where: { owner: { email: { endsWith: '@teach-editor.test' } } } });
  await db.user.deleteMany({ where: { email: { endsWith: '@teach-editor.test' } } });
  await db.$disconnect();
});

describe('deleting a sentence group', () => {
  test('the group goes, an emptied paragraph and section go with it, positions stay dense', async () => {
    let draft = await draftOf('# Kopf\n\nEins. Zwei.\n\nDrei.\n\n## Teil\n\nVier.', 'md');
    expect(texts(draft)).toEqual([[['Eins.', 'Zwei.'], ['Drei.']], [['Vier.']]]);
    const byText = (text: string) => groups(draft).find((g) => g.textDe === text)!.id;

    draft = ok(
      await performAs({ userId: users.teacher }, deleteGroup, {
        slug: draft.slug,
        version: draft.version,
        groupId: byText('Eins.'),
      }),
    );
    expect(texts(draft)).toEqual([[['Zwei.'], ['Drei.']], [['Vier.']]]);
    draft = ok(
      await performAs({ userId: users.teacher }, deleteGroup, {
        slug: draft.slug,
        version: draft.version,
        groupId: byText('Drei.'),
      }),
    );
    expect(texts(draft)).toEqual([[['Zwei.']], [['Vier.']]]);
    expect(groups(draft).map((g) => g.anchor)).toEqual(['p1-s1', 'p2-s1']);
    draft = ok(
      await performAs({ userId: users.teacher }, deleteGroup, {
        slug: draft.slug,
        version: draft.version,
        groupId: byText('Vier.'),
      }),
    );
    expect(draft.sections.map((s) => s.position)).toEqual([0]);
    expect(texts(draft)).toEqual([[['Zwei.']]]);

    // The last group stays; someone else's article is a missing one; a stale version is refused.
    expect(
      await performAs({ userId: users.teacher }, deleteGroup, {
        slug: draft.slug,
        version: draft.version,
        groupId: byText('Zwei.'),
      }),
    ).toMatchObject({ ok: false, error: 'teach:errors.lastGroup' });
    expect(
      await performAs({ userId: users.otherTeacher }, deleteGroup, {
        slug: draft.slug,
        version: draft.version,
        groupId: byText('Zwei.'),
      }),
    ).toMatchObject({ ok: false, error: 'teach:errors.notFound' });
    expect(
      await performAs({ userId: users.teacher }, deleteGroup, {
        slug: draft.slug,
        version: draft.version - 1,
        groupId: byText('Zwei.'),
      }),
    ).toMatchObject({ ok: false, error: 'teach:errors.staleEdit' });
  });
});

describe('undoing a join', () => {
  test('a split at the joined groups’ seam with their own English gives both groups back', async () => {
    let draft = await draftOf('Der erste Satz. Der zweite Satz. Der dritte.');
    const [first, second] = groups(draft);
    await db.sentence.update({ where: { id: first!.id }, data: { textEn: 'The first. One more.' } });
    await db.sentence.update({ where: { id: second!.id }, data: { textEn: 'The second.' } });
    draft = ok(
      await performAs({ userId: users.teacher }, joinGroups, {
        slug: draft.slug,
        version: draft.version,
        groupId: first!.id,
      }),
    );
    expect(groups(draft)[0]).toMatchObject({ textDe: 'Der erste Satz. Der zweite Satz.' });
    draft = ok(
      await performAs({ userId: users.teacher }, splitGroup, {
        slug: draft.slug,
        version: draft.version,
        groupId: first!.id,
        at: 'Der erste Satz.'.length + 1,
        textEn: ['The first. One more.', 'The second.'],
      }),
    );
    expect(groups(draft).map((g) => [g.textDe, g.textEn])).toEqual([
      ['Der erste Satz.', 'The first. One more.'],
      ['Der zweite Satz.', 'The second.'],
      ['Der dritte.', ''],
    ]);
  });
});

describe('the source of an article', () => {
  test('outlet, authors, address and original date are saved; only http(s) addresses', async () => {
    const draft = await draftOf('Ein Satz.');
    const basis = { slug: draft.slug, version: draft.version };
    const source = { outlet: 'Die Zeitung', authors: 'Anna Beispiel,  Bert Muster ', publishedAt: '2024-04-12' };
    for (const sourceUrl of ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.org/a', 'nur Text']) {
      expect(await performAs({ userId: users.teacher }, updateSource, { ...basis, ...source, sourceUrl })).toEqual({
        ok: false,
        error: 'teach:errors.invalid',
        fieldErrors: { sourceUrl: 'teach:errors.sourceUrl' },
      });
    }
    expect(
      await performAs({ userId: users.teacher }, updateSource, {
        ...basis,
        ...source,
        sourceUrl: '',
        publishedAt: '2999-01-01',
      }),
    ).toMatchObject({ ok: false, fieldErrors: { publishedAt: 'teach:errors.publishedAt' } });

    const saved = ok(
      await performAs({ userId: users.teacher }, updateSource, {
        ...basis,
        ...source,
        sourceUrl: ' https://example.org/artikel?id=1 ',
      }),
    );
    expect(saved.source).toEqual({
      outlet: 'Die Zeitung',
      authors: 'Anna Beispiel, Bert Muster',
      sourceUrl: 'https://example.org/artikel?id=1',
      publishedAt: '2024-04-12',
    });
    const cleared = ok(
      await performAs({ userId: users.teacher }, updateSource, {
        slug: draft.slug,
        version: saved.version,
        outlet: '',
        authors: '',
        sourceUrl: '',
        publishedAt: '2024-04-12',
      }),
    );
    expect(cleared.source).toMatchObject({ outlet: '', authors: '', sourceUrl: '' });
    expect(await db.articleAuthor.count({ where: { article: { slug: draft.slug } } })).toBe(0);
  });
});

describe('an article for the teacher’s classes only', () => {
  test('is read by the teacher, their class members and admins only, and is in no public list', async () => {
    const draft = await draftOf('Die Werkzeugmaschine steht still. Ein zweiter Satz.');
    await db.sentence.updateMany({
      where: { paragraph: { article: { slug: draft.slug } } },
      data: { textEn: 'Translated.' },
    });
    const { slug } = draft;
    ok(await performAs({ userId: users.teacher }, updateVisibility, { slug, visibility: 'classes' }));
    ok(await performAs({ userId: users.teacher }, publish(), { slug }));
    // The server decides: another teacher cannot change it.
    expect(
      await performAs({ userId: users.otherTeacher }, updateVisibility, { slug, visibility: 'public' }),
    ).toMatchObject({ ok: false, error: 'teach:errors.notFound' });

    expect((await listOwnArticles(users.teacher)).find((a) => a.slug === slug)).toMatchObject({
      status: 'published',
      visibility: 'classes',
    });
    const listed = async (userId: string | null) => (await listLibrary(userId)).articles.some((a) => a.slug === slug);
    expect(await listed(null)).toBe(false);
    expect(await listed(users.outsider)).toBe(false);
    expect(await listed(users.otherMember)).toBe(false);
    expect(await listed(users.otherTeacher)).toBe(false);
    expect(await listed(users.member)).toBe(true);
    expect(await listed(users.teacher)).toBe(true);
    expect(await listed(users.admin)).toBe(true);

    // The shared (cached) page and words have nothing of it; its own page only for those let in.
    expect(await getArticle(slug)).toBeNull();
    expect(await getArticleWords(slug)).toBeNull();
    expect(await isClassesOnly(slug)).toBe(true);
    for (const reader of [users.member, users.teacher, users.admin]) {
      expect((await getReadableArticle(slug, await readableBy(reader)))?.titleDe).toBe('Testartikel');
      expect(await getArticleWords(slug, await readableBy(reader))).not.toBeNull();
    }
    for (const stranger of [users.outsider, users.otherMember, users.otherTeacher]) {
      expect(await getReadableArticle(slug, await readableBy(stranger))).toBeNull();
      expect(await getArticleWords(slug, await readableBy(stranger))).toBeNull();
    }
    expect(await getReadableArticle(slug, await readableBy('no-such-user'))).toBeNull();
    expect(await termCardsForArticle(slug, 'en')).toEqual([]);

    // A class member saves words from it; a stranger cannot, nor learn which of their words it holds.
    const anchor = groups(draft)[0]!.anchor;
    const lemma = (await getArticleWords(slug, await readableBy(users.member)))![anchor]!.find(
      (token) => token[2] === 'Werkzeugmaschine',
    )![2];
    const word = { articleSlug: slug, anchor, lemma, surface: 'Werkzeugmaschine', status: 'learning-1' } as const;
    ok(await performAs({ userId: users.member }, saveWord, word));
    expect(await statusesForArticle(users.member, slug)).toEqual({ Werkzeugmaschine: 'learning-1' });
    expect(await performAs({ userId: users.outsider }, saveWord, word)).toMatchObject({
      ok: false,
      error: 'vocabulary:errors.articleNotFound',
    });
    await db.vocabularyEntry.create({ data: { userId: users.outsider, lemma: 'Werkzeugmaschine', status: 'known' } });
    expect(await statusesForArticle(users.outsider, slug)).toEqual({});

    // For everyone again: listed for all, the shared page has it.
    ok(await performAs({ userId: users.teacher }, updateVisibility, { slug, visibility: 'public' }));
    expect(await listed(null)).toBe(true);
    expect(await getArticle(slug)).not.toBeNull();
    expect(await isClassesOnly(slug)).toBe(false);
  });
});
