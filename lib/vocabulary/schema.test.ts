import { expect, test } from 'vitest';
import type { z } from 'zod';
import { fieldErrorsOf } from '@/lib/result';
import { EntryFilterSchema, SaveWordSchema, UpdateEntrySchema } from './schema';

/** Field → its first i18n key, as a command's failure carries them (zod's own text becomes the generic key). */
const firstKeys = (error: z.ZodError) => fieldErrorsOf(error.issues, 'vocabulary:errors.invalid');
/** Every issue of a failed parse as [path, i18n key]. */
const issuesOf = (error: z.ZodError) => error.issues.map((issue) => [issue.path.join('.'), issue.message]);

test('a lemma is trimmed, keeps its case and is 1–100 characters', () => {
  const base = { articleSlug: 'china-hilft-russland-aufruestung', anchor: 'p1-s1', status: 'new' };
  expect(SaveWordSchema.parse({ ...base, lemma: '  Essen ' }).lemma).toBe('Essen');
  const empty = SaveWordSchema.safeParse({ ...base, lemma: '   ' });
  expect(firstKeys(empty.error!)).toEqual({ lemma: 'vocabulary:errors.lemmaRequired' });
  const long = SaveWordSchema.safeParse({ ...base, lemma: 'x'.repeat(101), anchor: 'p1', status: 'gelernt' });
  expect(firstKeys(long.error!)).toEqual({
    lemma: 'vocabulary:errors.lemmaTooLong',
    anchor: 'vocabulary:errors.anchor',
    status: 'vocabulary:errors.status',
  });
  expect(firstKeys(SaveWordSchema.safeParse(null).error!)).toEqual({ form: 'vocabulary:errors.invalid' });
});

test('tags are trimmed, collapsed, deduplicated and limited', () => {
  const entry = { entryId: 'e1', translation: ' machine tool ', notes: '' };
  expect(UpdateEntrySchema.parse({ ...entry, tags: [' Kapitel  3 ', 'Kapitel 3', 'Rüstung'] })).toEqual({
    ...entry,
    translation: 'machine tool',
    tags: ['Kapitel 3', 'Rüstung'],
  });
  expect(UpdateEntrySchema.parse({ ...entry, tags: Array.from({ length: 25 }, () => 'same') }).tags).toEqual(['same']);
  const errors = (tags: unknown) => firstKeys(UpdateEntrySchema.safeParse({ ...entry, tags }).error!);
  expect(errors(Array.from({ length: 21 }, (_, i) => `t${i}`))).toEqual({ tags: 'vocabulary:errors.tooManyTags' });
  // Each bad tag has its own issue; the form shows the first at the tags field.
  const badTags = UpdateEntrySchema.safeParse({ ...entry, tags: ['a;b', ' ', 'x'.repeat(41)] }).error!;
  expect(issuesOf(badTags)).toEqual([
    ['tags.0', 'vocabulary:errors.tagSemicolon'],
    ['tags.1', 'vocabulary:errors.tag'],
    ['tags.2', 'vocabulary:errors.tag'],
  ]);
  expect(firstKeys(badTags)).toEqual({ tags: 'vocabulary:errors.tagSemicolon' });
  expect(firstKeys(UpdateEntrySchema.safeParse({ ...entry, translation: 'x'.repeat(501), tags: [] }).error!)).toEqual({
    translation: 'vocabulary:errors.translationTooLong',
  });
});

test('a list filter from search params falls back to defaults for bad values', () => {
  expect(EntryFilterSchema.parse({})).toEqual({ page: 1, pageSize: 50 });
  expect(
    EntryFilterSchema.parse({ q: '  ', status: '', tag: '', article: 'Not A Slug', page: '-3', pageSize: 'x' }),
  ).toEqual({ page: 1, pageSize: 50 });
  expect(
    EntryFilterSchema.parse({
      q: ' Maschine ',
      status: 'known',
      tag: 'Rüstung',
      article: 'chinas-kalkulation-waffenlieferungen',
      page: '2',
      pageSize: '20',
    }),
  ).toEqual({
    q: 'Maschine',
    status: 'known',
    tag: 'Rüstung',
    article: 'chinas-kalkulation-waffenlieferungen',
    page: 2,
    pageSize: 20,
  });
});

test('lemma, translation and notes are stored as NFC: a decomposed "ä" is one character again', () => {
  const decomposed = 'Ma\u0308rz'; // "März" as macOS files and some keyboards write it
  const base = { articleSlug: 'china-hilft-russland-aufruestung', anchor: 'p1-s1', status: 'new' };
  expect(SaveWordSchema.parse({ ...base, lemma: decomposed }).lemma).toBe('M\u00e4rz');
  const update = UpdateEntrySchema.parse({
    entryId: 'e1',
    translation: decomposed,
    notes: ` ${decomposed} `,
    tags: [],
  });
  expect([update.translation, update.notes]).toEqual(['M\u00e4rz', 'M\u00e4rz']);
});
