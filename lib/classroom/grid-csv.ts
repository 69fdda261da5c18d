import Papa from 'papaparse';
import { formatSortableDateTime } from '@/lib/format';
import { escapeCell } from '@/lib/spreadsheet-csv';
import { activeMinutes, readPercent } from './status';
import type { AssignmentStatus, ClassGrid } from './types';

// The class grid as a spreadsheet file (docs/decisions/027-teacher-dashboard-and-class-csv.md). Pure:
// the grid, its labels in the teacher's language and the teacher's time zone in, CSV text out.

/** The header row and status words, in the teacher's language (built from locales/<locale>/classroom.json). */
export type GridCsvLabels = {
  student: string;
  email: string;
  assignment: string;
  /** Names the zone the dates are written in, e.g. "Due (Europe/Berlin)". */
  due: string;
  status: string;
  read: string;
  minutes: string;
  completed: string;
  points: string;
  maxPoints: string;
  percent: string;
  statuses: Record<AssignmentStatus, string>;
};

const number = (value: number | null) => (value === null ? '' : String(value));

/**
 * RFC 4180 CSV (CRLF, quoted where needed) with a UTF-8 byte order mark, so that Excel reads umlauts:
 * one row per student and assignment (students A–Z, then assignments soonest due first), with e-mail,
 * due and completion moments as "2026-05-09 14:00" in `timeZone`, share read in whole percent, active
 * minutes rounded as the class page rounds them, and the best quiz score in numeric columns (points,
 * maximum, percent): never "3/5", which Excel turns into the 3rd of May. A cell that a spreadsheet would
 * run as a formula is escaped.
 */
export function gridToCsv(grid: ClassGrid, labels: GridCsvLabels, timeZone: string): string {
  const fields = [
    labels.student,
    labels.email,
    labels.assignment,
    labels.due,
    labels.status,
    labels.read,
    labels.minutes,
    labels.completed,
    labels.points,
    labels.maxPoints,
    labels.percent,
  ];
  const rows = grid.students.flatMap((student) =>
    grid.assignments.map((assignment) => {
      const cell = grid.cells[student.id]?.[assignment.id];
      const score = cell?.score ?? null;
      return [
        student.name,
        student.email,
        assignment.title,
        formatSortableDateTime(assignment.dueAt, timeZone),
        cell ? labels.statuses[cell.status] : '',
        number(cell ? readPercent(cell.share) : null),
        number(cell ? activeMinutes(cell.activeSeconds) : null),
        cell?.doneAt ? formatSortableDateTime(cell.doneAt, timeZone) : '',
        number(score?.score ?? null),
        number(score?.maxScore ?? null),
        number(score && score.maxScore > 0 ? Math.round((score.score / score.maxScore) * 100) : null),
      ].map(escapeCell);
    }),
  );
  return `\uFEFF${Papa.unparse({ fields: fields.map(escapeCell), data: rows }, { newline: '\r\n' })}\r\n`;
}
