import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GET } from '@/app/api/dictionary/route';
import { db } from '@/lib/db.server';
import { importDictionary } from '@/lib/dictionary/import.server';
import { dictionaryStats, lookupWord } from '@/lib/dictionary/queries.server';
import { ensureDictionary } from '@/lib/dictionary/setup.server';

// Runs once against SQLite and once against PostgreSQL (see tests/vitest.config.ts).
const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/ding-de-en.txt');
// The fixture: 44 lines, of which 8 are comments or blank and 3 malformed; 83 senses (80 headwords,
// 2 abbreviations, 1 bare verb of a phrase).
const FIXTURE_RESULT = { senses: 83, lines: 44, skipped: 3 };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesebruecke-dictionary-'));
const scratch = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const count = () => db.dictionaryEntry.count();
const pairs = async (word: string) => (await lookupWord(word)).map((s) => [s.german, s.english]);

beforeAll(async () => {
  await db.dictionaryEntry.deleteMany(); // each test file starts from an empty dictionary
  expect(await importDictionary(db, FIXTURE)).toEqual(FIXTURE_RESULT);
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
});

describe('dictionary lookup', () => {
  test('finds a headword among synonyms, with its sub-sense as written', async () => {
    expect(await lookupWord('Werkzeugmaschine')).toEqual([
      {
        key: 'werkzeugmaschine',
        german: 'Maschine {f}; Werkzeugmaschine {f}',
        english: 'machine; machine tool',
        line: 4,
      },
    ]);
  });

  test('ignores case and returns the senses in the order of the file', async () => {
    const senses = await lookupWord('MASCHINE');
    expect(senses).toEqual(await lookupWord('maschine'));
    expect(senses.map((s) => [s.line, s.english])).toEqual([
      [4, 'machine; machine tool'],
      [5, 'aircraft; plane'],
    ]);
    expect(await lookupWord('  drohne ')).toHaveLength(2);
  });

  test('finds a plural and an inflected form', async () => {
    expect(await pairs('Werkzeugmaschinen')).toEqual([
      ['Maschinen {pl}; Werkzeugmaschinen {pl}', 'machines; machine tools'],
    ]);
    expect(await pairs('Stellvertreterkriege')).toEqual([['Stellvertreterkriege {pl}', 'proxy wars']]);
    expect(await pairs('hört auf')).toEqual([['er/sie hört auf', 'he/she stops']]);
  });

  test('finds the words of the seed articles, verbs without their placeholders', async () => {
    expect(await pairs('Stellvertreterkrieg')).toEqual([['Stellvertreterkrieg {m} [pol.]', 'proxy war']]);
    expect(await pairs('Rubikon')).toEqual([['Rubikon {m} [geogr.]', 'Rubicon']]);
    expect(await pairs('den Rubikon überschreiten')).toEqual([
      ['den Rubikon überschreiten [übtr.]', 'to cross the Rubicon [fig.]'],
    ]);
    expect(await pairs('Grat')).toEqual([['Grat {m} (Bergkamm) [geogr.]', 'ridge; arête']]);
    // The bare verb also finds its phrases that name the object first ("mit etw. aufhören").
    expect(await pairs('aufhören')).toEqual([
      ['aufhören {vi}', 'to stop; to cease'],
      ['mit etw. aufhören', 'to stop doing sth.'],
    ]);
    expect(await pairs('liefern')).toEqual([
      ['jdm. etw. liefern {vt}', 'to supply sb. with sth.; to deliver sth. to sb.'],
    ]);
    expect((await lookupWord('Sanktion')).map((s) => s.english)).toEqual(['sanction (penalty)', 'sanction (approval)']);
  });

  test('umlauts and ß match whether typed composed or decomposed', async () => {
    expect(await pairs('Rückschlag')).toEqual([['Rückschlag {m}', 'setback']]);
    expect(await pairs('Ru\u0308ckschla\u0308ge')).toEqual([['Rückschläge {pl}', 'setbacks']]);
    expect(await pairs('STRAßE')).toEqual([['Straße {f}', 'road; street']]);
    expect(await pairs('Größe')).toEqual([['Größe {f}; Ausmaß {n}', 'size; extent']]);
  });

  test('respects the limit; unknown words, comments and malformed lines give nothing', async () => {
    expect(await lookupWord('maschine', 1)).toHaveLength(1);
    expect(await lookupWord('Panzer')).toEqual([]);
    expect(await lookupWord('version')).toEqual([]);
    expect(await lookupWord('')).toEqual([]);
  });

  test('stats count the senses', async () => {
    expect(await dictionaryStats()).toEqual({ senses: FIXTURE_RESULT.senses });
  });
});

