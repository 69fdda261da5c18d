import 'server-only';
import { db } from '@/lib/db.server';
import { isVocabularyStatus, VOCABULARY_STATUSES, type VocabularyStatus } from '@/lib/vocabulary/status';
import { type CardDirection, cardDirections, cardFace, type CardTerm } from './cards';
import { addDays, dayKey, endOfDay, isValidTimeZone, startOfDay, startOfDayKey } from './day';
import { countByDay, knownAtDayEnds, reviewTimeSince, streaks } from './history';
import type { CardStateNumber } from './ratings';
import { LEARN_AHEAD_MS, planDay } from './queue';
import { newCardSchedule } from './scheduler';
import { REVIEWED_STATUSES } from './statuses';
import type { Dashboard, LearnerSettingsView, QueueCard, ReviewLimits } from './types';

// Reads of one learner's review: settings, today's limits and queue, the cards their words still lack,
// and the dashboard. Every query filters by the learner's id; personal data, never shared-cached.

export const DEFAULT_SETTINGS: LearnerSettingsView = { newCardsPerDay: 20, reviewsPerDay: 200, timeZone: 'UTC' };

/** The learner's settings; the defaults until they save their own. */
export async function getLearnerSettings(userId: string): Promise<LearnerSettingsView> {
  const row = await db.learnerSettings.findUnique({
    where: { userId },
    select: { newCardsPerDay: true, reviewsPerDay: true, timeZone: true },
  });
  if (!row) return { ...DEFAULT_SETTINGS };
  // A zone this runtime does not know (stored by a newer one) must not break every day computation.
  return { ...row, timeZone: isValidTimeZone(row.timeZone) ? row.timeZone : DEFAULT_SETTINGS.timeZone };
}

/** Grades given today in the learner's zone: all, those that introduced a new card, and those of review cards. */
function gradesToday(logs: readonly TodaysLog[], now: Date, timeZone: string) {
  const [from, until] = [startOfDay(now, timeZone), endOfDay(now, timeZone)];
  const today = logs.filter((log) => log.reviewedAt >= from && log.reviewedAt < until);
  // A log keeps the card's state before the grade: state 0 introduced a new card, state 2 was a
  // review. Grades in a learning step (1, 3) count against neither limit, as in Anki: a card graded
  // Again must be able to come back however many reviews the day has had.
  return {
    all: today.length,
    newCards: today.filter((log) => log.state === 0).length,
    reviews: today.filter((log) => log.state === 2).length,
    /** The words graded today. */
    touched: new Set(today.map((log) => log.card.entryId)),
  };
}

type TodaysLog = { reviewedAt: Date; state: number; card: { entryId: string } };

/**
 * How far from `now` a day in any zone can begin or end (UTC−12 to UTC+14, a day of up to 25 hours):
 * the window the first reads use before the learner's zone is known. The grades and learning cards of
 * this window are few, and the zone's day is then cut from them here.
 */
const ANY_ZONE_MS = 2 * 24 * 60 * 60_000;

/** Cards of this learner's words that are still being learned; known and ignored words keep theirs, unreviewed. */
function reviewable(userId: string) {
  return { userId, entry: { userId, status: { in: [...REVIEWED_STATUSES] } } };
}

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
      term: { select: { gender: true, plural: true, englishPreferred: true, kind: true } },
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
    term: { gender: string | null; plural: string | null; englishPreferred: string; kind: string } | null;
  };
};

const order = [{ due: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }] as const;

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

const asCandidate = (row: QueueRow) => ({
  id: row.id,
  entryId: row.entry.id,
  direction: row.direction as CardDirection,
  row,
});

export type NewCardRow = ReturnType<typeof newCardSchedule> & {
  entryId: string;
  userId: string;
  direction: string;
  createdAt: Date;
};

/**
 * What today holds for one learner: the single answer to "what is due, what is new" that the review
 * page, its end screen and the dashboard all show (ADR 023). Read-only: new cards of words that have
 * none yet are returned as `missing` rows, which the review page creates and the dashboard counts.
 *
 * - due: (re)learning cards whose step ends within the learn-ahead window, then review cards due
 *   before the end of the learner's day, oldest first, within the review limit;
 * - fresh: one new card per word, within the new-card limit;
 * - siblings are buried: no word has two cards in the queue, and a word graded today has none but
 *   its learning cards; the buried cards stay due for tomorrow;
 * - laterToday: (re)learning cards whose step ends later today.
 */
