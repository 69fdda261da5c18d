import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { annotateArticles } from '@/lib/annotation/service.server';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { importArticle } from '@/lib/articles/import.server';
import { db } from '@/lib/db.server';
import { importGlossary } from '@/lib/glossary/import.server';
import { getTerm, listTermLemmas, listTerms, termCards } from '@/lib/glossary/queries.server';
import { searchTerms } from '@/lib/glossary/queries.server';

// Glossary search over the seeded content: German in any form, parts of entries, English.
const GLOSSARY_FILE = path.resolve(import.meta.dirname, '../../prisma/content/glossary.json');
const AFP = 'china-hilft-russland-aufruestung';

const lemmas = async (query: string, filter?: Parameters<typeof searchTerms>[1]) =>
  (await searchTerms(query, filter)).map((hit) => hit.term.lemma);

beforeAll(async () => {
  await db.article.deleteMany(); // each test file starts from an empty content store
  await db.term.deleteMany();
  for (const { data } of await readArticleFiles()) await importArticle(db, data);
  await importGlossary(db, JSON.parse(await fs.readFile(GLOSSARY_FILE, 'utf8')));
  await annotateArticles(db);
});
afterAll(async () => {
  await db.$disconnect();
});

describe('searchTerms', () => {
  test('an inflected form finds the entry first', async () => {
    expect((await lemmas('roten Linien'))[0]).toBe('rote Linie');
    expect((await lemmas('Stellvertreterkriegs'))[0]).toBe('Stellvertreterkrieg');
    expect((await lemmas('Verbündeten'))[0]).toBe('Verbündeter');
  });

  test('a word finds the entries that contain it or its lemma', async () => {
    expect(await lemmas('Maschine')).toEqual(['Werkzeugmaschine']);
    const sanctions = [
      'Sanktion',
      'Sanktionsliste',
      'Sanktionspaket',
      'Sanktionsrunde',
      'Sanktionsumgehung',
      'Sekundärsanktion',
    ];
    expect(await lemmas('Sanktionen')).toEqual(sanctions);
    expect(await lemmas('die Sanktionen')).toEqual(sanctions);
  });

  test('the kind of match is reported and ranks the results', async () => {
    expect(await searchTerms('Sanktionen')).toMatchObject([
      { term: { lemma: 'Sanktion' }, match: 'entry' },
      { term: { lemma: 'Sanktionsliste' }, match: 'part' },
      { term: { lemma: 'Sanktionspaket' }, match: 'part' },
      { term: { lemma: 'Sanktionsrunde' }, match: 'part' },
      { term: { lemma: 'Sanktionsumgehung' }, match: 'part' },
      { term: { lemma: 'Sekundärsanktion' }, match: 'part' },
    ]);
  });

  test('English equivalents find the term', async () => {
    expect(await lemmas('proxy war')).toEqual(['Stellvertreterkrieg']);
    expect(await lemmas('machine tool')).toEqual(['Werkzeugmaschine']);
    expect(await lemmas('Machine Tools')).toEqual(['Werkzeugmaschine']);
    expect((await searchTerms('proxy war'))[0]!.match).toBe('english');
  });

  test('partial input and variants', async () => {
    expect(await lemmas('Werkzeugm')).toEqual(['Werkzeugmaschine']);
    expect(await lemmas('G7')).toEqual(['Gruppe der Sieben']);
    expect(await lemmas('einen Keil zwischen … treiben')).toEqual(['einen Keil zwischen … treiben']);
  });

  // The newsletter's headings are all caps; keyboards without umlauts type ae, oe, ue, ss.
  test.each([
    ['STELLVERTRETERKRIEG', 'Stellvertreterkrieg'],
    ['STELLVERTRETERKRIEGS', 'Stellvertreterkriegs'],
    ['ROTE LINIE', 'rote Linie'],
    ['DIE ROTEN LINIEN', 'die roten Linien'],
    ['SANKTIONEN', 'Sanktionen'],
    ['VERBÜNDETEN', 'Verbündeten'],
    ['Aussenminister', 'Außenminister'],
    ['Aussenministers', 'Außenministers'],
    ['AUSSENMINISTERIUM', 'Außenministerium'],
    ['Oel ins Feuer', 'Öl ins Feuer'],
    ['OEL INS FEUER GIESSEN', 'Öl ins Feuer gießen'],
    ['Fruehjahrsoffensive', 'Frühjahrsoffensive'],
    ['Fruehjahrsoffensiven', 'Frühjahrsoffensiven'],
    ['Rueckschlaege', 'Rückschläge'],
  ])('%s finds what %s finds', async (typed, proper) => {
    const expected = await searchTerms(proper);
    expect(expected.length).toBeGreaterThan(0);
    expect(await searchTerms(typed)).toEqual(expected);
  });

  test('capitals and ae/oe/ue/ss find the entry first', async () => {
    expect((await lemmas('STELLVERTRETERKRIEG'))[0]).toBe('Stellvertreterkrieg');
    expect((await lemmas('ROTE LINIE'))[0]).toBe('rote Linie');
    expect((await lemmas('Aussenministers'))[0]).toBe('Außenminister');
    expect((await lemmas('Oel ins Feuer'))[0]).toBe('Öl ins Feuer gießen');
    expect(await searchTerms('Fruehjahrsoffensive')).toMatchObject([
      { term: { lemma: 'Frühjahrsoffensive' }, match: 'entry' },
    ]);
  });

  test('filters narrow the results; nothing found is an empty list', async () => {
    expect(await lemmas('Sanktionen', { domain: 'diplomacy' })).toEqual(['Sanktion']);
    expect(await lemmas('Sanktionen', { kind: 'verb' })).toEqual([]);
    expect(await lemmas('xyzzy')).toEqual([]);
    expect(await lemmas('   ')).toEqual([]);
  });
});

