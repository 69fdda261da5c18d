import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type * as lexiconQueries from '@/lib/annotation/queries.server';
import { annotateArticles, reannotateForTerms } from '@/lib/annotation/service.server';
import { decodeTokens } from '@/lib/annotation/tokens';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { importArticle } from '@/lib/articles/import.server';
import { GET as articleWords } from '@/app/api/articles/[slug]/words/route';
import { db } from '@/lib/db.server';
import { ENGINE_VERSION } from '@/lib/text';

// Annotation is stored once; a glossary change re-annotates only the articles that can contain the term.
// The engine runs in a worker thread: here the test's own thread cannot load the lemma table at all
// (docs/decisions/035-reannotation-in-workers.md).
vi.mock('@/lib/annotation/queries.server', async (original) => ({
  ...(await original<typeof lexiconQueries>()),
  loadLexicon: () => {
    throw new Error('the lemma table was loaded outside a worker thread');
  },
}));
const AFP = 'china-hilft-russland-aufruestung';
const NEWSLETTER = 'chinas-kalkulation-waffenlieferungen';

const occurrences = (lemma: string) =>
  db.termOccurrence.findMany({
    where: { term: { lemma } },
    select: {
      surface: true,
      kind: true,
      start: true,
      end: true,
      article: { select: { slug: true } },
      sentence: { select: { textDe: true } },
      section: { select: { headingDe: true } },
    },
    orderBy: [{ article: { slug: 'asc' } }, { start: 'asc' }],
  });
const annotatedAt = async (slug: string) =>
  (await db.article.findUniqueOrThrow({ where: { slug }, select: { annotatedAt: true } })).annotatedAt;

beforeAll(async () => {
  await db.article.deleteMany(); // each test file starts from an empty content store
  await db.term.deleteMany();
  for (const { data } of await readArticleFiles()) await importArticle(db, data);
  await db.term.createMany({
    data: ['rote Linie', 'Werkzeugmaschine', 'Stellvertreterkrieg', 'den Rubikon überschreiten'].map((lemma) => ({
      lemma,
    })),
  });
  await annotateArticles(db, [AFP, NEWSLETTER]);
});
afterAll(async () => {
  await db.$disconnect();
});

describe('stored annotation', () => {
  test('finds terms in any inflected form and stores exact offsets', async () => {
    const machineTools = await occurrences('Werkzeugmaschine');
    expect(machineTools.map((o) => [o.article.slug, o.surface, o.kind])).toEqual([
      [AFP, 'Werkzeugmaschinen', 'word'],
      [AFP, 'Werkzeugmaschinen', 'word'],
    ]);
    for (const o of [
      ...machineTools,
      ...(await occurrences('rote Linie')),
      ...(await occurrences('den Rubikon überschreiten')),
    ]) {
      expect((o.sentence?.textDe ?? o.section?.headingDe)?.slice(o.start, o.end)).toBe(o.surface);
    }
    expect((await occurrences('Stellvertreterkrieg')).map((o) => o.surface)).toEqual(['Stellvertreterkrieg']);
    expect((await occurrences('den Rubikon überschreiten'))[0]!.surface).toMatch(/^Rubikon .* überschreiten$/);
  });

  test('every sentence stores its tokens with lemmas, and the article its engine version', async () => {
    const sentence = await db.sentence.findFirstOrThrow({
      where: { textDe: { contains: 'dem Export von Werkzeugmaschinen' } },
      select: { textDe: true, tokens: true },
    });
    const tokens = JSON.parse(sentence.tokens) as [number, number, string, string, string?][];
    const token = tokens.find(([start, end]) => sentence.textDe.slice(start, end) === 'Werkzeugmaschinen');
    expect(token?.[2]).toBe('Werkzeugmaschine');
    expect(token?.[3]).toBe('NOUN');
    expect(token?.[4]).toBe('f'); // a compound takes its head's gender: die Maschine
    const versions = await db.article.findMany({ select: { engineVersion: true } });
    expect(versions.every((v) => v.engineVersion === ENGINE_VERSION)).toBe(true);
  });

  test("the article's running words by lemma are its stored tokens, counted", async () => {
    const article = await db.article.findUniqueOrThrow({
      where: { slug: AFP },
      select: {
        id: true,
        words: { select: { lemma: true, count: true } },
        sections: { select: { tokens: true, paragraphs: { select: { sentences: { select: { tokens: true } } } } } },
      },
    });
    const counted = new Map<string, number>();
    const tokenLists = article.sections.flatMap((s) => [
      s.tokens,
      ...s.paragraphs.flatMap((p) => p.sentences.map((x) => x.tokens)),
    ]);
    for (const tokens of tokenLists)
      for (const [, , lemma] of decodeTokens(tokens)) counted.set(lemma, (counted.get(lemma) ?? 0) + 1);
    expect(new Map(article.words.map((w) => [w.lemma, w.count]))).toEqual(counted);
    expect(counted.get('Werkzeugmaschine')).toBe(2);
  });

  test('an article annotated before the running words were counted is annotated once more, then not', async () => {
    const { id } = await db.article.findUniqueOrThrow({ where: { slug: AFP }, select: { id: true } });
    const before = await db.articleWord.count({ where: { articleId: id } });
    await db.articleWord.deleteMany({ where: { articleId: id } });
    expect(await annotateArticles(db)).toEqual([AFP]);
    expect(await db.articleWord.count({ where: { articleId: id } })).toBe(before);
    expect(await annotateArticles(db)).toEqual([]);
  });
});

