import 'server-only';
import { command } from '@/lib/action.server';
import { signedIn } from '@/lib/auth/guards.server';
import { db } from '@/lib/db.server';
import { prismaErrorCode } from '@/lib/db-retry.server';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { planToday } from './queries.server';
import { arrangeSiblings } from './queue';
import type { CardStateNumber } from './ratings';
import { gradeCard } from './scheduler';
import { ALREADY_GRADED, GradeInputSchema, SettingsInputSchema } from './schema';
import type { GradedCard, LearnerSettingsView, ReviewQueue } from './types';

// The writes of review: cards created on demand, grades, settings. Grading and settings are commands
// (lib/action.server.ts): the pipeline has proved the acting user and parsed the input.

const INVALID = 'review:errors.invalidInput';

/**
 * Today's review session (planToday): due cards, then new cards, one per word. The cards of words
 * that have none yet are created here, on demand and only as many words as today's new cards need,
 * so that 20,000 imported words cost one page of inserts, not 60,000 rows at once. createMany's
 * skipDuplicates does not exist on SQLite, so a concurrent request that created some first makes this
 * insert fail as a whole (one statement); the day is then planned again.
 */
export async function getReviewQueue(userId: string, now: Date = new Date()): Promise<ReviewQueue> {
  let plan = await planToday(userId, now);
  for (let attempt = 1; plan.missing.length > 0 && attempt <= 3; attempt++) {
    try {
      await db.reviewCard.createMany({ data: plan.missing });
    } catch (error) {
      if (prismaErrorCode(error) !== 'P2002' || attempt >= 3) throw error;
    }
    plan = await planToday(userId, now);
  }
  return {
    cards: arrangeSiblings([...plan.due, ...plan.fresh], (card) => card.entry.id),
    dueCount: plan.due.length,
    newCount: plan.fresh.length,
    doneToday: plan.doneToday,
    laterToday: plan.laterToday,
    dayEnd: plan.dayEnd.toISOString(),
    limits: plan.limits,
  };
}

const scheduleSelect = {
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
} as const;

/**
 * Grading one of the learner's cards with FSRS at the time `now` gives (the request's; tests fix it):
 * the new schedule and its log in one transaction. The update only applies while the card still has
 * the reps it was read with, so of two concurrent submits of one grade exactly one is applied; the
 * other, and a submit whose `reps` (required) is stale, is refused as ALREADY_GRADED with nothing
 * written: a grade cannot be replayed. A card
 * of another learner is refused exactly like a missing one.
 */
export function gradeReviewCardAt(now: () => Date) {
  return command({
    input: GradeInputSchema,
    invalid: INVALID,
    guard: signedIn,
    run: async ({ userId }, { cardId, rating, reps, durationMs }): Promise<GradedCard> => {
      const at = now();
      const card = await db.reviewCard.findFirst({ where: { id: cardId, userId }, select: scheduleSelect });
      if (!card) throw new NotFoundError('review:errors.cardNotFound');
      if (reps !== card.reps) throw new ConflictError(ALREADY_GRADED);

      const next = gradeCard(card, rating, at);
      const applied = await db.$transaction(async (tx) => {
        const { count } = await tx.reviewCard.updateMany({
          where: { id: cardId, userId, reps: card.reps },
          data: next.card,
        });
        if (count === 0) return false;
        await tx.reviewLog.create({ data: { cardId, userId, ...next.log, durationMs } });
        return true;
      });
      if (!applied) throw new ConflictError(ALREADY_GRADED);
      return {
        id: cardId,
        due: next.card.due.toISOString(),
        state: next.card.state as CardStateNumber,
        reps: next.card.reps,
        lapses: next.card.lapses,
        scheduledDays: next.card.scheduledDays,
      };
    },
  });
}

export const gradeReviewCard = gradeReviewCardAt(() => new Date());

/** The learner's daily limits and time zone. Personal: no shared page shows them. */
export const updateLearnerSettings = command({
  input: SettingsInputSchema,
  invalid: INVALID,
  guard: signedIn,
  run: ({ userId }, settings): Promise<LearnerSettingsView> =>
    db.learnerSettings.upsert({
      where: { userId },
      create: { userId, ...settings },
      update: settings,
      select: { newCardsPerDay: true, reviewsPerDay: true, timeZone: true },
    }),
});
