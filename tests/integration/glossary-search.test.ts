import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { annotateArticles } from '@/lib/annotation/service.server';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { importArticle } from '@/lib/articles/import.server';
import { db } from '@/lib/db.server';
import { importGlossary } from '@/lib/glossary/import.server';
import { getTerm } from '@/lib/glossary/queries.server';
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
    expect(await lemmas('Sanktionen')).toEqual(['Sanktion', 'Sanktionsrunde']);
    expect(await lemmas('die Sanktionen')).toEqual(['Sanktion', 'Sanktionsrunde']);
  });

  test('the kind of match is reported and ranks the results', async () => {
    expect(await searchTerms('Sanktionen')).toMatchObject([
      { term: { lemma: 'Sanktion' }, match: 'entry' },
      { term: { lemma: 'Sanktionsrunde' }, match: 'part' },
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
    expect(term!.concordance).toHaveLength(2);
    for (const line of term!.concordance) {
      expect(line.articleSlug).toBe(AFP);
      expect(line.textDe.slice(line.start, line.end)).toBe('Werkzeugmaschinen');
      expect(line.textEn).toContain('machine tools');
      expect(line.anchor).toMatch(/^p\d+-s\d+$/);
    }
    expect(term!.concordance.map((l) => l.anchor)).toEqual(['p3-s1', 'p8-s1']);
  });

  test('an unknown lemma is null', async () => {
    expect(await getTerm('Gibtesnicht')).toBeNull();
  });
});
