'use client';
import { useTranslation } from 'react-i18next';
import { activeMinutes } from '@/lib/classroom/status';
import type { AssignmentStatus } from '@/lib/classroom/types';
import { formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';
import { LocalDateTime } from './local-date-time.client';
import { STATUS_KEYS } from './status-badge';

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
                // One element and one text a cell (1,200 cells): status, overdue, share read, minutes and
                // score on lines of their own (white-space: pre-line); the status line takes its colour
                // from data-status. Ten elements a cell were most of the page's render time.
                const lines = [
                  overdue && status !== 'overdue'
                    ? `${t(STATUS_KEYS[status])} ${t('grid.overdue')}`
                    : t(STATUS_KEYS[status]),
                  t('grid.read', { share: percent(share) }),
                  t('grid.minutes', { minutes: activeMinutes(seconds) }),
                  score === null ? t('grid.noScore') : t('grid.score', { score }),
                ];
                return (
                  <td
                    key={key}
                    className="class-grid__cell"
                    data-status={status}
                    data-overdue={overdue || undefined}
                    data-seconds={seconds}
                    data-testid="grid-cell"
                  >
                    {lines.join('\n')}
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
