// A learner's day runs from local midnight to local midnight in their time zone. Computed with Intl
// only; Date's own local time is the server's, never the learner's.

/** 'YYYY-MM-DD' */
export type DayKey = string;

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** True for a zone Intl knows by name ("Europe/Berlin", "UTC"); offsets like "+01:00" are not zones. */
export function isValidTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z]/.test(timeZone)) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The canonical spelling of a valid zone ("europe/berlin" → "Europe/Berlin"). */
export function canonicalTimeZone(timeZone: string): string {
  return formatter(timeZone).resolvedOptions().timeZone;
}

function localParts(
  instant: Date,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Local wall time minus UTC at this instant, in ms (+3_600_000 for Berlin in winter). */
function offsetMs(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - (instant.getTime() - instant.getUTCMilliseconds());
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The learner-local calendar day of an instant. */
export function dayKey(instant: Date, timeZone: string): DayKey {
  const p = localParts(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

function keyToUtcMidnight(key: DayKey): number {
  const [year, month, day] = key.split('-').map(Number);
  return Date.UTC(year!, month! - 1, day!);
}

/** The calendar day n days after (or before) a day; pure calendar arithmetic, no zone involved. */
export function addDays(key: DayKey, days: number): DayKey {
  return new Date(keyToUtcMidnight(key) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The first instant of a local day. Local midnight is UTC midnight minus the zone's offset, and the
 * offset is read at both candidate instants because a DST change can lie between them; where
 * midnight itself is skipped (a few zones switch at 00:00) the day starts at the first instant that
 * belongs to it.
 */
export function startOfDayKey(key: DayKey, timeZone: string): Date {
  const wallMidnight = keyToUtcMidnight(key);
  const first = wallMidnight - offsetMs(new Date(wallMidnight), timeZone);
  const second = wallMidnight - offsetMs(new Date(first), timeZone);
  const inDay = [first, second].filter((t) => dayKey(new Date(t), timeZone) === key);
  return new Date(inDay.length ? Math.min(...inDay) : Math.max(first, second));
}

/** The local midnight that starts the day containing this instant. */
export function startOfDay(instant: Date, timeZone: string): Date {
  return startOfDayKey(dayKey(instant, timeZone), timeZone);
}

/** The local midnight that ends the day containing this instant (exclusive). */
export function endOfDay(instant: Date, timeZone: string): Date {
  return startOfDayKey(addDays(dayKey(instant, timeZone), 1), timeZone);
}
