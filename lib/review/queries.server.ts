import 'server-only';
import { db } from '@/lib/db.server';
import { isVocabularyStatus, VOCABULARY_STATUSES, type VocabularyStatus } from '@/lib/vocabulary/status';
import { type CardDirection, cardDirections, cardFace, type CardTerm } from './cards';
import { addDays, dayKey, endOfDay, isValidTimeZone, startOfDay, startOfDayKey } from './day';
import { countByDay, knownAtDayEnds, reviewTimeSince, streaks } from './history';
import type { CardStateNumber } from './ratings';
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

/** The learner's settings with what today's grades leave of their limits, and how many grades that is. */
export async function todaysLimits(userId: string, now: Date): Promise<{ limits: ReviewLimits; doneToday: number }> {
  const settings = await getLearnerSettings(userId);
  const done = await gradesToday(userId, now, settings.timeZone);
  const reviewsRemaining = Math.max(0, settings.reviewsPerDay - (done.all - done.newCards));
  const newRemaining = Math.max(0, settings.newCardsPerDay - done.newCards);
  return { limits: { ...settings, reviewsRemaining, newRemaining }, doneToday: done.all };
}

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

/**
 * The cards due now (at most `reviewsRemaining`, oldest due first) and new cards (at most
 * `newRemaining`) of the learner's words in review, of those that exist.
 */
export async function queueCards(
  userId: string,
  now: Date,
  { reviewsRemaining, newRemaining }: Pick<ReviewLimits, 'reviewsRemaining' | 'newRemaining'>,
): Promise<{ due: QueueCard[]; fresh: QueueCard[] }> {
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
  return { due: due.map(toQueueCard), fresh: fresh.map(toQueueCard) };
}

/** New cards of words still in review: known and ignored words keep theirs, unreviewed. */
export async function countNewCards(userId: string): Promise<number> {
  return db.reviewCard.count({ where: { ...reviewable(userId), state: 0 } });
}

export type NewCardRow = ReturnType<typeof newCardSchedule> & {
  entryId: string;
  userId: string;
  direction: string;
  createdAt: Date;
};

const PAGE = 200;

/**
 * Up to `wanted` cards (more when an entry's last cards overshoot) that the learner's words in
 * review still lack, oldest words first. Read-only, so the dashboard can count them too.
 */
export async function findMissingCards(userId: string, now: Date, wanted: number): Promise<NewCardRow[]> {
  const schedule = newCardSchedule(now);
  const rows: NewCardRow[] = [];
  // Only entries that may lack a card are read; a context without the word (no cloze) is read again
  // each time, so the loop pages rather than assuming each entry yields a card.
  for (let skip = 0; rows.length < wanted; skip += PAGE) {
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
      skip,
      take: PAGE,
    });
    for (const entry of entries) {
      if (rows.length >= wanted) break;
      const existing = new Set(entry.cards.map((c) => c.direction));
      for (const direction of cardDirections(entry)) {
        if (!existing.has(direction)) rows.push({ ...schedule, entryId: entry.id, userId, direction, createdAt: now });
      }
    }
    if (entries.length < PAGE) break;
  }
  return rows;
}

const CHART_DAYS = 30;

/**
 * One learner's dashboard. Read-only (cards not yet created count as new), a fixed handful of
 * queries whose rows are aggregated here; status and review histories load only the columns used.
 */
export async function getDashboard(userId: string, now: Date = new Date()): Promise<Dashboard> {
  const settings = await getLearnerSettings(userId);
  const { timeZone } = settings;
  const today = dayKey(now, timeZone);
  const todayEnd = endOfDay(now, timeZone);
  const days = Array.from({ length: CHART_DAYS }, (_, i) => addDays(today, i - CHART_DAYS + 1));
  const dayEnds = days.map((day) => startOfDayKey(addDays(day, 1), timeZone));

  const [dueToday, newCards, done, statusGroups, changes, createdKnown, logs] = await Promise.all([
    db.reviewCard.count({ where: { ...reviewable(userId), state: { not: 0 }, due: { lt: todayEnd } } }),
    countNewCards(userId),
    gradesToday(userId, now, timeZone),
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

  const newRemaining = Math.max(0, settings.newCardsPerDay - done.newCards);
  const missing = newCards >= newRemaining ? 0 : (await findMissingCards(userId, now, newRemaining - newCards)).length;
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
    dueToday,
    newAvailable: Math.min(newRemaining, newCards + missing),
    reviewsToday: reviewDays.get(today) ?? 0,
    reviewTimeTodayMs: reviewTimeSince(logs, startOfDay(now, timeZone)),
    byStatus,
    knownOverTime: days.map((day, i) => ({ day, known: known[i]! })),
    streak: streaks(new Set(reviewDays.keys()), today),
  };
}
