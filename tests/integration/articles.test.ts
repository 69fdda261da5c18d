import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { importArticle } from '@/lib/articles/import.server';
import { getArticle, LIBRARY_PAGE_SIZE, listLibrary } from '@/lib/articles/queries.server';
import type { ArticleContent } from '@/lib/articles/schema';
import { db } from '@/lib/db.server';

// Runs once against SQLite and once against PostgreSQL (see tests/vitest.config.ts).
const files = await readArticleFiles();
const contents = files.map(({ data }) => data as ArticleContent);
const counts = async () => ({
  articles: await db.article.count(),
  sections: await db.section.count(),
  paragraphs: await db.paragraph.count(),
  sentences: await db.sentence.count(),
  authors: await db.articleAuthor.count(),
});

beforeAll(async () => {
  await db.article.deleteMany(); // each test file starts from an empty content store
  for (const content of contents) expect(await importArticle(db, content)).toBe('created');
});
afterAll(async () => {
  await db.$disconnect();
});

describe('article import', () => {
  test('stores every sentence group of the content files', async () => {
    const expected = contents.reduce((sum, c) => sum + c.sections.flatMap((s) => s.paragraphs.flat()).length, 0);
    expect((await counts()).sentences).toBe(expected);
  });

  test('re-importing unchanged content is a no-op', async () => {
    const before = await counts();
    for (const content of contents) expect(await importArticle(db, content)).toBe('unchanged');
    expect(await counts()).toEqual(before);
  });

  test('changed content replaces the article body without duplicates', async () => {
    const before = await counts();
    const original = contents[0]!;
    const edited = structuredClone(original);
    edited.sections[0]!.paragraphs[0]![0]!.en = 'An edited translation.';
    expect(await importArticle(db, edited)).toBe('updated');
    expect(await counts()).toEqual(before);
    const article = await getArticle(original.slug);
    expect(article!.sections[0]!.paragraphs[0]!.sentences[0]!.textEn).toBe('An edited translation.');
    expect(await importArticle(db, original)).toBe('updated');
  });

  test('invalid content is refused and changes nothing', async () => {
    const before = await counts();
    const broken = structuredClone(contents[0]!) as unknown as { sections: { paragraphs: { en: string }[][] }[] };
    broken.sections[0]!.paragraphs[0]![0]!.en = '   ';
    await expect(importArticle(db, broken)).rejects.toThrow();
    await expect(importArticle(db, { ...contents[0], slug: 'Not A Slug' })).rejects.toThrow(/slug/);
    expect(await counts()).toEqual(before);
  });
});

describe('article queries', () => {
  test('the library lists every article, newest first, with its facts', async () => {
    const library = await listLibrary(null);
    expect(library).toMatchObject({ total: 2, page: 1, pageCount: 1 });
    expect(library.articles.map((a) => a.slug)).toEqual([
      'china-hilft-russland-aufruestung',
      'chinas-kalkulation-waffenlieferungen',
    ]);
    const newsletter = library.articles[1]!;
    expect(newsletter).toMatchObject({
      outlet: 'POLITICO – NatSec Daily',
      authors: ['Matt Berg', 'Lawrence Ukenye'],
      publishedAt: '2023-02-23',
    });
    expect(newsletter.wordCount).toBeGreaterThan(1500);
    expect(newsletter.readingMinutes).toBeGreaterThan(5);
    expect(library.outlets).toEqual([...new Set(contents.map((c) => c.outlet))].sort());
  });

  test('an article comes back in order with aligned sentences and stable anchors', async () => {
    const article = await getArticle('china-hilft-russland-aufruestung');
    expect(article).not.toBeNull();
    const source = contents.find((c) => c.slug === 'china-hilft-russland-aufruestung')!;
    expect(article!.sections.map((s) => s.headingDe)).toEqual(source.sections.map((s) => s.heading?.de ?? null));
    const stored = article!.sections.flatMap((s) =>
      s.paragraphs.flatMap((p) => p.sentences.map((x) => [x.segments.map((seg) => seg.text).join(''), x.textEn])),
    );
    const expected = source.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.map((g) => [g.de, g.en])));
    expect(stored).toEqual(expected);
    expect(article!.sections[0]!.paragraphs[0]!.sentences[0]!.anchor).toBe('p1-s1');
    const positions = article!.sections.flatMap((s) => s.paragraphs.map((p) => p.position));
    expect(positions).toEqual(positions.map((_, i) => i));
  });

  test('an unknown slug is null', async () => {
    expect(await getArticle('does-not-exist')).toBeNull();
  });
});

