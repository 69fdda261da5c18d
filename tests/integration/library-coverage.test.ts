import { afterAll, beforeAll, expect, test } from 'vitest';
import { annotateArticles } from '@/lib/annotation/service.server';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { importArticle } from '@/lib/articles/import.server';
import { getArticleWords } from '@/lib/articles/queries.server';
import { db } from '@/lib/db.server';
import type { ArticleCoverage } from '@/lib/vocabulary/coverage';
import { libraryCoverage } from '@/lib/vocabulary/library.server';
import { coverageForArticle } from '@/lib/vocabulary/queries.server';

// The library's per-article figures (lib/vocabulary/library.server.ts) against the reader's own sums.
// Runs once against SQLite and once against PostgreSQL (see tests/vitest.config.ts).
const AFP = 'china-hilft-russland-aufruestung';
const NEWSLETTER = 'chinas-kalkulation-waffenlieferungen';
const EMAILS = ['reader@library.test', 'other@library.test'];
let reader = '';
/** Coverage with its unknown lemmas as a set (the reader's query reads sentences in no set order). */
const same = (coverage: ArticleCoverage | null | undefined) =>
  coverage && { ...coverage, unknownLemmas: [...coverage.unknownLemmas].sort() };
let other = '';

beforeAll(async () => {
  await db.user.deleteMany({ where: { email: { in: EMAILS } } });
  await db.article.deleteMany();
  for (const { data } of await readArticleFiles()) await importArticle(db, data);
  await annotateArticles(db, [AFP, NEWSLETTER]);
  reader = (await db.user.create({ data: { name: 'Reader', email: EMAILS[0]! } })).id;
  other = (await db.user.create({ data: { name: 'Other', email: EMAILS[1]! } })).id;
});

afterAll(async () => {
  await db.user.deleteMany({ where: { email: { in: EMAILS } } });
});

test('each article’s known share and new words equal the reader’s figures, for a learner’s own words only', async () => {
  const lemmas = Object.values((await getArticleWords(AFP))!).flatMap((tokens) => tokens.map((t) => t[2]));
  const [first, second, third] = [...new Set(lemmas)];
  await db.vocabularyEntry.createMany({
    data: [
      { userId: reader, lemma: first!, status: 'known' },
      { userId: reader, lemma: second!, status: 'ignored' },
      { userId: reader, lemma: third!, status: 'learning-2' },
      { userId: other, lemma: 'Russland', status: 'known' },
    ],
  });
  const figures = await libraryCoverage(reader);
  expect([...figures.keys()].sort()).toEqual([AFP, NEWSLETTER]);
  for (const slug of [AFP, NEWSLETTER])
    expect(same(figures.get(slug)), slug).toEqual(same(await coverageForArticle(reader, slug)));
  const afp = figures.get(AFP)!;
  expect(afp.known).toBeGreaterThan(0);
  expect(afp.unknownLemmas).not.toContain(third);
  expect((await libraryCoverage(other)).get(AFP)!.unknownLemmas).toContain(first);
});

test('an article annotated again is counted afresh, not from the cache', async () => {
  const before = (await libraryCoverage(reader)).get(NEWSLETTER)!;
  // Stand-in for a new annotation: one sentence loses its words, and the article row moves on.
  const sentence = await db.sentence.findFirstOrThrow({
    where: { paragraph: { article: { slug: NEWSLETTER } }, NOT: { tokens: '[]' } },
  });
  await db.sentence.update({ where: { id: sentence.id }, data: { tokens: '[]' } });
  await db.article.update({ where: { slug: NEWSLETTER }, data: { annotatedAt: new Date() } });
  const after = (await libraryCoverage(reader)).get(NEWSLETTER)!;
  expect(after.total).toBeLessThan(before.total);
  expect(same(after)).toEqual(same(await coverageForArticle(reader, NEWSLETTER)));
});

test('only published articles are listed', async () => {
  await db.article.update({ where: { slug: AFP }, data: { status: 'draft' } });
  expect([...(await libraryCoverage(reader)).keys()]).toEqual([NEWSLETTER]);
  await db.article.update({ where: { slug: AFP }, data: { status: 'published' } });
});
