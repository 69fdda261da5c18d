import { describe, expect, test } from 'vitest';
import { GradeInputSchema, ratingForKey, SettingsInputSchema, SHOW_ANSWER_KEYS } from './schema';

describe('GradeInputSchema', () => {
  test('accepts the four grades, from JSON or a form', () => {
    expect(GradeInputSchema.parse({ cardId: 'c1', rating: 3, reps: 2 })).toEqual({ cardId: 'c1', rating: 3, reps: 2 });
    expect(GradeInputSchema.parse({ cardId: 'c1', rating: '1', durationMs: '2500', reps: '0' })).toEqual({
      cardId: 'c1',
      rating: 1,
      durationMs: 2500,
      reps: 0,
    });
  });

  test('refuses other ratings, a missing card id and negative durations', () => {
    for (const bad of [
      { cardId: 'c1', rating: 0, reps: 0 },
      { cardId: 'c1', rating: 5, reps: 0 },
      { cardId: 'c1', rating: 2.5, reps: 0 },
      { cardId: 'c1', rating: 'good', reps: 0 },
      { cardId: '', rating: 3, reps: 0 },
      { rating: 3, reps: 0 },
      { cardId: 'c1', rating: 3, reps: 0, durationMs: -1 },
    ]) {
      expect(GradeInputSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(GradeInputSchema.safeParse({ cardId: 'c1', rating: 9, reps: 0 }).error?.issues[0]?.message).toBe(
      'review:errors.ratingInvalid',
    );
  });

  test('a grade without the card’s reps (or with a malformed one) is refused: it could be replayed', () => {
    for (const reps of [undefined, null, '', -1, 1.5, 'two'])
      expect(GradeInputSchema.safeParse({ cardId: 'c1', rating: 3, reps }).success, String(reps)).toBe(false);
  });
});

describe('SettingsInputSchema', () => {
  const valid = { newCardsPerDay: 20, reviewsPerDay: 200, timeZone: 'Europe/Berlin' };

  test('accepts limits in range and a known zone, spelled canonically', () => {
    expect(SettingsInputSchema.parse(valid)).toEqual(valid);
    expect(
      SettingsInputSchema.parse({ newCardsPerDay: '0', reviewsPerDay: '2000', timeZone: ' europe/berlin ' }),
    ).toEqual({ newCardsPerDay: 0, reviewsPerDay: 2000, timeZone: 'Europe/Berlin' });
    expect(SettingsInputSchema.parse({ ...valid, timeZone: 'UTC' }).timeZone).toBe('UTC');
  });

  test('refuses limits out of range and unknown zones, naming the field', () => {
    const issue = (input: object) => SettingsInputSchema.safeParse({ ...valid, ...input }).error?.issues[0];
    expect(issue({ newCardsPerDay: 201 })).toMatchObject({
      path: ['newCardsPerDay'],
      message: 'review:settings.errors.newCardsPerDay',
    });
    expect(issue({ newCardsPerDay: -1 })?.path).toEqual(['newCardsPerDay']);
    expect(issue({ newCardsPerDay: 1.5 })?.path).toEqual(['newCardsPerDay']);
    expect(issue({ newCardsPerDay: null })?.path).toEqual(['newCardsPerDay']);
    expect(issue({ newCardsPerDay: '' })?.path).toEqual(['newCardsPerDay']);
    expect(issue({ reviewsPerDay: 2001 })).toMatchObject({
      path: ['reviewsPerDay'],
      message: 'review:settings.errors.reviewsPerDay',
    });
    expect(issue({ timeZone: 'Mars/Olympus' })).toMatchObject({
      path: ['timeZone'],
      message: 'review:settings.errors.timeZone',
    });
    expect(issue({ timeZone: '+02:00' })?.path).toEqual(['timeZone']);
  });
});

test('keys 1–4 grade, other keys do not', () => {
  expect(['1', '2', '3', '4', '5', 'a', ' ', 'toString'].map(ratingForKey)).toEqual([
    1,
    2,
    3,
    4,
    null,
    null,
    null,
    null,
  ]);
  expect(SHOW_ANSWER_KEYS).toContain(' ');
});