describe('dictionary import', () => {
  test('re-importing replaces the content instead of adding to it', async () => {
    const progress: number[] = [];
    expect(
      await importDictionary(db, FIXTURE, { batchSize: 7, onProgress: ({ senses }) => progress.push(senses) }),
    ).toEqual(FIXTURE_RESULT);
    expect(progress).toEqual([...Array.from({ length: 11 }, (_, i) => (i + 1) * 7), 83]);
    expect(await count()).toBe(FIXTURE_RESULT.senses);
    expect(await lookupWord('Werkzeugmaschine')).toHaveLength(1);

    const other = scratch('other.txt', 'Kompass {m} | Kompasse {pl} :: compass | compasses\n');
    expect(await importDictionary(db, other)).toEqual({ senses: 2, lines: 1, skipped: 0 });
    expect(await lookupWord('Werkzeugmaschine')).toEqual([]);
    expect(await pairs('kompasse')).toEqual([['Kompasse {pl}', 'compasses']]);

    expect(await importDictionary(db, FIXTURE)).toEqual(FIXTURE_RESULT);
  });

  test.each([
    ['a missing file', () => path.join(dir, 'missing.txt'), /no such file/],
    ['a directory', () => dir, /not a regular file/],
    ['an empty file', () => scratch('empty.txt', ''), /empty/],
    [
      'a file without a valid line',
      () => scratch('comments.txt', '# only a comment\n\nkeine Zeile im Ding-Format\n'),
      /no valid line \(3 lines read, 1 skipped\)/,
    ],
  ])('%s is refused and the dictionary is kept', async (_, file, message) => {
    const before = await count();
    await expect(importDictionary(db, file())).rejects.toThrow(message);
    expect(await count()).toBe(before);
    expect(before).toBe(FIXTURE_RESULT.senses);
  });

  test('a bad batch size is refused before anything changes', async () => {
    await expect(importDictionary(db, FIXTURE, { batchSize: 0 })).rejects.toThrow();
    expect(await count()).toBe(FIXTURE_RESULT.senses);
  });
});

