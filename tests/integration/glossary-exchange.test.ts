import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { performAs } from '@/lib/action.server';
import { annotateArticles } from '@/lib/annotation/service.server';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { importArticle } from '@/lib/articles/import.server';
import { createDb, databaseProvider, db, type Db } from '@/lib/db.server';
import { glossaryToCsv } from '@/lib/glossary/csv';
import { contentOf, TERM_ROW_SELECT } from '@/lib/glossary/entry';
import { parseGlossaryFile } from '@/lib/glossary/exchange-file';
import {
  applyGlossaryImport,
  approvedGlossary,
  importGlossaryFile,
  previewGlossaryFile,
  previewGlossaryImport,
} from '@/lib/glossary/exchange.server';
import { importGlossary } from '@/lib/glossary/import.server';
import { refreshAfterGlossaryChange } from '@/lib/glossary/live.server';
import { GlossaryContentSchema, type TermContent } from '@/lib/glossary/schema';
import { glossaryToTbx } from '@/lib/glossary/tbx';
import type { Result } from '@/lib/result';
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase } from '../setup/databases';

// Export and import of the approved glossary (docs/decisions/034-glossary-exchange-tbx-csv.md), on
// SQLite and PostgreSQL: the whole seed glossary round-trips through TBX and CSV into a fresh
// database; an import is all or nothing; only editors import.
const GLOSSARY_FILE = path.resolve(import.meta.dirname, '../../prisma/content/glossary.json');
const HEADER = { title: 'Lesebrücke glossary', description: 'test export' };

let seed: TermContent[] = [];
const users = { admin: '', editor: '', teacher: '', learner: '' };
const as = (userId: string) => ({ userId });
const ok = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.data;
};
/** Every entry of a database with its revisions and whether it was edited in the app, A–Z. */
const stored = async (database: Db) =>
  (
    await database.term.findMany({
      select: {
        ...TERM_ROW_SELECT,
        editedInApp: true,
        revisions: { select: { action: true, authorId: true }, orderBy: { version: 'asc' } },
      },
    })
  ).sort((a, b) => (a.lemma < b.lemma ? -1 : 1));

beforeAll(async () => {
  await db.article.deleteMany(); // each test file starts from an empty content store
  await db.term.deleteMany();
  for (const { data } of await readArticleFiles()) await importArticle(db, data);
  await db.user.deleteMany({ where: { email: { endsWith: '@exchange.test' } } });
  const file = JSON.parse(await fs.readFile(GLOSSARY_FILE, 'utf8')) as unknown;
  await importGlossary(db, file);
  await annotateArticles(db);
  seed = GlossaryContentSchema.parse(file);
  users.admin = (await db.user.create({ data: { name: 'Ada', email: 'admin@exchange.test', role: 'admin' } })).id;
  users.editor = (
    await db.user.create({
      data: { name: 'Eda', email: 'editor@exchange.test', role: 'teacher', glossaryEditor: true },
    })
  ).id;
  users.teacher = (await db.user.create({ data: { name: 'Tom', email: 'teacher@exchange.test', role: 'teacher' } })).id;
  users.learner = (await db.user.create({ data: { name: 'Lea', email: 'learner@exchange.test' } })).id;
});
afterAll(async () => {
  await db.$disconnect();
});