describe('getTerm', () => {
  test('Werkzeugmaschine: both occurrences with their sentence, translation and anchor', async () => {
    const term = await getTerm('Werkzeugmaschine');
    expect(term?.entry).toMatchObject({ lemma: 'Werkzeugmaschine', gender: 'f', englishPreferred: 'machine tool' });
    expect(term!.concordance).toMatchObject({ page: 1, pageCount: 1, totalLines: 2, totalArticles: 1 });
    expect(term!.concordance.lines).toHaveLength(2);
    for (const line of term!.concordance.lines) {
      expect(line.articleSlug).toBe(AFP);
      expect(line.textDe.slice(line.start, line.end)).toBe('Werkzeugmaschinen');
      expect(line.textEn).toContain('machine tools');
      expect(line.anchor).toMatch(/^p\d+-s\d+$/);
    }
    expect(term!.concordance.lines.map((l) => l.anchor)).toEqual(['p3-s1', 'p8-s1']);
  });

  test('an unknown lemma is null', async () => {
    expect(await getTerm('Gibtesnicht')).toBeNull();
  });
});

// A frequent term's concordance is a page of articles at a time (docs/decisions/039-paging-at-scale.md):
// copies of the AFP article, two newer on one day, one older, one for its owner's classes only.
describe('getTerm: the concordance a page at a time', () => {
  const copies = [
    { slug: 'werkzeug-b', publishedAt: '2025-01-01' },
    { slug: 'werkzeug-a', publishedAt: '2025-01-01' },
    { slug: 'werkzeug-alt', publishedAt: '2020-06-30' },
    { slug: 'werkzeug-klasse', publishedAt: '2026-01-01' },
  ];
  const slugsOf = (lines: { articleSlug: string }[]) => [...new Set(lines.map((line) => line.articleSlug))];

  beforeAll(async () => {
    const afp = (await readArticleFiles()).map(({ data }) => data as { slug: string }).find((a) => a.slug === AFP)!;
    for (const copy of copies) await importArticle(db, { ...afp, ...copy });
    await db.article.update({ where: { slug: 'werkzeug-klasse' }, data: { visibility: 'classes' } });
    await annotateArticles(db);
  });

  test('articles newest first (then by slug), each with all its lines; totals over every public one', async () => {
    const page = async (n: number, size: number) => (await getTerm('Werkzeugmaschine', n, size))!.concordance;
    const first = await page(1, 2);
    expect(first).toMatchObject({ page: 1, pageCount: 2, totalLines: 8, totalArticles: 4 });
    expect(slugsOf(first.lines)).toEqual(['werkzeug-a', 'werkzeug-b']);
    expect(first.lines.map((line) => line.anchor)).toEqual(['p3-s1', 'p8-s1', 'p3-s1', 'p8-s1']);
    expect(slugsOf((await page(2, 2)).lines)).toEqual([AFP, 'werkzeug-alt']);
    // The pages together are the whole concordance, in the same order, and no classes-only article.
    const whole = (await page(1, 20)).lines;
    expect(whole).toHaveLength(8);
    expect([...first.lines, ...(await page(2, 2)).lines]).toEqual(whole);
    expect(slugsOf(whole)).not.toContain('werkzeug-klasse');
  });

  test('a page past the end has no lines (the page redirects to the last); a term without occurrences has one empty page', async () => {
    const past = (await getTerm('Werkzeugmaschine', 9, 3))!.concordance;
    expect(past).toMatchObject({ page: 9, pageCount: 2, lines: [] });
    const unused = await db.term.findFirstOrThrow({
      where: { status: 'approved', occurrences: { none: {} } },
      select: { lemma: true },
    });
    expect((await getTerm(unused.lemma, 5))!.concordance).toEqual({
      lines: [],
      page: 5,
      pageCount: 1,
      totalLines: 0,
      totalArticles: 0,
    });
  });
});

describe('the index by letter: listTermLemmas and termCards', () => {
  test("the headwords are listTerms' in the same German A–Z, filtered alike", async () => {
    for (const filter of [{}, { domain: 'sanctions' as const }, { kind: 'idiom' as const }]) {
      const cards = await listTerms(filter);
      expect(await listTermLemmas(filter)).toEqual(cards.map((card) => card.lemma));
    }
  });

  test("one page's cards are those of its headwords, A–Z, and only approved ones", async () => {
    const all = await listTerms();
    const page = [all[5]!.lemma, all[2]!.lemma, 'Gibtesnicht'];
    expect(await termCards(page)).toEqual([all[2], all[5]]);
    await db.term.update({ where: { lemma: all[2]!.lemma }, data: { status: 'retired' } });
    try {
      expect(await termCards(page)).toEqual([all[5]]);
    } finally {
      await db.term.update({ where: { lemma: all[2]!.lemma }, data: { status: 'approved' } });
    }
  });
});
