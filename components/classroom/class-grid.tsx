import type { TFunction } from 'i18next';
import type { ClassGrid } from '@/lib/classroom/types';
import { formatNumber, formatPercent } from '@/lib/format';
import type { Locale } from '@/lib/i18n/settings';
import { ClassGridTable, type GridCellView, type GridView } from './class-grid.client';

/** A score as "3 / 5", whichever shape the grid gives it (points of a maximum, or a share). */
export function scoreText(locale: Locale, score: unknown): string | null {
  if (score === null || score === undefined) return null;
  if (typeof score === 'number') return formatPercent(locale, score > 1 ? score / 100 : score);
  const { score: points, maxScore } = score as { score: number; maxScore: number };
  return `${formatNumber(locale, points)} / ${formatNumber(locale, maxScore)}`;
}

/** The class's grid, or a note that it has no students or no assignments yet. */
export function ClassGridSection({ grid, locale, t }: { grid: ClassGrid; locale: Locale; t: TFunction }) {
  if (!grid.students.length || !grid.assignments.length)
    return (
      <p className="muted" data-testid="grid-empty">
        {t('grid.empty')}
      </p>
    );
  const view: GridView = {
    assignments: grid.assignments.map(({ id, title, dueAt }) => ({ id, title, dueAt: dueAt.toISOString() })),
    students: grid.students.map(({ id, name }) => ({
      id,
      name,
      cells: grid.assignments.map((assignment): GridCellView | null => {
        const cell = grid.cells[id]?.[assignment.id];
        return cell
          ? [cell.status, cell.share, cell.activeSeconds, scoreText(locale, cell.score), cell.overdue ? 1 : 0]
          : null;
      }),
    })),
  };
  return <ClassGridTable grid={view} locale={locale} />;
}