describe('export → import into a fresh database', () => {
  let fresh: TestDatabase | null = null;
  let freshDb: Db | null = null;
  afterAll(async () => {
    await freshDb?.$disconnect();
    await fresh?.drop();
  });

  test.each([
    ['TBX', (entries: TermContent[]) => glossaryToTbx(entries, HEADER)],
    ['CSV', glossaryToCsv],
  ])('%s: the whole seed glossary round-trips to identical entries', async (_format, write) => {
    await freshDb?.$disconnect();
    await fresh?.drop();
    fresh = databaseProvider === 'postgresql' ? await createPostgresDatabase() : await createSqliteDatabase();
    freshDb = createDb(fresh.url);
    const importer = (await freshDb.user.create({ data: { name: 'Ina', email: 'ina@exchange.test', role: 'admin' } }))
      .id;

    const exported = await approvedGlossary(db);
    expect(exported).toHaveLength(seed.length);
    const parsed = parseGlossaryFile(write(exported));
    expect(parsed.errors).toEqual([]);

    const preview = await previewGlossaryFile(freshDb, parsed);
    expect(preview.errors).toEqual([]);
    expect(preview.entries.every((entry) => entry.action === 'create')).toBe(true);
    const summary = await importGlossaryFile(freshDb, parsed, importer);
    expect([summary.created.length, summary.updated, summary.unchanged]).toEqual([seed.length, [], 0]);

    const [before, after] = await Promise.all([stored(db), stored(freshDb)]);
    expect(after.map(contentOf)).toEqual(before.map(contentOf));
    // …and they are the seed file's entries (domains as the database orders them).
    const bySeed = new Map(seed.map((entry) => [entry.lemma, { ...entry, domains: entry.domains.toSorted() }]));
    expect(after.map(contentOf)).toEqual(after.map((row) => bySeed.get(row.lemma)));
    expect(after.every((row) => row.status === 'approved' && row.editedInApp)).toBe(true);
    expect(after.every((row) => same(row.revisions, [{ action: 'created', authorId: importer }]))).toBe(true);

    // Importing the same file again changes nothing.
    const again = await previewGlossaryFile(freshDb, parseGlossaryFile(write(await approvedGlossary(freshDb))));
    expect(again.entries.every((entry) => entry.action === 'unchanged')).toBe(true);
  });
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('importing through the commands', () => {
  /** The exported glossary with the first entry's English definition edited (`changed`) and a new entry. */
  const modified = async (): Promise<{ entries: TermContent[]; changed: string }> => {
    const [first, ...rest] = await approvedGlossary(db);
    return {
      entries: [
        { ...first!, definitionEn: `${first!.definitionEn} (edited)` },
        ...rest,
        { ...first!, lemma: 'Friedensdividende', related: [first!.lemma], variants: [] },
      ],
      changed: first!.lemma,
    };
  };

  test('a file with one bad entry is previewed with its error, and importing it changes nothing', async () => {
    const { entries, changed } = await modified();
    const bad = entries[2]!;
    entries[2] = { ...bad, kind: 'nomen' as TermContent['kind'] };
    const text = glossaryToCsv(entries);
    const preview = ok(await performAs(as(users.editor), previewGlossaryImport, text));
    expect(preview.format).toBe('csv');
    expect(preview.errors).toMatchObject([{ at: { line: 4 }, lemma: bad.lemma, field: 'kind' }]);
    expect(preview.entries.find((entry) => entry.lemma === changed)).toMatchObject({
      at: { line: 2 },
      action: 'update',
      changed: ['definition_en'],
    });
    expect(preview.entries.find((entry) => entry.lemma === 'Friedensdividende')?.action).toBe('create');

    const before = await stored(db);
    expect(await performAs(as(users.editor), applyGlossaryImport, text)).toEqual({
      ok: false,
      error: 'glossaryExchange:errors.rejected',
    });
    expect(await stored(db)).toEqual(before);
  });

  test('a related entry neither in the file nor approved refuses the file', async () => {
    const [first] = await approvedGlossary(db);
    const text = glossaryToTbx([{ ...first!, related: ['Nirgendwo'] }], HEADER);
    const preview = ok(await performAs(as(users.admin), previewGlossaryImport, text));
    expect(preview.errors).toMatchObject([
      { at: { entry: 1 }, field: 'related', messageKey: 'glossaryExchange:errors.unknownRelated' },
    ]);
    expect((await performAs(as(users.admin), applyGlossaryImport, text)).ok).toBe(false);
  });

  test('an editor imports a TBX file: new entries created, changed ones edited, each with its revision, and live', async () => {
    // An entry that occurs in an article, retired meanwhile: the import approves it again.
    const occurrence = await db.termOccurrence.findFirstOrThrow({
      select: { term: { select: { lemma: true } }, article: { select: { slug: true } } },
      orderBy: { id: 'asc' },
    });
    const retired = occurrence.term.lemma;
    const occurrences = () => db.termOccurrence.count({ where: { term: { lemma: retired } } });
    await db.term.update({ where: { lemma: retired }, data: { status: 'retired' } });
    await refreshAfterGlossaryChange([retired]);
    expect(await occurrences()).toBe(0);

    const { entries, changed } = await modified();
    const back = seed.find((entry) => entry.lemma === retired)!;
    const text = glossaryToTbx([...entries, { ...back, domains: back.domains.toSorted() }], HEADER);
    const preview = ok(await performAs(as(users.editor), previewGlossaryImport, text));
    expect(preview.errors).toEqual([]);
    expect(preview.entries.find((entry) => entry.lemma === retired)).toMatchObject({
      action: 'update',
      changed: ['status'],
    });
    const summary = ok(await performAs(as(users.editor), applyGlossaryImport, text));
    expect(summary.created).toEqual(['Friedensdividende']);
    expect(summary.updated.toSorted()).toEqual([changed, retired].toSorted());
    expect(summary.unchanged).toBe(seed.length - 2);
    expect(summary.refreshed.slugs).toContain(occurrence.article.slug);
    expect(await occurrences()).toBeGreaterThan(0);

    const rows = new Map((await stored(db)).map((row) => [row.lemma, row]));
    expect(rows.get(changed)).toMatchObject({
      definitionEn: expect.stringMatching(/\(edited\)$/),
      editedInApp: true,
      revisions: [{ action: 'seeded' }, { action: 'edited', authorId: users.editor }],
    });
    expect(rows.get(retired)).toMatchObject({
      status: 'approved',
      revisions: [{ action: 'seeded' }, { action: 'approved', authorId: users.editor }],
    });
    expect(rows.get('Friedensdividende')).toMatchObject({
      status: 'approved',
      editedInApp: true,
      revisions: [{ action: 'created', authorId: users.editor }],
    });
  });

  test('learners and plain teachers may not import; signed out is refused', async () => {
    const text = glossaryToCsv(await approvedGlossary(db));
    for (const userId of [users.learner, users.teacher]) {
      expect(await performAs(as(userId), previewGlossaryImport, text)).toEqual({
        ok: false,
        error: 'errors:action.forbidden',
      });
      expect(await performAs(as(userId), applyGlossaryImport, text)).toEqual({
        ok: false,
        error: 'errors:action.forbidden',
      });
    }
    expect((await performAs(null, applyGlossaryImport, text)).ok).toBe(false);
  });

  test('an empty or oversized text is refused before parsing', async () => {
    expect(await performAs(as(users.admin), previewGlossaryImport, '  ')).toMatchObject({
      ok: false,
      error: 'glossaryExchange:errors.empty',
    });
    expect(await performAs(as(users.admin), previewGlossaryImport, 'x'.repeat(2_000_001))).toMatchObject({
      ok: false,
      error: 'glossaryExchange:errors.tooLarge',
    });
  });
});
