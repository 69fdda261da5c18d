import { describe, expect, test } from 'vitest';
import { fieldErrorsOf } from '@/lib/result';
import {
  CreateAssignmentSchema,
  CreateClassSchema,
  GridCsvQuerySchema,
  parseDueAt,
  ProgressBatchSchema,
  SubmitQuizSchema,
} from './schema';

describe('due dates', () => {
  test.each([
    ['2026-05-10T18:00:00Z', '2026-05-10T18:00:00.000Z'],
    ['2026-05-10T18:00:00+02:00', '2026-05-10T16:00:00.000Z'],
    ['2026-05-10T18:00:00.5Z', '2026-05-10T18:00:00.500Z'],
    ['2026-05-10', '2026-05-10T23:59:59.999Z'],
    ['2026-05-10T18:00', '2026-05-10T18:00:00.000Z'],
    ['2026-05-10T18:00:30', '2026-05-10T18:00:30.000Z'],
    [' 2028-02-29 ', '2028-02-29T23:59:59.999Z'],
  ])('%s', (input, iso) => {
    expect(parseDueAt(input)?.toISOString()).toBe(iso);
  });

  test.each([
    '2026-02-30',
    '2026-13-01',
    '2026-05-10T25:00',
    'tomorrow',
    '10.05.2026',
    '',
    '2026-05-10T18',
    '2027-02-29T10:00Z',
  ])('%s is refused', (input) => {
    expect(parseDueAt(input)).toBeNull();
    const result = CreateAssignmentSchema.safeParse({
      classId: 'c',
      articleSlug: 'a',
      dueAt: input,
      quizEnabled: true,
    });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(fieldErrorsOf(result.error.issues, 'classroom:errors.invalid')).toEqual({
        dueAt: 'classroom:errors.dueAt',
      });
  });
});

describe('inputs', () => {
  test('a class needs a name of at most 100 characters', () => {
    expect(CreateClassSchema.parse({ name: '  10b  ' })).toEqual({ name: '10b', description: '' });
    const result = CreateClassSchema.safeParse({ name: ' ', description: 'x'.repeat(1001) });
    expect(result.success || fieldErrorsOf(result.error.issues, 'classroom:errors.invalid')).toEqual({
      name: 'classroom:errors.nameRequired',
      description: 'classroom:errors.descriptionTooLong',
    });
  });

  test('progress events: 1..50, each with what its kind needs', () => {
    const event = (over: object) => ({ id: 'evt-00000001', kind: 'open', ...over });
    expect(ProgressBatchSchema.safeParse({ assignmentId: 'a', events: [event({})] }).success).toBe(true);
    expect(ProgressBatchSchema.safeParse({ assignmentId: 'a', events: [] }).success).toBe(false);
    expect(
      ProgressBatchSchema.safeParse({
        assignmentId: 'a',
        events: Array.from({ length: 51 }, (_, i) => event({ id: `evt-${String(i).padStart(8, '0')}` })),
      }).success,
    ).toBe(false);
    for (const bad of [
      { kind: 'seen' },
      { kind: 'seen', paragraph: -1 },
      { kind: 'seen', paragraph: 1.5 },
      { kind: 'active' },
      { kind: 'active', seconds: 31 },
      { kind: 'active', seconds: 0 },
      { kind: 'lookup' },
      { kind: 'save', term: ' ' },
      { kind: 'scroll' },
      { id: 'short' },
      { id: 'has space in it' },
    ]) {
      expect(
        ProgressBatchSchema.safeParse({ assignmentId: 'a', events: [event(bad)] }).success,
        JSON.stringify(bad),
      ).toBe(false);
    }
    expect(
      ProgressBatchSchema.safeParse({
        assignmentId: 'a',
        events: [
          event({ kind: 'active', seconds: 30 }),
          event({ id: '0b5c8a4e-5d3f-4c1e-9c1a-2f7d8e9a1b2c', kind: 'lookup', term: 'Sanktion' }),
        ],
      }).success,
    ).toBe(true);
  });

  test('quiz answers: at most 100, each at most 200 characters', () => {
    expect(
      SubmitQuizSchema.safeParse({ assignmentId: 'a', answers: [{ itemId: 'x:cloze', given: 'x'.repeat(200) }] })
        .success,
    ).toBe(true);
    expect(
      SubmitQuizSchema.safeParse({ assignmentId: 'a', answers: [{ itemId: 'x:cloze', given: 'x'.repeat(201) }] })
        .success,
    ).toBe(false);
    expect(
      SubmitQuizSchema.safeParse({
        assignmentId: 'a',
        answers: Array.from({ length: 101 }, () => ({ itemId: 'x', given: '' })),
      }).success,
    ).toBe(false);
  });

  test('quizEnabled accepts form values', () => {
    const base = { classId: 'c', articleSlug: 'a-b', dueAt: '2026-05-10' };
    expect(CreateAssignmentSchema.parse({ ...base, quizEnabled: 'on' }).quizEnabled).toBe(true);
    expect(CreateAssignmentSchema.parse({ ...base, quizEnabled: 'false' }).quizEnabled).toBe(false);
    expect(CreateAssignmentSchema.parse(base).quizEnabled).toBe(true);
  });
});

describe('the class CSV query', () => {
  test.each([
    [
      { locale: 'de', tz: 'Europe/Berlin' },
      { locale: 'de', tz: 'Europe/Berlin' },
    ],
    [
      { locale: 'en', tz: 'america/new_york' },
      { locale: 'en', tz: 'America/New_York' },
    ],
    [
      { locale: null, tz: null },
      { locale: 'en', tz: 'UTC' },
    ],
    [
      { locale: 'fr', tz: 'Mars/Olympus' },
      { locale: 'en', tz: 'UTC' },
    ],
    [
      { locale: 'de', tz: '+01:00' },
      { locale: 'de', tz: 'UTC' },
    ],
    [
      { locale: ['de'], tz: 'x'.repeat(100) },
      { locale: 'en', tz: 'UTC' },
    ],
  ])('%j → %j: the download never fails on its query', (query, expected) => {
    expect(GridCsvQuerySchema.parse(query)).toEqual(expected);
  });
});