describe('ensureDictionary (npm run setup)', () => {
  test('imports once, then only when the file changes; a missing file leaves everything as it is', async () => {
    const file = scratch('setup.txt', fs.readFileSync(FIXTURE, 'utf8'));
    await db.dictionaryEntry.deleteMany();
    await db.dictionarySource.deleteMany();

    expect(await ensureDictionary(db, path.join(dir, 'not-installed'))).toEqual({
      action: 'absent',
      file: path.join(dir, 'not-installed'),
      stored: 0,
    });
    expect(await ensureDictionary(db, file)).toMatchObject({ action: 'imported', result: FIXTURE_RESULT });
    const first = await db.dictionarySource.findUniqueOrThrow({ where: { id: 'general' } });
    expect(first).toMatchObject({ path: file, senses: FIXTURE_RESULT.senses });

    // Unchanged: nothing is written, whatever the file's date says.
    fs.utimesSync(file, new Date(), new Date());
    expect(await ensureDictionary(db, file)).toEqual({ action: 'current', file, senses: FIXTURE_RESULT.senses });
    expect(await db.dictionarySource.findUniqueOrThrow({ where: { id: 'general' } })).toEqual(first);

    // Changed content of the same size is seen by its hash and imported again.
    const text = fs.readFileSync(file, 'utf8').replace('setback | setbacks', 'setBACK | setbacks');
    fs.writeFileSync(file, text);
    expect(await ensureDictionary(db, file)).toMatchObject({ action: 'imported' });
    expect(await pairs('Rückschlag')).toEqual([['Rückschlag {m}', 'setBACK']]);

    // The file gone: the stored dictionary stays.
    expect(await ensureDictionary(db, path.join(dir, 'not-installed'))).toMatchObject({
      action: 'absent',
      stored: FIXTURE_RESULT.senses,
    });
  });

  test('a dictionary imported by hand from another file is kept', async () => {
    const other = scratch('own.txt', 'Kompass {m} | Kompasse {pl} :: compass | compasses\n');
    await importDictionary(db, other);
    expect(await ensureDictionary(db, FIXTURE)).toEqual({ action: 'kept', file: other, senses: 2 });
    expect(await count()).toBe(2);
    // Back to the fixture for the tests below.
    await importDictionary(db, FIXTURE);
  });

  test('npm run dict:ensure without the file says how to install it and succeeds', () => {
    const run = spawnSync('npm', ['run', '--silent', 'dict:ensure', '--', path.join(dir, 'not-installed')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/not found.*apt-get install trans-de-en/s);
  });
});

describe('GET /api/dictionary', () => {
  const get = (query: string) =>
    GET(new Request(`http://localhost/api/dictionary${query}`), { params: Promise.resolve({}) });

  test('returns the senses of a word, cacheable', async () => {
    const response = await get('?lemma=%20Werkzeugmaschinen%20');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(await response.json()).toEqual({
      lemma: 'Werkzeugmaschinen',
      senses: [{ german: 'Maschinen {pl}; Werkzeugmaschinen {pl}', english: 'machines; machine tools' }],
      via: 'word',
      headword: 'Werkzeugmaschinen',
      properNoun: false,
    });
  });

  test('an unknown word has no senses', async () => {
    const response = await get('?lemma=Quatschwort');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      lemma: 'Quatschwort',
      senses: [],
      via: null,
      headword: null,
      properNoun: false,
    });
  });

  test('a word met in a text by its lemma, then its form', async () => {
    const body = await (await get('?lemma=Rückschlag&surface=Rückschlägen&pos=NOUN')).json();
    expect(body).toMatchObject({ via: 'word', headword: 'Rückschlag', properNoun: false });
    expect(body.senses[0]).toEqual({ german: 'Rückschlag {m}', english: 'setback' });
  });

  test('a compound the dictionary lacks by its head, marked as such', async () => {
    const body = await (await get('?lemma=Kriegsmaschine&surface=Kriegsmaschinen&pos=NOUN')).json();
    expect(body).toMatchObject({ via: 'compound', headword: 'Maschine', properNoun: false });
    expect(body.senses.map((s: { english: string }) => s.english)).toContain('machine; machine tool');
  });

  test('a capitalised word the lemma table does not know is a proper noun', async () => {
    expect(await (await get('?lemma=Biden&surface=Biden&pos=OTHER')).json()).toMatchObject({
      senses: [],
      properNoun: true,
    });
    expect(await (await get('?lemma=Biden')).json()).toMatchObject({ properNoun: false });
  });

  test('an abbreviation finds its headword', async () => {
    const body = await (await get('?lemma=EU&surface=EU&pos=NOUN')).json();
    expect(body.senses[0]?.english).toMatch(/European Union/);
  });

  test.each([
    ['an empty lemma', '?lemma='],
    ['a blank lemma', '?lemma=%20%20'],
    ['no lemma', ''],
    ['a lemma over 80 characters', `?lemma=${'a'.repeat(81)}`],
    ['an unknown part of speech', '?lemma=Haus&pos=NAME'],
  ])('%s is a 400 with a reason', async (_, query) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: unknown };
    expect(Object.keys(body)).toEqual(['ok', 'error']);
    expect(body.error).toMatch(/lemma/);
  });
});

describe('npm run dict:import', () => {
  // The CLI writes to the DATABASE_URL of this suite (set by tests/setup/use-database.ts).
  const cli = (...args: string[]) =>
    spawnSync('npm', ['run', '--silent', 'dict:import', '--', ...args], { cwd: ROOT, encoding: 'utf8' });

  test('imports a file into DATABASE_URL and prints a summary', async () => {
    const other = cli(scratch('cli.txt', 'Kompass {m} | Kompasse {pl} :: compass | compasses\n'));
    expect(other.status, other.stderr).toBe(0);
    expect(other.stdout).toMatch(/^dictionary: 2 senses from 1 lines in \d+ ms\n$/);
    expect(other.stderr).toBe('');
    expect(await count()).toBe(2);

    const result = cli(FIXTURE);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^dictionary: 83 senses from 44 lines in \d+ ms\n$/);
    expect(result.stderr).toBe('skipped 3 malformed lines\n');
    expect(await count()).toBe(FIXTURE_RESULT.senses);
  });

  test('without a path: usage, exit 2', () => {
    const result = cli();
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^usage: npm run dict:import -- <path/);
  });

  test('a refused file: the reason without a stack, exit 1, dictionary kept', async () => {
    const result = cli(path.join(dir, 'missing.txt'));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`Cannot read dictionary file ${path.join(dir, 'missing.txt')}: no such file\n`);
    expect(await count()).toBe(FIXTURE_RESULT.senses);
  });
});
