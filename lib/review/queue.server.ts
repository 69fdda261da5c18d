import 'server-only';
import { fieldErrorsOf } from '@/lib/action-result';
import { db } from '@/lib/db.server';
import type { VocabularyStatus } from '@/lib/vocabulary/status';
import { type CardDirection, cardFace, type CardTerm } from './cards';
import { ensureReviewCards } from './card-sync.server';
import { endOfDay, startOfDay } from './day';
import { gradeCard, type CardStateNumber } from './scheduler';
import { GradeInputSchema } from './schema';
import { getLearnerSettings } from './settings.server';
import { REVIEWED_STATUSES } from './statuses';
import type { GradeResult, QueueCard, ReviewQueue } from './types';

const queueSelect = {
  id: true,
  direction: true,
  due: true,
  state: true,
  reps: true,
  entry: {
    select: {
      id: true,
      lemma: true,
      translation: true,
      status: true,
      contextDe: true,
      contextEn: true,
      surface: true,
      term: { select: { gender: true, plural: true, englishPreferred: true } },
    },
  },
} as const;

type QueueRow = {
  id: string;
  direction: string;
  due: Date;
  state: number;
  reps: number;
  entry: {
    id: string;
    lemma: string;
    translation: string;
    status: string;
    contextDe: string | null;
    contextEn: string | null;
    surface: string | null;
    term: { gender: string | null; plural: string | null; englishPreferred: string } | null;
  };
};

const order = [{ due: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] as const;

/** Cards of this learner's words that are still being learned; known and ignored words keep theirs, unreviewed. */
function reviewable(userId: string) {
  return { userId, entry: { userId, status: { in: [...REVIEWED_STATUSES] } } };
}

function toQueueCard(row: QueueRow): QueueCard {
  const direction = row.direction as CardDirection;
  return {
    id: row.id,
    direction,
    face: cardFace(direction, row.entry, row.entry.term as CardTerm | null),
    state: row.state as CardStateNumber,
    reps: row.reps,
    due: row.due.toISOString(),
    entry: {
      id: row.entry.id,
      lemma: row.entry.lemma,
      translation: row.entry.translation,
      status: row.entry.status as VocabularyStatus,
    },
  };
}

/** Grades given today in the learner's zone: all of them, and those that introduced a new card. */
export async function gradesToday(
  userId: string,
  now: Date,
  timeZone: string,
): Promise<{ all: number; newCards: number }> {
  const reviewedAt = { gte: startOfDay(now, timeZone), lt: endOfDay(now, timeZone) };
  // A card is new (state 0) only until its first grade, so state-0 logs count introduced cards.
  const [all, newCards] = await Promise.all([
    db.reviewLog.count({ where: { userId, reviewedAt } }),
    db.reviewLog.count({ where: { userId, reviewedAt, state: 0 } }),
  ]);
  return { all, newCards };
}

/**
 * Today's review session: creates as many missing cards of words in review as today's new cards
 * need, then takes the cards due now (within reviewsPerDay minus today's reviews) and new cards
 * (within newCardsPerDay minus the new cards begun today).
 */
export async function getReviewQueue(userId: string, now: Date = new Date()): Promise<ReviewQueue> {
  const settings = await getLearnerSettings(userId);
  const done = await gradesToday(userId, now, settings.timeZone);
  const reviewsRemaining = Math.max(0, settings.reviewsPerDay - (done.all - done.newCards));
  const newRemaining = Math.max(0, settings.newCardsPerDay - done.newCards);
  await ensureReviewCards(userId, now, newRemaining);
  const [due, fresh] = await Promise.all([
    reviewsRemaining === 0
      ? []
      : db.reviewCard.findMany({
          where: { ...reviewable(userId), state: { not: 0 }, due: { lte: now } },
          select: queueSelect,
          orderBy: [...order],
          take: reviewsRemaining,
        }),
    newRemaining === 0
      ? []
      : db.reviewCard.findMany({
          where: { ...reviewable(userId), state: 0 },
          select: queueSelect,
          orderBy: [...order],
          take: newRemaining,
        }),
  ]);
  return {
    cards: [...due, ...fresh].map(toQueueCard),
    dueCount: due.length,
    newCount: fresh.length,
    doneToday: done.all,
    limits: { ...settings, reviewsRemaining, newRemaining },
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
 * Grades one of the learner's cards with FSRS: the new schedule and its log in one transaction.
 * The update only applies while the card still has the reps it was read with, so of two concurrent
 * submits of one grade exactly one is applied; the other, and a submit whose `reps` is stale, is a
 * conflict with nothing written.
 */
export async function gradeReviewCard(userId: string, input: unknown, now: Date = new Date()): Promise<GradeResult> {
  const parsed = GradeInputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      reason: 'invalid',
      formError: 'review:errors.invalidInput',
      fieldErrors: fieldErrorsOf(parsed.error.issues),
    };
  }
  const { cardId, rating, reps, durationMs } = parsed.data;
  const card = await db.reviewCard.findFirst({ where: { id: cardId, userId }, select: scheduleSelect });
  if (!card) return { ok: false, reason: 'not-found', formError: 'review:errors.cardNotFound' };
  const conflict = { ok: false, reason: 'conflict', formError: 'review:errors.alreadyGraded' } as const;
  if (reps !== undefined && reps !== card.reps) return conflict;

  const next = gradeCard(card, rating, now);
  const applied = await db.$transaction(async (tx) => {
    const { count } = await tx.reviewCard.updateMany({
      where: { id: cardId, userId, reps: card.reps },
      data: next.card,
    });
    if (count === 0) return false;
    await tx.reviewLog.create({ data: { cardId, userId, ...next.log, durationMs } });
    return true;
  });
  if (!applied) return conflict;
  return {
    ok: true,
    data: {
      id: cardId,
      due: next.card.due.toISOString(),
      state: next.card.state as CardStateNumber,
      reps: next.card.reps,
      lapses: next.card.lapses,
      scheduledDays: next.card.scheduledDays,
    },
  };
}
