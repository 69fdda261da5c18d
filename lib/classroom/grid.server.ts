import 'server-only';
import { db } from '@/lib/db.server';
import { getServerT } from '@/lib/i18n/server';
import type { Locale } from '@/lib/i18n/settings';
import { gridToCsv } from './grid-csv';
import { assignmentTaughtBy, classTaughtBy } from './policy.server';
import { byLemma, byName } from './queries.server';
import { assignmentStatus, parseSeen, readShare } from './status';
import type { AssignmentInsights, ClassGrid, GridCell, Score, TeacherDashboard } from './types';

// The teacher's view of a class: students × assignments, what the class looked up and missed, and the
// grid as CSV. For the class's teacher or an admin; anyone else gets null, as for a missing class.
// Only current members appear: a student who left or was removed is no longer shown.

/** The class grid: students A–Z, assignments soonest due first, a cell for every pair. */
export async function getClassGrid(userId: string, classId: string, now: Date = new Date()): Promise<ClassGrid | null> {
  if (typeof classId !== 'string' || !(await classTaughtBy(userId, classId, { admin: true }))) return null;
  const [members, assignments] = await Promise.all([
    db.classMembership.findMany({
      where: { classId },
      select: { user: { select: { id: true, name: true, email: true } } },
    }),
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
        doneAt: p?.doneAt ?? null,
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
  return (await insightsOf(assignment.classId, [assignmentId])).get(assignmentId)!;
}

/** getAssignmentInsights of every assignment of a class, by assignment id, in four queries (the class page). */
export async function getClassInsights(
  userId: string,
  classId: string,
): Promise<Map<string, AssignmentInsights> | null> {
  if (typeof classId !== 'string' || !(await classTaughtBy(userId, classId, { admin: true }))) return null;
  const assignments = await db.assignment.findMany({ where: { classId }, select: { id: true } });
  return insightsOf(
    classId,
    assignments.map((a) => a.id),
  );
}

async function insightsOf(classId: string, assignmentIds: string[]): Promise<Map<string, AssignmentInsights>> {
  const [members, focus] = await Promise.all([
    db.classMembership.findMany({ where: { classId }, select: { userId: true } }),
    db.assignmentTerm.findMany({
      where: { assignmentId: { in: assignmentIds } },
      select: { assignmentId: true, term: { select: { id: true, lemma: true } } },
    }),
  ]);
  const userIds = members.map((m) => m.userId);
  const termIds = [...new Set(focus.map((f) => f.term.id))];
  const [lookups, answers] = await Promise.all([
    db.termLookup.groupBy({
      by: ['assignmentId', 'termId'],
      where: { assignmentId: { in: assignmentIds }, kind: 'lookup', userId: { in: userIds }, termId: { in: termIds } },
      _sum: { count: true },
    }),
    db.quizAnswer.findMany({
      where: { termId: { in: termIds }, attempt: { assignmentId: { in: assignmentIds }, userId: { in: userIds } } },
      select: { termId: true, verdict: true, attempt: { select: { assignmentId: true } } },
    }),
  ]);
  const insights = new Map<string, AssignmentInsights>();
  for (const assignmentId of assignmentIds) {
    // Only the assignment's own focus terms count, whatever else its look-ups and answers name.
    const lemmaOf = new Map(focus.filter((f) => f.assignmentId === assignmentId).map((f) => [f.term.id, f.term.lemma]));
    const mostLookedUp = lookups
      .filter((l) => l.assignmentId === assignmentId && lemmaOf.has(l.termId))
      .map((l) => ({ termId: l.termId, lemma: lemmaOf.get(l.termId)!, count: l._sum.count ?? 0 }))
      .filter((l) => l.count > 0)
      .sort((a, b) => b.count - a.count || byLemma(a, b));
    const tally = new Map<string, { missed: number; attempts: number }>();
    for (const a of answers) {
      if (a.attempt.assignmentId !== assignmentId || !a.termId || !lemmaOf.has(a.termId)) continue;
      const t = tally.get(a.termId) ?? { missed: 0, attempts: 0 };
      t.attempts++;
      if (a.verdict !== 'correct') t.missed++;
      tally.set(a.termId, t);
    }
    const mostMissed = [...tally]
      .map(([termId, t]) => ({ termId, lemma: lemmaOf.get(termId)!, ...t }))
      .filter((t) => t.missed > 0)
      .sort((a, b) => b.missed - a.missed || b.missed / b.attempts - a.missed / a.attempts || byLemma(a, b));
    insights.set(assignmentId, { mostLookedUp, mostMissed });
  }
  return insights;
}

/**
 * The class grid as CSV (lib/classroom/grid-csv.ts): headers and status words in `locale`, dates in
 * `timeZone` (the teacher's, named in the headers). Null where getClassGrid is null.
 */
export async function gridCsv(
  userId: string,
  classId: string,
  locale: Locale = 'en',
  timeZone = 'UTC',
  now: Date = new Date(),
): Promise<string | null> {
  const grid = await getClassGrid(userId, classId, now);
  if (!grid) return null;
  const t = getServerT(locale, 'classroom');
  return gridToCsv(
    grid,
    {
      student: t('csv.student'),
      email: t('csv.email'),
      assignment: t('csv.assignment'),
      due: t('csv.due', { zone: timeZone }),
      status: t('csv.status'),
      read: t('csv.read'),
      minutes: t('csv.minutes'),
      completed: t('csv.completed', { zone: timeZone }),
      points: t('csv.points'),
      maxPoints: t('csv.maxPoints'),
      percent: t('csv.percent'),
      statuses: {
        'not-started': t('status.notStarted'),
        'in-progress': t('status.inProgress'),
        done: t('status.done'),
        overdue: t('status.overdue'),
      },
    },
    timeZone,
  );
}

/** How far back the teacher's dashboard looks for overdue students and recent activity. */
export const DASHBOARD_DAYS = 14;
/** How many recent activities the dashboard lists. */
export const DASHBOARD_ACTIVITY_MAX = 10;
const DAY_MS = 86_400_000;

/**
 * The teacher's dashboard: their live classes (A–Z) with student counts; assignments not yet due with
 * how many students started and finished; per assignment due in the last DASHBOARD_DAYS days, the
 * students who have not finished it; and the latest things students did. Only the user's own classes
 * (an admin's too: admins see other classes on their pages, not here) and only current members.
 */
export async function getTeacherDashboard(userId: string, now: Date = new Date()): Promise<TeacherDashboard> {
  const since = new Date(now.getTime() - DASHBOARD_DAYS * DAY_MS);
  const liveClass = { teacherId: userId, archivedAt: null };
  const [classRows, progress, attempts] = await Promise.all([
    db.classroom.findMany({
      where: liveClass,
      select: {
        id: true,
        name: true,
        members: { select: { user: { select: { id: true, name: true } } } },
        assignments: {
          where: { dueAt: { gte: since } },
          select: { id: true, dueAt: true, article: { select: { titleDe: true } } },
          orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
        },
      },
    }),
    // Progress of the recent assignments (counts, overdue) and recent progress of any (activity).
    db.assignmentProgress.findMany({
      where: {
        assignment: { class: liveClass },
        OR: [{ assignment: { dueAt: { gte: since } } }, { openedAt: { gte: since } }, { doneAt: { gte: since } }],
      },
      select: {
        assignmentId: true,
        userId: true,
        openedAt: true,
        doneAt: true,
        assignment: { select: { classId: true, article: { select: { titleDe: true } } } },
      },
    }),
    db.quizAttempt.findMany({
      where: { submittedAt: { gte: since }, assignment: { class: liveClass } },
      select: {
        userId: true,
        submittedAt: true,
        score: true,
        maxScore: true,
        assignment: { select: { classId: true, article: { select: { titleDe: true } } } },
      },
      orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
      take: DASHBOARD_ACTIVITY_MAX * 20,
    }),
  ]);
  const classes = classRows
    .map((c) => ({ ...c, students: c.members.map((m) => m.user).sort(byName) }))
    .sort((a, b) => byName(a, b));
  const classOf = new Map(classes.map((c) => [c.id, c]));
  const memberName = (classId: string, userId: string) =>
    classOf.get(classId)?.students.find((s) => s.id === userId)?.name;
  const progressOf = new Map(progress.map((p) => [`${p.userId}\u0000${p.assignmentId}`, p]));

  const openAssignments: TeacherDashboard['openAssignments'] = [];
  const overdue: TeacherDashboard['overdue'] = [];
  for (const klass of classes) {
    for (const assignment of klass.assignments) {
      const rows = klass.students.map((s) => progressOf.get(`${s.id}\u0000${assignment.id}`));
      const base = {
        id: assignment.id,
        classId: klass.id,
        className: klass.name,
        title: assignment.article.titleDe,
        dueAt: assignment.dueAt,
      };
      if (assignment.dueAt.getTime() >= now.getTime()) {
        openAssignments.push({
          ...base,
          studentCount: klass.students.length,
          started: rows.filter((p) => p?.openedAt || p?.doneAt).length,
          done: rows.filter((p) => p?.doneAt).length,
        });
      } else {
        const late = klass.students.filter((_, i) => !rows[i]?.doneAt);
        if (late.length) overdue.push({ ...base, students: late.map(({ id, name }) => ({ id, name })) });
      }
    }
  }
  openAssignments.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : 1));
  overdue.sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime() || (a.id < b.id ? -1 : 1));

  const recentActivity: TeacherDashboard['recentActivity'] = [];
  const activity = (
    kind: TeacherDashboard['recentActivity'][number]['kind'],
    at: Date | null,
    userId: string,
    assignment: { classId: string; article: { titleDe: string } },
    score: Score | null = null,
  ) => {
    const studentName = at && at.getTime() >= since.getTime() ? memberName(assignment.classId, userId) : undefined;
    if (studentName === undefined) return;
    const className = classOf.get(assignment.classId)!.name;
    recentActivity.push({
      kind,
      at: at!,
      studentName,
      classId: assignment.classId,
      className,
      assignmentTitle: assignment.article.titleDe,
      score,
    });
  };
  for (const p of progress) {
    activity('opened', p.openedAt, p.userId, p.assignment);
    activity('done', p.doneAt, p.userId, p.assignment);
  }
  for (const a of attempts)
    activity('quiz', a.submittedAt, a.userId, a.assignment, { score: a.score, maxScore: a.maxScore });
  recentActivity.sort((a, b) => b.at.getTime() - a.at.getTime());

  return {
    classes: classes.map((c) => ({
      id: c.id,
      name: c.name,
      studentCount: c.students.length,
      openAssignmentCount: c.assignments.filter((a) => a.dueAt.getTime() >= now.getTime()).length,
    })),
    openAssignments,
    overdue,
    recentActivity: recentActivity.slice(0, DASHBOARD_ACTIVITY_MAX),
  };
}
