import 'server-only';
import Papa from 'papaparse';
import { db } from '@/lib/db.server';
import { escapeCell } from '@/lib/vocabulary/csv';
import { assignmentTaughtBy, classTaughtBy } from './policy.server';
import { byLemma, byName } from './queries.server';
import { assignmentStatus, parseSeen, readShare } from './status';
import type { AssignmentInsights, AssignmentStatus, ClassGrid, GridCell, Score } from './types';

// The teacher's view of a class: students × assignments, what the class looked up and missed, and the
// grid as CSV. For the class's teacher or an admin; anyone else gets null, as for a missing class.
// Only current members appear: a student who left or was removed is no longer shown.

/** The class grid: students A–Z, assignments soonest due first, a cell for every pair. */
export async function getClassGrid(userId: string, classId: string, now: Date = new Date()): Promise<ClassGrid | null> {
  if (typeof classId !== 'string' || !(await classTaughtBy(userId, classId, { admin: true }))) return null;
  const [members, assignments] = await Promise.all([
    db.classMembership.findMany({ where: { classId }, select: { user: { select: { id: true, name: true } } } }),
    db.assignment.findMany({
      where: { classId },
      select: { id: true, dueAt: true, article: { select: { titleDe: true } } },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const students = members.map((m) => m.user).sort(byName);
  const studentIds = students.map((s) => s.id);
  const assignmentIds = assignments.map((a) => a.id);
  const [progress, attempts] = await Promise.all([
    db.assignmentProgress.findMany({
      where: { assignmentId: { in: assignmentIds }, userId: { in: studentIds } },
      select: {
        assignmentId: true,
        userId: true,
        openedAt: true,
        doneAt: true,
        activeSeconds: true,
        paragraphsSeen: true,
        paragraphCount: true,
      },
    }),
    db.quizAttempt.findMany({
      where: { assignmentId: { in: assignmentIds }, userId: { in: studentIds } },
      select: { assignmentId: true, userId: true, score: true, maxScore: true },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    }),
  ]);
  const key = (studentId: string, assignmentId: string) => `${studentId}\u0000${assignmentId}`;
  const progressOf = new Map(progress.map((p) => [key(p.userId, p.assignmentId), p]));
  const best = new Map<string, Score>();
  for (const a of attempts) {
    const k = key(a.userId, a.assignmentId);
    const seen = best.get(k);
    if (!seen || a.score > seen.score) best.set(k, { score: a.score, maxScore: a.maxScore });
  }
  const cells: ClassGrid['cells'] = {};
  for (const student of students) {
    const row: Record<string, GridCell> = {};
    for (const assignment of assignments) {
      const p = progressOf.get(key(student.id, assignment.id));
      const status = assignmentStatus(
        { dueAt: assignment.dueAt, openedAt: p?.openedAt ?? null, doneAt: p?.doneAt ?? null },
        now,
      );
      row[assignment.id] = {
        status,
        activeSeconds: p?.activeSeconds ?? 0,
        share: p ? readShare(parseSeen(p.paragraphsSeen).length, p.paragraphCount) : 0,
        score: best.get(key(student.id, assignment.id)) ?? null,
        overdue: status === 'overdue',
      };
    }
    cells[student.id] = row;
  }
  return {
    students,
    assignments: assignments.map((a) => ({ id: a.id, title: a.article.titleDe, dueAt: a.dueAt })),
    cells,
  };
}

/**
 * Which focus terms the class looked up most (reader look-ups of current members), and which it missed
 * most in the quiz (answers not correct, over all attempts), most first; terms with none are left out.
 */
export async function getAssignmentInsights(userId: string, assignmentId: string): Promise<AssignmentInsights | null> {
  if (typeof assignmentId !== 'string') return null;
  const assignment = await assignmentTaughtBy(userId, assignmentId, { admin: true });
  if (!assignment) return null;
  const [members, focus] = await Promise.all([
    db.classMembership.findMany({ where: { classId: assignment.classId }, select: { userId: true } }),
    db.assignmentTerm.findMany({ where: { assignmentId }, select: { term: { select: { id: true, lemma: true } } } }),
  ]);
  const userIds = members.map((m) => m.userId);
  const lemmaOf = new Map(focus.map((f) => [f.term.id, f.term.lemma]));
  const termIds = [...lemmaOf.keys()];
  const [lookups, answers] = await Promise.all([
    db.termLookup.groupBy({
      by: ['termId'],
      where: { assignmentId, kind: 'lookup', userId: { in: userIds }, termId: { in: termIds } },
      _sum: { count: true },
    }),
    db.quizAnswer.findMany({
      where: { termId: { in: termIds }, attempt: { assignmentId, userId: { in: userIds } } },
      select: { termId: true, verdict: true },
    }),
  ]);
  const mostLookedUp = lookups
    .map((l) => ({ termId: l.termId, lemma: lemmaOf.get(l.termId) ?? '', count: l._sum.count ?? 0 }))
    .filter((l) => l.count > 0)
    .sort((a, b) => b.count - a.count || byLemma(a, b));
  const tally = new Map<string, { missed: number; attempts: number }>();
  for (const a of answers) {
    if (!a.termId) continue;
    const t = tally.get(a.termId) ?? { missed: 0, attempts: 0 };
    t.attempts++;
    if (a.verdict !== 'correct') t.missed++;
    tally.set(a.termId, t);
  }
  const mostMissed = [...tally]
    .map(([termId, t]) => ({ termId, lemma: lemmaOf.get(termId) ?? '', ...t }))
    .filter((t) => t.missed > 0)
    .sort((a, b) => b.missed - a.missed || b.missed / b.attempts - a.missed / a.attempts || byLemma(a, b));
  return { mostLookedUp, mostMissed };
}

// The CSV is a download, not a page: its few labels live here, in both UI languages.
const CSV_LABELS = {
  en: {
    student: 'Student',
    status: 'status',
    minutes: 'active minutes',
    score: 'score',
    statuses: { 'not-started': 'not started', 'in-progress': 'in progress', done: 'done', overdue: 'overdue' },
  },
  de: {
    student: 'Schüler/in',
    status: 'Status',
    minutes: 'aktive Minuten',
    score: 'Punkte',
    statuses: { 'not-started': 'nicht begonnen', 'in-progress': 'begonnen', done: 'erledigt', overdue: 'überfällig' },
  },
} satisfies Record<
  string,
  { student: string; status: string; minutes: string; score: string; statuses: Record<AssignmentStatus, string> }
>;

/**
 * The class grid as RFC 4180 CSV (CRLF, quoted where needed, UTF-8 BOM for Excel; cells that a
 * spreadsheet would run as a formula are escaped): a row per student, and per assignment its status,
 * active minutes (rounded) and best quiz score ("3/8"). Null where getClassGrid is null.
 */
export async function gridCsv(
  userId: string,
  classId: string,
  locale: 'en' | 'de' = 'en',
  now: Date = new Date(),
): Promise<string | null> {
  const grid = await getClassGrid(userId, classId, now);
  if (!grid) return null;
  const labels = CSV_LABELS[locale === 'de' ? 'de' : 'en'];
  const fields = [
    labels.student,
    ...grid.assignments.flatMap((a) => [
      `${a.title} – ${labels.status}`,
      `${a.title} – ${labels.minutes}`,
      `${a.title} – ${labels.score}`,
    ]),
  ];
  const rows = grid.students.map((student) => [
    student.name,
    ...grid.assignments.flatMap((a) => {
      const cell = grid.cells[student.id]![a.id]!;
      return [
        labels.statuses[cell.status],
        String(Math.round(cell.activeSeconds / 60)),
        cell.score ? `${cell.score.score}/${cell.score.maxScore}` : '',
      ];
    }),
  ]);
  return `\uFEFF${Papa.unparse({ fields: fields.map(escapeCell), data: rows.map((r) => r.map(escapeCell)) }, { newline: '\r\n' })}\r\n`;
}
