// A due date in a datetime-local field: the value is a wall-clock time (YYYY-MM-DDTHH:mm) in the zone
// of the JavaScript that runs this, so call these in the browser only (after mount): the server does
// not know the viewer's zone.

const pad = (n: number) => String(n).padStart(2, '0');

/** The local datetime-local value of a moment, to the minute. */
export function toDueInputValue(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A week from `now`, at 18:00 local time: the default due date of a new assignment. */
export function nextWeekDueInputValue(now: number = Date.now()): string {
  return `${toDueInputValue(new Date(now + 7 * 24 * 3600 * 1000)).slice(0, 10)}T18:00`;
}

/** The instant a datetime-local value stands for, as ISO with Z; '' for an empty or invalid value (the server names the error). */
export function dueInputToInstant(value: string): string {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
}
