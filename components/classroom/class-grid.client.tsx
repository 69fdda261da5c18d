'use client';
import { useTranslation } from 'react-i18next';
import { activeMinutes } from '@/lib/classroom/status';
import type { AssignmentStatus } from '@/lib/classroom/types';
import { formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';
import { LocalDateTime } from './local-date-time.client';
import { AssignmentStatusBadge } from './status-badge';

/** One cell as it travels to the browser: status, share read, active seconds, score text, overdue. */
export type GridCellView = [
  status: AssignmentStatus,
  share: number,
  seconds: number,
  score: string | null,
  overdue: 0 | 1,
];

/** The grid as compact rows: the page's markup is rendered from them, and they are all that travels twice. */
export type GridView = {
  assignments: { id: string; title: string; dueAt: string }[];
  students: { id: string; name: string; cells: (GridCellView | null)[] }[];
};

/**
 * Students × assignments: status, share read, active reading minutes and quiz score; overdue cells
 * marked. A client component so that the hydration data holds these rows, not the markup of every
 * cell again (1,200 cells for 40 × 30 were 681 KB of it).
 */
export function ClassGridTable({ grid, locale }: { grid: GridView; locale: Locale }) {
  const { t: translate } = useTranslation('classroom');
  // 1,200 cells ask for a few dozen distinct texts (four statuses, shares, minutes, scores): each is
  // made once per render. Four messages a cell through i18next and ICU were a quarter of the page's
  // server time (a CPU profile of 25 renders of the 40 × 30 grid).
  const texts = new Map<string, string>();
  const once = (id: string, make: () => string): string => {
    let text = texts.get(id);
    if (text === undefined) texts.set(id, (text = make()));
    return text;
  };
  const t = (key: string, values?: Record<string, string | number>) =>
    once(values ? `${key}\u0000${Object.values(values).join('\u0000')}` : key, () =>
      values ? translate(key, values) : translate(key),
    );
  const percent = (share: number) => once(`%${share}`, () => formatPercent(locale, share));
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
                  {t('assignment.dueLabel')} <LocalDateTime date={new Date(assignment.dueAt)} locale={locale} />
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.students.map((student) => (
            <tr key={student.id} data-testid="grid-row" data-student={student.name}>
              <th scope="row">{student.name}</th>
              {student.cells.map((cell, column) => {
                const key = grid.assignments[column]!.id;
                if (!cell) return <td key={key}>—</td>;
                const [status, share, seconds, score, overdue] = cell;
                return (
                  <td
                    key={key}
                    className="class-grid__cell"
                    data-overdue={overdue || undefined}
                    data-testid="grid-cell"
                  >
                    <AssignmentStatusBadge status={status} t={t} />
                    {overdue && status !== 'overdue' ? (
                      <span className="class-grid__overdue"> {t('grid.overdue')}</span>
                    ) : null}
                    <br />
                    <span data-testid="grid-read">{t('grid.read', { share: percent(share) })}</span>
                    <br />
                    <span data-testid="grid-minutes" data-seconds={seconds}>
                      {t('grid.minutes', { minutes: activeMinutes(seconds) })}
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