describe('glossary changes', () => {
  test('a new term re-annotates only the article that contains it', async () => {
    const newsletterBefore = await annotatedAt(NEWSLETTER);
    await db.term.create({ data: { lemma: 'Mikroelektronik' } });
    expect(await reannotateForTerms(db, ['Mikroelektronik'])).toEqual([AFP]);
    expect(await annotatedAt(NEWSLETTER)).toEqual(newsletterBefore);
    expect((await occurrences('Mikroelektronik')).map((o) => [o.surface, o.kind])).toEqual([
      ['Mikroelektronik', 'compound-part'],
    ]);
  });

  test('a term in the other article touches only that one', async () => {
    await db.term.create({ data: { lemma: 'Spionageballon' } });
    expect(await reannotateForTerms(db, ['Spionageballon'])).toEqual([NEWSLETTER]);
    expect((await occurrences('Spionageballon')).length).toBe(2);
  });

  test('a term that occurs nowhere re-annotates nothing', async () => {
    await db.term.create({ data: { lemma: 'Marschflugkörper' } });
    expect(await reannotateForTerms(db, ['Marschflugkörper'])).toEqual([]);
  });

  test('only the occurrence rows that changed are written', async () => {
    const ids = () =>
      db.termOccurrence.findMany({ where: { article: { slug: AFP } }, select: { id: true }, orderBy: { id: 'asc' } });
    const before = await ids();
    await db.term.create({ data: { lemma: 'Sowjetzeit' } });
    expect(await reannotateForTerms(db, ['Sowjetzeit'])).toEqual([AFP]);
    const after = (await ids()).map((o) => o.id);
    expect(after).toEqual(expect.arrayContaining(before.map((o) => o.id)));
    expect(after.length).toBe(before.length + (await occurrences('Sowjetzeit')).length);
    expect((await occurrences('Sowjetzeit')).length).toBeGreaterThan(0);
    // The same rows as annotating the article whole.
    const rows = () =>
      db.termOccurrence.findMany({
        where: { article: { slug: AFP } },
        select: { termId: true, sentenceId: true, sectionId: true, start: true, end: true, surface: true, kind: true },
        orderBy: [{ sentenceId: 'asc' }, { sectionId: 'asc' }, { start: 'asc' }, { termId: 'asc' }],
      });
    const rematched = await rows();
    await annotateArticles(db, [AFP]);
    expect(await rows()).toEqual(rematched);
  });

  test('an article annotated by another engine version is annotated whole', async () => {
    await db.article.update({ where: { slug: NEWSLETTER }, data: { engineVersion: 'de-0' } });
    await db.sentence.updateMany({ where: { paragraph: { article: { slug: NEWSLETTER } } }, data: { tokens: '[]' } });
    await db.term.create({ data: { lemma: 'Ballon' } });
    expect(await reannotateForTerms(db, ['Ballon'])).toEqual([NEWSLETTER]);
    const article = await db.article.findUniqueOrThrow({
      where: { slug: NEWSLETTER },
      select: { engineVersion: true },
    });
    expect(article.engineVersion).toBe(ENGINE_VERSION);
    expect(await db.sentence.count({ where: { paragraph: { article: { slug: NEWSLETTER } }, tokens: '[]' } })).toBe(0);
  });

  test('a renamed term moves its occurrences', async () => {
    await db.term.update({ where: { lemma: 'Stellvertreterkrieg' }, data: { lemma: 'Krieg' } });
    expect(await reannotateForTerms(db, ['Stellvertreterkrieg', 'Krieg'])).toEqual([AFP, NEWSLETTER].sort());
    expect(await occurrences('Stellvertreterkrieg')).toEqual([]);
    expect((await occurrences('Krieg')).length).toBeGreaterThan(3);
  });
});

describe('GET /api/articles/<slug>/words', () => {
  const call = (slug: string) =>
    articleWords(new Request(`http://test/api/articles/${slug}/words`), { params: Promise.resolve({ slug }) });

  test('every sentence and heading of the article, by anchor, with lemmas', async () => {
    const response = await call(NEWSLETTER);
    expect(response.status).toBe(200);
    const { words } = (await response.json()) as { words: Record<string, [number, number, string, string][]> };
    expect(Object.keys(words)).toContain('p1-s1');
    expect(Object.keys(words)).toContain('section-2');
    expect(words['p2-s1']!.find(([, , lemma]) => lemma === 'sagen')).toBeDefined();
  });

  test('bad and unknown slugs are refused', async () => {
    expect((await call('Not a slug')).status).toBe(400);
    expect((await call('no-such-article')).status).toBe(404);
  });
});
