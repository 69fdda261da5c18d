import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { getServerT } from '@/lib/i18n/server';
import type { Locale } from '@/lib/i18n/settings';
import { gridToCsv, type GridCsvLabels } from './grid-csv';
import type { ClassGrid, GridCell } from './types';

// The class CSV, built from a grid: what a teacher's spreadsheet will read.

function labels(locale: Locale, zone: string): GridCsvLabels {
  const t = getServerT(locale, 'classroom');
  return {
    student: t('csv.student'),
    email: t('csv.email'),
    assignment: t('csv.assignment'),
    due: t('csv.due', { zone }),
    status: t('csv.status'),
    read: t('csv.read'),
    minutes: t('csv.minutes'),
    completed: t('csv.completed', { zone }),
    points: t('csv.points'),
    maxPoints: t('csv.maxPoints'),
    percent: t('csv.percent'),
    statuses: {
      'not-started': t('status.notStarted'),
      'in-progress': t('status.inProgress'),
      done: t('status.done'),
      overdue: t('status.overdue'),
    },
  };
}

const cell = (over: Partial<GridCell>): GridCell => ({
  status: 'not-started',
  activeSeconds: 0,
  share: 0,
  score: null,
  overdue: false,
  doneAt: null,
  ...over,
});

const grid: ClassGrid = {
  students: [
    { id: 'a', name: 'Anna Berger', email: 'anna@example.test' },
    { id: 'b', name: '=1+2', email: 'b@example.test' },
  ],
  assignments: [
    { id: 'x', title: 'Chinas Kalkulation, Russland mit Waffen zu beliefern', dueAt: new Date('2026-01-15T17:00:00Z') },
  ],
  cells: {
    a: {
      x: cell({
        status: 'done',
        activeSeconds: 61,
        share: 9 / 17,
        score: { score: 3, maxScore: 5 },
        doneAt: new Date('2026-01-14T23:30:00Z'),
      }),
    },
    b: { x: cell({ status: 'overdue', overdue: true }) },
  },
};

/** The CSV's rows as a spreadsheet reads them: BOM off, RFC 4180 quoting undone. */
function rows(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('class CSV', () => {
  test('German headers and words, dates in the teacher’s zone, one row per student and assignment', () => {
    expect(rows(gridToCsv(grid, labels('de', 'Europe/Berlin'), 'Europe/Berlin'))).toEqual([
      [
        'Lernende',
        'E-Mail',
        'Aufgabe',
        'Fällig (Europe/Berlin)',
        'Status',
        'Gelesen (%)',
        'Aktive Minuten',
        'Erledigt am (Europe/Berlin)',
        'Quizpunkte',
        'Mögliche Quizpunkte',
        'Quiz (%)',
      ],
      [
        'Anna Berger',
        'anna@example.test',
        'Chinas Kalkulation, Russland mit Waffen zu beliefern',
        '2026-01-15 18:00',
        'Erledigt',
        '53',
        '2',
        '2026-01-15 00:30',
        '3',
        '5',
        '60',
      ],
      [
        "'=1+2",
        'b@example.test',
        'Chinas Kalkulation, Russland mit Waffen zu beliefern',
        '2026-01-15 18:00',
        'Überfällig',
        '0',
        '0',
        '',
        '',
        '',
        '',
      ],
    ]);
  });

  test('English headers name the zone; UTC dates', () => {
    const [header, anna] = rows(gridToCsv(grid, labels('en', 'UTC'), 'UTC'));
    expect(header).toEqual([
      'Student',
      'E-mail',
      'Assignment',
      'Due (UTC)',
      'Status',
      'Read (%)',
      'Active minutes',
      'Completed (UTC)',
      'Quiz points',
      'Quiz maximum',
      'Quiz (%)',
    ]);
    expect(anna?.slice(3, 8)).toEqual(['2026-01-15 17:00', 'Done', '53', '2', '2026-01-14 23:30']);
  });

  test('a score is never written as "3/5" or "3 / 5", which spreadsheets read as a date', () => {
    const csv = gridToCsv(grid, labels('en', 'UTC'), 'UTC');
    expect(csv).not.toMatch(/\d\s*\/\s*\d/);
    // Every figure column holds a bare integer or nothing: no decimal separator a German Excel could misread.
    for (const row of rows(csv).slice(1))
      for (const figure of row.slice(5, 7).concat(row.slice(8))) {
        expect(figure).toMatch(/^(\d+)?$/);
      }
  });

  test('active minutes are the class page’s: a started minute counts (61 s → 2, 1 s → 1, 0 → 0)', () => {
    const minutes = (activeSeconds: number) =>
      rows(
        gridToCsv(
          { ...grid, students: [grid.students[0]!], cells: { a: { x: cell({ activeSeconds }) } } },
          labels('en', 'UTC'),
          'UTC',
        ),
      )[1]![6];
    expect([minutes(61), minutes(1), minutes(0), minutes(120)]).toEqual(['2', '1', '0', '2']);
  });

  test('a class without students or assignments is the header alone', () => {
    expect(rows(gridToCsv({ students: [], assignments: [], cells: {} }, labels('en', 'UTC'), 'UTC'))).toHaveLength(1);
  });
});
