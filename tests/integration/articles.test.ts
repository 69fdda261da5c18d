import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { importArticle } from '@/lib/articles/import.server';
import { getArticle, listArticles } from '@/lib/articles/queries.server';
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
    const library = await listArticles();
    expect(library.map((a) => a.slug)).toEqual([
      'china-hilft-russland-aufruestung',
      'chinas-kalkulation-waffenlieferungen',
    ]);
    const newsletter = library[1]!;
    expect(newsletter).toMatchObject({
      outlet: 'POLITICO – NatSec Daily',
      authors: ['Matt Berg', 'Lawrence Ukenye', 'Phelim Kine'],
      publishedAt: '2023-02-23',
    });
    expect(newsletter.wordCount).toBeGreaterThan(1500);
    expect(newsletter.readingMinutes).toBeGreaterThan(5);
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
