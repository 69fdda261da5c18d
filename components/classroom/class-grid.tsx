import type { TFunction } from 'i18next';
import { activeMinutes } from '@/lib/classroom/status';
import type { ClassGrid } from '@/lib/classroom/types';
import { formatNumber, formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';
import { AssignmentStatusBadge } from './status-badge';
import { LocalDateTime } from './local-date-time.client';

type Cell = ClassGrid['cells'][string][string];

/** A score as "3 / 5", whichever shape the grid gives it (points of a maximum, or a share). */
export function scoreText(locale: Locale, score: unknown): string | null {
  if (score === null || score === undefined) return null;
  if (typeof score === 'number') return formatPercent(locale, score > 1 ? score / 100 : score);
  const { score: points, maxScore } = score as { score: number; maxScore: number };
  return `${formatNumber(locale, points)} / ${formatNumber(locale, maxScore)}`;
}

/** Students × assignments: status, share read, active reading minutes and quiz score; overdue cells marked. */
export function ClassGridTable({ grid, locale, t }: { grid: ClassGrid; locale: Locale; t: TFunction }) {
  if (!grid.students.length || !grid.assignments.length)
    return (
      <p className="muted" data-testid="grid-empty">
        {t('grid.empty')}
      </p>
    );
  return (
    <div className="table-scroll">
      <table className="data-table class-grid" data-testid="class-grid">
        <caption className="visually-hidden">{t('grid.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('grid.student')}</th>
            {grid.assignments.map((assignment) => (
              <th scope="col" key={assignment.id}>
                <span lang="de">{assignment.title}</span>
                <br />
                <span className="muted">
                  {t('assignment.dueLabel')} <LocalDateTime date={assignment.dueAt} locale={locale} />
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.students.map((student) => (
            <tr key={student.id} data-testid="grid-row" data-student={student.name}>
              <th scope="row">{student.name}</th>
              {grid.assignments.map((assignment) => {
                const cell: Cell | undefined = grid.cells[student.id]?.[assignment.id];
                if (!cell) return <td key={assignment.id}>—</td>;
                const score = scoreText(locale, cell.score);
                return (
                  <td
                    key={assignment.id}
                    className="class-grid__cell"
                    data-overdue={cell.overdue || undefined}
                    data-testid="grid-cell"
                  >
                    <AssignmentStatusBadge status={cell.status} t={t} />
                    {cell.overdue && cell.status !== 'overdue' ? (
                      <span className="class-grid__overdue"> {t('grid.overdue')}</span>
                    ) : null}
                    <br />
                    <span data-testid="grid-read">{t('grid.read', { share: formatPercent(locale, cell.share) })}</span>
                    <br />
                    <span data-testid="grid-minutes" data-seconds={cell.activeSeconds}>
                      {t('grid.minutes', { minutes: activeMinutes(cell.activeSeconds) })}
                    </span>
                    <br />
                    <span data-testid="grid-score">
                      {score === null ? t('grid.noScore') : t('grid.score', { score })}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
