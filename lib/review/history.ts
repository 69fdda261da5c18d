import { addDays, type DayKey, dayKey, startOfDayKey } from './day';
import type { Streak } from './types';

// Dashboard arithmetic over histories already loaded: pure, one pass each.

/** Reviews per learner-local day, from instants in ascending order. Intl runs once per day, not per review. */
export function countByDay(sortedInstants: readonly Date[], timeZone: string): Map<DayKey, number> {
  const counts = new Map<DayKey, number>();
  let key = '';
  let start = Infinity;
  let end = -Infinity;
  for (const instant of sortedInstants) {
    const t = instant.getTime();
    if (t < start || t >= end) {
      key = dayKey(instant, timeZone);
      start = startOfDayKey(key, timeZone).getTime();
      end = startOfDayKey(addDays(key, 1), timeZone).getTime();
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** A card left on screen counts at most this long (as Anki caps answer time): a pause is not study. */
export const COUNTED_REVIEW_MS_MAX = 120_000;

/** Study time of reviews at or after `since`, each counted up to COUNTED_REVIEW_MS_MAX; untimed reviews count nothing. */
export function reviewTimeSince(logs: readonly { reviewedAt: Date; durationMs: number | null }[], since: Date): number {
  let total = 0;
  for (const log of logs)
    if (log.reviewedAt >= since && log.durationMs !== null) total += Math.min(log.durationMs, COUNTED_REVIEW_MS_MAX);
  return total;
}

/**
 * Consecutive days with a review. The current streak runs back from today, or from yesterday while
 * today has none yet: a streak is not lost before the day is over.
 */
export function streaks(days: ReadonlySet<DayKey>, today: DayKey): Streak {
  let current = 0;
  for (let day = days.has(today) ? today : addDays(today, -1); days.has(day); day = addDays(day, -1)) current++;
  let longest = 0;
  for (const day of days) {
    if (days.has(addDays(day, -1))) continue; // not the first day of its run
    let length = 1;
    while (days.has(addDays(day, length))) length++;
    longest = Math.max(longest, length);
  }
  return { current, longest };
}

export type StatusEvent = { entryId: string; status: string; changedAt: Date };

/**
 * How many words were known at the end of each day. Each entry's known-ness follows its status
 * changes in time order; `knownSince` adds words that became known without a change record (created
 * known). dayEnds are ascending, exclusive ends.
 */
export function knownAtDayEnds(
  changes: readonly StatusEvent[],
  knownSince: readonly Date[],
  dayEnds: readonly Date[],
): number[] {
  const deltas = new Array<number>(dayEnds.length).fill(0);
  const add = (at: Date, delta: number) => {
    const t = at.getTime();
    let lo = 0;
    let hi = dayEnds.length; // first day whose end is after t
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dayEnds[mid]!.getTime() > t) hi = mid;
      else lo = mid + 1;
    }
    if (lo < dayEnds.length) deltas[lo]! += delta;
  };
  const sorted = [...changes].sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime());
  const known = new Set<string>();
  for (const change of sorted) {
    const isKnown = change.status === 'known';
    if (isKnown === known.has(change.entryId)) continue;
    if (isKnown) known.add(change.entryId);
    else known.delete(change.entryId);
    add(change.changedAt, isKnown ? 1 : -1);
  }
  for (const since of knownSince) add(since, 1);
  let running = 0;
  return deltas.map((delta) => (running += delta));
}
