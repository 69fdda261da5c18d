import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { db } from '@/lib/db.server';
import { importGlossary } from '@/lib/glossary/import.server';
import { glossaryEntries, getTerm, glossaryStats } from '@/lib/glossary/queries.server';
import type { TermContent } from '@/lib/glossary/schema';

// Seeding the content file into a glossary that editors also change in the app
// (docs/decisions/030-living-glossary.md): the file never silently overwrites an in-app edit.

const entry = (lemma: string, english: string, extra: Partial<TermContent> = {}) => ({
  lemma,
  kind: 'noun',
  gender: 'f',
  plural: `${lemma}en`,
  genitive: `der ${lemma}`,
  separable: false,
  english: { preferred: english, alternatives: [] },
  definitionEn: `Definition of ${english}.`,
  definitionDe: `Definition von ${lemma}.`,
  usageNote: null,
  domains: ['military'],
  related: [],
  variants: [],
  source: 'Test fixture',
  ...extra,
});

const revisions = async (lemma: string) =>
  (
    await db.termRevision.findMany({
      where: { term: { lemma } },
      orderBy: { version: 'asc' },
      select: { version: true, action: true, authorId: true },
    })
  ).map((r) => `${r.version}:${r.action}:${r.authorId ?? 'seed'}`);

let learnerId: string;

beforeAll(async () => {
  await db.term.deleteMany();
  await db.user.deleteMany({ where: { email: 'seed-learner@glossary.test' } });
  learnerId = (await db.user.create({ data: { name: 'Learner', email: 'seed-learner@glossary.test' } })).id;
});
afterAll(async () => {
  await db.term.deleteMany();
  await db.user.deleteMany({ where: { email: 'seed-learner@glossary.test' } });
  await db.$disconnect();
});

describe('importGlossary', () => {
  test('creates approved entries, each with a first revision; seeding again changes nothing', async () => {
    const file = [entry('Abschreckung', 'deterrence'), entry('Rüstung', 'armament')];
    expect(await importGlossary(db, file)).toMatchObject({ created: ['Abschreckung', 'Rüstung'], unchanged: 0 });
    expect(await importGlossary(db, file)).toMatchObject({ created: [], updated: [], retired: [], unchanged: 2 });
    expect(await revisions('Abschreckung')).toEqual(['1:seeded:seed']);
    expect((await db.term.findUniqueOrThrow({ where: { lemma: 'Rüstung' } })).status).toBe('approved');
  });

  test('a changed file entry is updated unless an editor changed it in the app: then it is a conflict', async () => {
    await db.term.update({
      where: { lemma: 'Rüstung' },
      data: { englishPreferred: 'armaments', editedInApp: true },
    });
    const file = [entry('Abschreckung', 'deterrent'), entry('Rüstung', 'arms buildup')];
    expect(await importGlossary(db, file)).toMatchObject({
      updated: ['Abschreckung'],
      conflicts: ['Rüstung'],
      unchanged: 0,
    });
    expect((await db.term.findUniqueOrThrow({ where: { lemma: 'Abschreckung' } })).englishPreferred).toBe('deterrent');
    expect((await db.term.findUniqueOrThrow({ where: { lemma: 'Rüstung' } })).englishPreferred).toBe('armaments');
    expect(await revisions('Abschreckung')).toEqual(['1:seeded:seed', '2:seeded:seed']);
  });

  test('an entry that left the file is retired, not deleted: its page and the learners’ links stay', async () => {
    await db.vocabularyEntry.create({
      data: {
        userId: learnerId,
        lemma: 'Abschreckung',
        termId: (await db.term.findUniqueOrThrow({ where: { lemma: 'Abschreckung' } })).id,
      },
    });
    // Made in the app (no content hash): never the file's to retire.
    await db.term.create({ data: { lemma: 'Aufrüstung', status: 'proposed', editedInApp: true } });
    const result = await importGlossary(db, [entry('Rüstung', 'arms buildup')]);
    expect(result).toMatchObject({ retired: ['Abschreckung'], conflicts: ['Rüstung'] });
    expect((await db.term.findUniqueOrThrow({ where: { lemma: 'Aufrüstung' } })).status).toBe('proposed');

    const link = await db.vocabularyEntry.findFirstOrThrow({ where: { userId: learnerId }, include: { term: true } });
    expect(link.term?.lemma).toBe('Abschreckung');
    expect((await getTerm('Abschreckung'))?.entry.retired).toBe(true);
    // Neither retired entries nor proposals are matched, listed or counted.
    expect((await glossaryEntries()).map((e) => e.lemma)).toEqual(['Rüstung']);
    expect((await glossaryStats()).terms).toBe(1);
    expect(await getTerm('Aufrüstung')).toBeNull();
    expect(await revisions('Abschreckung')).toEqual(['1:seeded:seed', '2:seeded:seed', '3:retired:seed']);
  });

  test('an entry back in the file is approved again', async () => {
    const result = await importGlossary(db, [entry('Abschreckung', 'deterrent'), entry('Rüstung', 'arms buildup')]);
    expect(result.updated).toEqual(['Abschreckung']);
    expect((await db.term.findUniqueOrThrow({ where: { lemma: 'Abschreckung' } })).status).toBe('approved');
  });
});
