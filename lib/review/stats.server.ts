import 'server-only';
import { db } from '@/lib/db.server';
import { isVocabularyStatus, VOCABULARY_STATUSES, type VocabularyStatus } from '@/lib/vocabulary/status';
import { countNewCards, findMissingCards } from './card-sync.server';
import { addDays, dayKey, endOfDay, startOfDay, startOfDayKey } from './day';
import { countByDay, knownAtDayEnds, reviewTimeSince, streaks } from './history';
import { gradesToday } from './queue.server';
import { getLearnerSettings } from './settings.server';
import { REVIEWED_STATUSES } from './statuses';
import type { Dashboard } from './types';

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
  const reviewable = { userId, entry: { userId, status: { in: [...REVIEWED_STATUSES] } } };

  const [dueToday, newCards, done, statusGroups, changes, createdKnown, logs] = await Promise.all([
    db.reviewCard.count({ where: { ...reviewable, state: { not: 0 }, due: { lt: todayEnd } } }),
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
