import type { AssignmentStatus } from '@/lib/classroom/types';

/** The message of each assignment status. */
export const STATUS_KEYS: Record<AssignmentStatus, string> = {
  'not-started': 'status.notStarted',
  'in-progress': 'status.inProgress',
  done: 'status.done',
  overdue: 'status.overdue',
};

/** An assignment's status as a coloured badge (the colour repeats the word, never replaces it). */
export function AssignmentStatusBadge({ status, t }: { status: AssignmentStatus; t: (key: string) => string }) {
  return (
    <span className="status-badge assignment-status" data-status={status} data-testid="assignment-status">
      {t(STATUS_KEYS[status])}
    </span>
  );
}
