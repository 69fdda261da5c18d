import { afterAll, beforeAll, expect, test } from 'vitest';
import { annotateArticles } from '@/lib/annotation/service.server';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { importArticle } from '@/lib/articles/import.server';
import { db } from '@/lib/db.server';
import type { ArticleCoverage, CoverageFigures } from '@/lib/vocabulary/coverage';
import { libraryCoverage } from '@/lib/vocabulary/library.server';
import { coverageForArticle } from '@/lib/vocabulary/queries.server';
import { VOCABULARY_STATUSES } from '@/lib/vocabulary/status';

// The library's per-article figures, summed in SQL from ArticleWord (lib/vocabulary/library.server.ts),
// against the reader's own sums from the tokens (articleCoverage). Runs once against SQLite and once
// against PostgreSQL (see tests/vitest.config.ts).
const AFP = 'china-hilft-russland-aufruestung';
const NEWSLETTER = 'chinas-kalkulation-waffenlieferungen';
const EMAILS = ['reader@library.test', 'other@library.test'];
let reader = '';
let other = '';
/** The reader's figures as the library shows them. */
const figuresOf = (coverage: ArticleCoverage | null): CoverageFigures | null =>
  coverage && {
    total: coverage.total,
    known: coverage.known,
    percent: coverage.percent,
    unknownLemmaCount: coverage.unknownLemmas.length,
  };

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

test('each article’s figures equal the reader’s, for every status and a learner’s own words only', async () => {
  // Every status on some lemmas of both articles (shared lemmas too), another learner's words beside.
  const words = await db.articleWord.findMany({
    select: { lemma: true },
    distinct: ['lemma'],
    orderBy: { lemma: 'asc' },
  });
  const lemmas = words.map((w) => w.lemma).filter((_, i) => i % 3 === 0);
  await db.vocabularyEntry.createMany({
    data: [
      ...lemmas.map((lemma, i) => ({
        userId: reader,
        lemma,
        status: VOCABULARY_STATUSES[i % VOCABULARY_STATUSES.length]!,
      })),
      { userId: reader, lemma: 'kein-wort-der-artikel', status: 'known' },
      ...words.slice(0, 50).map((w) => ({ userId: other, lemma: w.lemma, status: 'known' })),
    ],
  });
  const figures = await libraryCoverage(reader, [AFP, NEWSLETTER]);
  expect([...figures.keys()].sort()).toEqual([AFP, NEWSLETTER]);
  for (const slug of [AFP, NEWSLETTER]) {
    const expected = figuresOf(await coverageForArticle(reader, slug));
    expect(figures.get(slug), slug).toEqual(expected);
    expect(expected!.known, slug).toBeGreaterThan(0);
    expect(expected!.known, slug).toBeLessThan(expected!.total);
    expect(expected!.unknownLemmaCount, slug).toBeGreaterThan(0);
  }
  // The other learner's figures count only their own words.
  const others = await libraryCoverage(other, [AFP]);
  expect(others.get(AFP)).toEqual(figuresOf(await coverageForArticle(other, AFP)));
  expect(others.get(AFP)).not.toEqual(figures.get(AFP));
});

test('only the asked, published articles answer; one without running words is all known', async () => {
  expect([...(await libraryCoverage(reader, [NEWSLETTER])).keys()]).toEqual([NEWSLETTER]);
  expect((await libraryCoverage(reader, [])).size).toBe(0);
  await db.article.update({ where: { slug: AFP }, data: { status: 'draft' } });
  expect([...(await libraryCoverage(reader, [AFP, NEWSLETTER])).keys()]).toEqual([NEWSLETTER]);
  await db.article.update({ where: { slug: AFP }, data: { status: 'published' } });
  // Not annotated (yet): no running words, as the reader counts it (no tokens).
  await db.articleWord.deleteMany({ where: { article: { slug: AFP } } });
  expect((await libraryCoverage(reader, [AFP])).get(AFP)).toEqual({
    total: 0,
    known: 0,
    percent: 100,
    unknownLemmaCount: 0,
  });
  await annotateArticles(db, [AFP]);
  expect((await libraryCoverage(reader, [AFP])).get(AFP)).toEqual(figuresOf(await coverageForArticle(reader, AFP)));
});
