import type { AssignmentReading, AssignmentStatus, ProgressView } from './types';

// A student's status in an assignment, from the folded progress and an explicit `now`. Pure.

export type StatusInput = { dueAt: Date; openedAt: Date | null; doneAt: Date | null };

/** done if marked done (even late); overdue if past due and not done; in progress once opened. */
export function assignmentStatus(progress: StatusInput, now: Date): AssignmentStatus {
  if (progress.doneAt) return 'done';
  if (now.getTime() > progress.dueAt.getTime()) return 'overdue';
  if (progress.openedAt) return 'in-progress';
  return 'not-started';
}

/** Share of paragraphs seen, 0..1; 0 while the article's paragraph count is unknown. */
export function readShare(seen: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(1, Math.max(0, seen / count));
}

/**
 * Active reading time in whole minutes, a started minute counted up (30 s → 1): the one rounding of the
 * class grid, the teacher's dashboard and the CSV, so that the export says what the page said.
 */
export function activeMinutes(seconds: number): number {
  return Math.ceil(Math.max(0, seconds) / 60);
}

/** Share read as a whole percentage, 0..100 (the CSV's figure; pages format the share themselves). */
export function readPercent(share: number): number {
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}

/** The stored JSON list of paragraph positions; anything malformed counts as none. */
export function parseSeen(json: string): number[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((n): n is number => Number.isInteger(n) && n >= 0) : [];
  } catch {
    return [];
  }
}

export type ProgressRow = {
  openedAt: Date | null;
  paragraphsSeen: string;
  paragraphCount: number;
  activeSeconds: number;
  doneAt: Date | null;
};

export function toProgressView(row: ProgressRow): ProgressView {
  const seen = parseSeen(row.paragraphsSeen).length;
  return {
    openedAt: row.openedAt,
    paragraphsSeen: seen,
    paragraphCount: row.paragraphCount,
    share: readShare(seen, row.paragraphCount),
    activeSeconds: row.activeSeconds,
    doneAt: row.doneAt,
  };
}

/**
 * A class's reading of one assignment from its students' progress rows (one per student who opened
 * it): a student without a row has read 0 %.
 */
export function readingSummary(students: number, rows: readonly ProgressRow[]): AssignmentReading {
  const shares = rows.map((row) => toProgressView(row).share);
  const total = shares.reduce((sum, share) => sum + share, 0);
  return {
    students,
    opened: rows.filter((row) => row.openedAt !== null).length,
    done: rows.filter((row) => row.doneAt !== null).length,
    averageShare: students > 0 ? Math.min(1, total / students) : 0,
  };
}

/** The i18n key of each status (namespace `classroom`). */
export const STATUS_MESSAGE_KEYS = {
  'not-started': 'classroom:status.notStarted',
  'in-progress': 'classroom:status.inProgress',
  done: 'classroom:status.done',
  overdue: 'classroom:status.overdue',
} as const satisfies Record<AssignmentStatus, string>;