describe('the library at more than a page', () => {
  // 2 + 45 articles: three pages. Titles with capitals, umlauts and LIKE's wildcards; two outlets;
  // several on one day (the slug breaks the tie); one for its owner's classes only.
  const EMAILS = ['owner@paging.test', 'member@paging.test', 'stranger@paging.test'];
  const users: Record<'owner' | 'member' | 'stranger', string> = { owner: '', member: '', stranger: '' };
  const base = contents[0]!;
  const made = Array.from({ length: 45 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return {
      ...base,
      slug: `paging-${n}`,
      title: {
        de: i % 5 === 0 ? `ÜBER Straßen Nummer ${n}` : `Bericht Nummer ${n}`,
        en: i % 7 === 0 ? `100% Report_${n}` : `Report number ${n}`,
      },
      outlet: i % 3 === 0 ? 'Paging Post' : 'Paging Daily',
      publishedAt: `2024-01-${String(1 + Math.floor(i / 2)).padStart(2, '0')}`,
      sections: base.sections.slice(0, 1),
    };
  });
  const slugsOf = (page: { articles: { slug: string }[] }) => page.articles.map((a) => a.slug);

  beforeAll(async () => {
    await db.user.deleteMany({ where: { email: { in: EMAILS } } });
    for (const content of made) await importArticle(db, content);
    users.owner = (await db.user.create({ data: { name: 'Owner', email: EMAILS[0]!, role: 'teacher' } })).id;
    users.member = (await db.user.create({ data: { name: 'Member', email: EMAILS[1]! } })).id;
    users.stranger = (await db.user.create({ data: { name: 'Stranger', email: EMAILS[2]! } })).id;
    const classroom = await db.classroom.create({
      data: {
        name: 'Paging',
        teacherId: users.owner,
        joinCode: 'PAGING2',
        members: { create: { userId: users.member } },
      },
    });
    expect(classroom.id).toBeTruthy();
    await db.article.update({ where: { slug: 'paging-45' }, data: { visibility: 'classes', ownerId: users.owner } });
  });
  afterAll(async () => {
    await db.article.deleteMany({ where: { slug: { startsWith: 'paging-' } } });
    await db.user.deleteMany({ where: { email: { in: EMAILS } } });
  });

  test('pages of 20, newest first, ties by slug, the last page the rest', async () => {
    const everyone = made.filter((c) => c.slug !== 'paging-45');
    const expected = [...everyone, ...contents]
      .sort((a, b) =>
        a.publishedAt === b.publishedAt ? (a.slug < b.slug ? -1 : 1) : a.publishedAt < b.publishedAt ? 1 : -1,
      )
      .map((c) => c.slug);
    const pages = await Promise.all([1, 2, 3].map((page) => listLibrary(null, { page })));
    expect(pages.map((p) => [p.total, p.pageCount, p.articles.length])).toEqual([
      [46, 3, LIBRARY_PAGE_SIZE],
      [46, 3, LIBRARY_PAGE_SIZE],
      [46, 3, 6],
    ]);
    expect(pages.flatMap(slugsOf)).toEqual(expected);
    expect((await listLibrary(null, { page: 4 })).articles).toEqual([]);
    // As a page link gives it: a string.
    expect(slugsOf(await listLibrary(null, { page: '2' }))).toEqual(slugsOf(pages[1]!));
  });

  test('a search finds a German or English title, whatever the case, umlauts too, wildcards as text', async () => {
    const germanUpper = made.filter((c, i) => c.slug !== 'paging-45' && i % 5 === 0).map((c) => c.slug);
    const found = await listLibrary(null, { q: 'über straßen' });
    expect(found.total).toBe(germanUpper.length);
    expect(slugsOf(found).sort()).toEqual(germanUpper.sort());
    expect((await listLibrary(null, { q: 'REPORT NUMBER 02' })).articles.map((a) => a.titleEn)).toEqual([
      'Report number 02',
    ]);
    const percent = made.filter((c, i) => c.slug !== 'paging-45' && i % 7 === 0);
    expect((await listLibrary(null, { q: '100%' })).total).toBe(percent.length);
    expect((await listLibrary(null, { q: 'report_' })).total).toBe(percent.length);
    expect((await listLibrary(null, { q: '%' })).total).toBe(percent.length);
    expect((await listLibrary(null, { q: 'nummer_' })).total).toBe(0);
    expect(await listLibrary(null, { q: 'kein solcher titel' })).toMatchObject({
      total: 0,
      pageCount: 1,
      articles: [],
    });
    // Paged like the whole library: 44 "Nummer" titles of everyone's.
    const second = await listLibrary(null, { q: 'nummer', page: 3 });
    expect([second.total, second.pageCount, second.articles.length]).toEqual([44, 3, 4]);
  });

  test('an outlet filter, alone and with a search; the outlets offered are the readable ones', async () => {
    const post = made.filter((c) => c.outlet === 'Paging Post' && c.slug !== 'paging-45');
    const filtered = await listLibrary(null, { outlet: 'Paging Post' });
    expect(filtered.total).toBe(post.length);
    expect(filtered.articles.every((a) => a.outlet === 'Paging Post')).toBe(true);
    expect((await listLibrary(null, { outlet: 'Paging Post', q: 'über' })).total).toBe(
      post.filter((c) => c.title.de.startsWith('ÜBER')).length,
    );
    expect((await listLibrary(null, { outlet: 'No Such Outlet' })).total).toBe(0);
    expect(filtered.outlets).toEqual(expect.arrayContaining(['Paging Daily', 'Paging Post']));
  });

  test('a classes-only article is listed, searched and counted only for whom readableBy lets in', async () => {
    const listed = async (userId: string | null) => {
      const [all, searched, post] = await Promise.all([
        listLibrary(userId, { page: 1 }),
        listLibrary(userId, { q: 'nummer 45' }),
        listLibrary(userId, { outlet: 'Paging Daily', q: '45' }),
      ]);
      return [all.total, searched.total, post.total];
    };
    expect(await listed(null)).toEqual([46, 0, 0]);
    expect(await listed(users.stranger)).toEqual([46, 0, 0]);
    expect(await listed(users.member)).toEqual([47, 1, 1]);
    expect(await listed(users.owner)).toEqual([47, 1, 1]);
    // The newest of the made ones (2024-01-23): on the member's first page, not on a stranger's.
    expect(slugsOf(await listLibrary(users.member))).toContain('paging-45');
    expect(slugsOf(await listLibrary(users.stranger))).not.toContain('paging-45');
  });
});