export async function planToday(userId: string, now: Date): Promise<TodayPlan> {
  const where = reviewable(userId);
  const aheadUntil = new Date(now.getTime() + LEARN_AHEAD_MS);
  // One round trip for the settings, today's grades and the learning cards (the zone's day is cut from
  // a window that holds it in every zone); then the review cards, then the new ones, whose bounds
  // depend on what came before.
  const [settings, logs, learningCards] = await Promise.all([
    getLearnerSettings(userId),
    db.reviewLog.findMany({
      where: { userId, reviewedAt: { gte: new Date(now.getTime() - ANY_ZONE_MS) } },
      select: { reviewedAt: true, state: true, card: { select: { entryId: true } } },
    }),
    db.reviewCard.findMany({
      where: { ...where, state: { in: [1, 3] }, due: { lt: new Date(now.getTime() + ANY_ZONE_MS) } },
      select: queueSelect,
      orderBy: [...order],
    }),
  ]);
  const done = gradesToday(logs, now, settings.timeZone);
  const limits: ReviewLimits = {
    ...settings,
    reviewsRemaining: Math.max(0, settings.reviewsPerDay - done.reviews),
    newRemaining: Math.max(0, settings.newCardsPerDay - done.newCards),
  };
  const { reviewsRemaining, newRemaining } = limits;
  const doneToday = done.all;
  const dayEnd = endOfDay(now, settings.timeZone);
  const learning = learningCards.filter((card) => card.due <= aheadUntil);
  const laterToday = learningCards.filter((card) => card.due > aheadUntil && card.due < dayEnd).length;
  const { touched } = done;
  const taken = touched.size + learning.length;
  // Each buried card is a sibling (at most two more per word) of a word already taken or kept, so
  // these bounds always read enough candidates to fill the limits.
  const review =
    reviewsRemaining === 0
      ? []
      : await db.reviewCard.findMany({
          where: { ...where, state: 2, due: { lt: dayEnd } },
          select: queueSelect,
          orderBy: [...order],
          take: 3 * (reviewsRemaining + taken),
        });
  const fresh =
    newRemaining === 0
      ? []
      : await db.reviewCard.findMany({
          where: { ...where, state: 0 },
          select: queueSelect,
          orderBy: [{ entry: { createdAt: 'asc' } }, { entryId: 'asc' }, { id: 'asc' }],
          take: 3 * (newRemaining + taken + Math.min(review.length, reviewsRemaining)),
        });

  const plan = planDay({
    learning: learning.map(asCandidate),
    review: review.map(asCandidate),
    fresh: fresh.map(asCandidate),
    touched,
    reviewsRemaining,
    newRemaining,
  });
  const inQueue = new Set([...touched, ...[...plan.learning, ...plan.review, ...plan.fresh].map((c) => c.entryId)]);
  const wanted = newRemaining - plan.fresh.length;
  const missing = wanted > 0 ? await findMissingCards(userId, now, wanted, inQueue) : { rows: [], words: 0 };
  return {
    limits,
    doneToday,
    due: [...plan.learning, ...plan.review].map((c) => toQueueCard(c.row)),
    fresh: plan.fresh.map((c) => toQueueCard(c.row)),
    missing: missing.rows,
    newAvailable: plan.fresh.length + missing.words,
    laterToday,
    dayEnd,
  };
}

export type TodayPlan = {
  limits: ReviewLimits;
  /** Grades given today, new cards included. */
  doneToday: number;
  /** Learning cards, then review cards, in the order to show them. */
  due: QueueCard[];
  /** One new card per word. */
  fresh: QueueCard[];
  /** The cards of words that have none yet and that today's new-card limit lets in. */
  missing: NewCardRow[];
  /** fresh plus the words of `missing`: what the new-card tile and the review page count. */
  newAvailable: number;
  laterToday: number;
  /** The end of the learner's day (exclusive). */
  dayEnd: Date;
};

const PAGE = 200;

/**
 * The cards that up to `wantedWords` of the learner's words in review still lack, oldest words
 * first, skipping the words in `skip` (already in today's queue, or buried). Read-only: the review
 * page creates them, the dashboard counts them.
 */
