import { expect, test } from 'vitest';
import { EntryFilterSchema, fieldErrorsOf, SaveWordSchema, UpdateEntrySchema } from './schema';

test('a lemma is trimmed, keeps its case and is 1–100 characters', () => {
  const base = { articleSlug: 'china-hilft-russland-aufruestung', anchor: 'p1-s1', status: 'new' };
  expect(SaveWordSchema.parse({ ...base, lemma: '  Essen ' }).lemma).toBe('Essen');
  const empty = SaveWordSchema.safeParse({ ...base, lemma: '   ' });
  expect(fieldErrorsOf(empty.error!)).toEqual({ lemma: ['vocabulary:errors.lemmaRequired'] });
  const long = SaveWordSchema.safeParse({ ...base, lemma: 'x'.repeat(101), anchor: 'p1', status: 'gelernt' });
  expect(fieldErrorsOf(long.error!)).toEqual({
    lemma: ['vocabulary:errors.lemmaTooLong'],
    anchor: ['vocabulary:errors.anchor'],
    status: ['vocabulary:errors.status'],
  });
  expect(fieldErrorsOf(SaveWordSchema.safeParse(null).error!)).toEqual({ _: ['vocabulary:errors.invalid'] });
});

test('tags are trimmed, collapsed, deduplicated and limited', () => {
  const entry = { entryId: 'e1', translation: ' machine tool ', notes: '' };
  expect(UpdateEntrySchema.parse({ ...entry, tags: [' Kapitel  3 ', 'Kapitel 3', 'Rüstung'] })).toEqual({
    ...entry,
    translation: 'machine tool',
    tags: ['Kapitel 3', 'Rüstung'],
  });
  expect(UpdateEntrySchema.parse({ ...entry, tags: Array.from({ length: 25 }, () => 'same') }).tags).toEqual(['same']);
  const errors = (tags: unknown) => fieldErrorsOf(UpdateEntrySchema.safeParse({ ...entry, tags }).error!);
  expect(errors(Array.from({ length: 21 }, (_, i) => `t${i}`))).toEqual({ tags: ['vocabulary:errors.tooManyTags'] });
  expect(errors(['a;b', ' ', 'x'.repeat(41)])).toEqual({
    'tags.0': ['vocabulary:errors.tagSemicolon'],
    'tags.1': ['vocabulary:errors.tag'],
    'tags.2': ['vocabulary:errors.tag'],
  });
  expect(
    fieldErrorsOf(UpdateEntrySchema.safeParse({ ...entry, translation: 'x'.repeat(501), tags: [] }).error!),
  ).toEqual({ translation: ['vocabulary:errors.translationTooLong'] });
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
