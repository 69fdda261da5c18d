import { z } from 'zod';
import { canonicalTimeZone, isValidTimeZone } from './day';
import { REVIEW_RATINGS, type ReviewRating } from './ratings';

// Review input at the boundary. Messages are i18n keys in the review namespace.

// Numbers arrive as JSON numbers or form strings; z.coerce would also turn null and '' into 0.
const numeric = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), schema);

const rating = numeric(z.number({ error: 'review:errors.ratingInvalid' })).pipe(
  z.union(
    REVIEW_RATINGS.map((r) => z.literal(r)),
    { error: 'review:errors.ratingInvalid' },
  ),
);

/**
 * A grade from the review page. reps is the card's reps when it was shown: a stale value means the
 * grade was already applied. Required, so that no grade (a double submit, a replayed request) can be
 * applied twice.
 */
export const GradeInputSchema = z.object({
  cardId: z
    .string({ error: 'review:errors.cardNotFound' })
    .trim()
    .min(1, 'review:errors.cardNotFound')
    .max(64, 'review:errors.cardNotFound'),
  rating,
  reps: numeric(z.number().int().min(0)),
  durationMs: numeric(z.number().int().min(0).max(86_400_000)).optional(),
});
export type GradeInput = z.input<typeof GradeInputSchema>;

/** How a grade is refused when its card was graded meanwhile (another tab, a double submit). */
export const ALREADY_GRADED = 'review:errors.alreadyGraded';

const limit = (max: number, key: string) => numeric(z.number({ error: key }).int(key).min(0, key).max(max, key));

export const SettingsInputSchema = z.object({
  newCardsPerDay: limit(200, 'review:settings.errors.newCardsPerDay'),
  reviewsPerDay: limit(2000, 'review:settings.errors.reviewsPerDay'),
  timeZone: z
    .string({ error: 'review:settings.errors.timeZone' })
    .trim()
    .refine(isValidTimeZone, 'review:settings.errors.timeZone')
    .transform(canonicalTimeZone),
});

/** Keyboard grading: 1–4 grade once the answer shows; space or Enter shows it. */
export const GRADE_KEYS = { '1': 1, '2': 2, '3': 3, '4': 4 } as const satisfies Record<string, ReviewRating>;
export const SHOW_ANSWER_KEYS = [' ', 'Enter'] as const;

/** The grade a key gives (KeyboardEvent.key), or null. */
export function ratingForKey(key: string): ReviewRating | null {
  return Object.hasOwn(GRADE_KEYS, key) ? GRADE_KEYS[key as keyof typeof GRADE_KEYS] : null;
}

/** The i18n key naming each grade on its button. */
export const RATING_LABEL_KEYS = {
  1: 'review:grade.again',
  2: 'review:grade.hard',
  3: 'review:grade.good',
  4: 'review:grade.easy',
} as const satisfies Record<ReviewRating, string>;