export async function findMissingCards(
  userId: string,
  now: Date,
  wantedWords: number,
  skip: ReadonlySet<string> = new Set(),
): Promise<{ rows: NewCardRow[]; words: number }> {
  const schedule = newCardSchedule(now);
  const rows: NewCardRow[] = [];
  let words = 0;
  // Only entries that may lack a card are read; a context without the word (no cloze) is read again
  // each time, so the loop pages rather than assuming each entry yields a card.
  for (let offset = 0; words < wantedWords; offset += PAGE) {
    const entries = await db.vocabularyEntry.findMany({
      where: {
        userId,
        status: { in: [...REVIEWED_STATUSES] },
        OR: [
          { cards: { none: { direction: 'de-en' } } },
          { cards: { none: { direction: 'en-de' } } },
          { contextDe: { not: null }, cards: { none: { direction: 'cloze' } } },
        ],
      },
      select: {
        id: true,
        lemma: true,
        translation: true,
        contextDe: true,
        contextEn: true,
        surface: true,
        cards: { select: { direction: true } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      skip: offset,
      take: PAGE,
    });
    for (const entry of entries) {
      if (words >= wantedWords) break;
      if (skip.has(entry.id)) continue;
      const existing = new Set(entry.cards.map((c) => c.direction));
      const lacking = cardDirections(entry).filter((direction) => !existing.has(direction));
      if (lacking.length === 0) continue;
      words++;
      for (const direction of lacking) rows.push({ ...schedule, entryId: entry.id, userId, direction, createdAt: now });
    }
    if (entries.length < PAGE) break;
  }
  return { rows, words };
}

const CHART_DAYS = 30;

/**
 * One learner's dashboard. Read-only (cards not yet created count as new); what is due and new comes
 * from planToday, as on the review page. Status and review histories load only the columns used.
 */
export async function getDashboard(userId: string, now: Date = new Date()): Promise<Dashboard> {
  const plan = await planToday(userId, now);
  const { timeZone } = plan.limits;
  const today = dayKey(now, timeZone);
  const todayEnd = endOfDay(now, timeZone);
  const days = Array.from({ length: CHART_DAYS }, (_, i) => addDays(today, i - CHART_DAYS + 1));
  const dayEnds = days.map((day) => startOfDayKey(addDays(day, 1), timeZone));

  const [user, statusGroups, changes, createdKnown, logs] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { createdAt: true } }),
    db.vocabularyEntry.groupBy({ by: ['status'], where: { userId }, _count: { _all: true } }),
    db.statusChange.findMany({
      where: { userId, changedAt: { lt: todayEnd } },
      select: { entryId: true, status: true, changedAt: true },
      orderBy: [{ changedAt: 'asc' }, { id: 'asc' }],
    }),
    db.vocabularyEntry.findMany({
      where: { userId, status: 'known', statusChanges: { none: {} } },
      select: { createdAt: true },
    }),
    db.reviewLog.findMany({
      where: { userId, reviewedAt: { lt: todayEnd } },
      select: { reviewedAt: true, durationMs: true },
      orderBy: { reviewedAt: 'asc' },
    }),
  ]);

  const byStatus = Object.fromEntries(VOCABULARY_STATUSES.map((s) => [s, 0])) as Record<VocabularyStatus, number>;
  for (const group of statusGroups) if (isVocabularyStatus(group.status)) byStatus[group.status] = group._count._all;

  const known = knownAtDayEnds(
    changes,
    createdKnown.map((e) => e.createdAt),
    dayEnds,
  );
  const reviewDays = countByDay(
    logs.map((l) => l.reviewedAt),
    timeZone,
  );

  return {
    today,
    timeZone,
    dueToday: plan.due.length,
    newAvailable: plan.newAvailable,
    laterToday: plan.laterToday,
    returning: user !== null && user.createdAt < startOfDay(now, timeZone),
    reviewsToday: reviewDays.get(today) ?? 0,
    reviewTimeTodayMs: reviewTimeSince(logs, startOfDay(now, timeZone)),
    byStatus,
    knownOverTime: days.map((day, i) => ({ day, known: known[i]! })),
    streak: streaks(new Set(reviewDays.keys()), today),
  };
}
