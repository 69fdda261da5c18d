import 'server-only';
import { storedRole } from '@/lib/auth/accounts.server';
import { prismaErrorCode } from '@/lib/db-retry.server';
import { db } from '@/lib/db.server';
import { generateJoinCode } from './join-code';
import {
  ClassIdSchema,
  type ClassIdInput,
  CreateClassSchema,
  type CreateClassInput,
  JoinClassSchema,
  type JoinClassInput,
  RemoveStudentSchema,
  type RemoveStudentInput,
  UpdateClassSchema,
  type UpdateClassInput,
} from './schema';
import {
  assignmentSummarySelect,
  byName,
  classTaughtBy,
  FORBIDDEN,
  invalid,
  NOT_FOUND,
  toAssignmentSummary,
} from './shared.server';
import type { ClassDetail, ClassroomResult, ClassSummary } from './types';

// Classes: a teacher's groups of students, joined by code. Every function takes the acting userId
// first (proved by the caller's guard, never sent by the client). A class the user neither teaches
// nor belongs to is answered exactly like a missing one.

const summarySelect = {
  id: true,
  name: true,
  description: true,
  joinCode: true,
  archivedAt: true,
  createdAt: true,
  _count: { select: { members: true, assignments: true } },
} as const;

type SummaryRow = {
  id: string;
  name: string;
  description: string;
  joinCode: string;
  archivedAt: Date | null;
  createdAt: Date;
  _count: { members: number; assignments: number };
};

function toSummary(row: SummaryRow, showCode: boolean): ClassSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    joinCode: showCode ? row.joinCode : '',
    archived: row.archivedAt !== null,
    studentCount: row._count.members,
    assignmentCount: row._count.assignments,
    createdAt: row.createdAt,
  };
}

/** Live classes first, then newest first. */
const classOrder = [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'desc' }, { id: 'asc' }] as const;

const CODE_ATTEMPTS = 5;

/** Runs a write that stores a fresh join code, again with another code if it collides (P2002). */
async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(generateJoinCode());
    } catch (error) {
      if (attempt >= CODE_ATTEMPTS || prismaErrorCode(error) !== 'P2002') throw error;
    }
  }
}

/** A new class of the teacher's (teachers and admins only), with a fresh join code. */
export async function createClass(userId: string, input: CreateClassInput): Promise<ClassroomResult<ClassSummary>> {
  const role = await storedRole(userId);
  if (role !== 'teacher' && role !== 'admin') return FORBIDDEN;
  const parsed = CreateClassSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const row = await withFreshCode((joinCode) =>
    db.classroom.create({ data: { ...parsed.data, teacherId: userId, joinCode }, select: summarySelect }),
  );
  return { ok: true, data: toSummary(row, true) };
}

/** The class's name and description (its teacher only). */
export async function updateClass(userId: string, input: UpdateClassInput): Promise<ClassroomResult<ClassSummary>> {
  const parsed = UpdateClassSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { classId, name, description } = parsed.data;
  const { count } = await db.classroom.updateMany({
    where: { id: classId, teacherId: userId },
    data: { name, description },
  });
  if (count === 0) return NOT_FOUND;
  const row = await db.classroom.findFirst({ where: { id: classId, teacherId: userId }, select: summarySelect });
  return row ? { ok: true, data: toSummary(row, true) } : NOT_FOUND;
}

async function setArchived(
  userId: string,
  input: ClassIdInput,
  archivedAt: Date | null,
): Promise<ClassroomResult<ClassSummary>> {
  const parsed = ClassIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { classId } = parsed.data;
  // An archived class keeps its first archiving date.
  const where = archivedAt ? { id: classId, teacherId: userId, archivedAt: null } : { id: classId, teacherId: userId };
  await db.classroom.updateMany({ where, data: { archivedAt } });
  const row = await db.classroom.findFirst({ where: { id: classId, teacherId: userId }, select: summarySelect });
  return row ? { ok: true, data: toSummary(row, true) } : NOT_FOUND;
}

/** Archives a class (its teacher only): no one can join it, its assignments leave students' lists. */
export async function archiveClass(
  userId: string,
  input: ClassIdInput,
  now: Date = new Date(),
): Promise<ClassroomResult<ClassSummary>> {
  return setArchived(userId, input, now);
}

export async function unarchiveClass(userId: string, input: ClassIdInput): Promise<ClassroomResult<ClassSummary>> {
  return setArchived(userId, input, null);
}

/** A new join code for the class (its teacher only); the old code stops working. */
export async function regenerateJoinCode(
  userId: string,
  input: ClassIdInput,
): Promise<ClassroomResult<{ joinCode: string }>> {
  const parsed = ClassIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { classId } = parsed.data;
  const updated = await withFreshCode(async (joinCode) => {
    const { count } = await db.classroom.updateMany({ where: { id: classId, teacherId: userId }, data: { joinCode } });
    return count ? joinCode : null;
  });
  return updated ? { ok: true, data: { joinCode: updated } } : NOT_FOUND;
}

/** The classes the user teaches, live ones first. */
export async function listTeacherClasses(userId: string): Promise<ClassSummary[]> {
  const rows = await db.classroom.findMany({
    where: { teacherId: userId },
    select: summarySelect,
    orderBy: [...classOrder],
  });
  return rows.map((row) => toSummary(row, true));
}

/** A class with its students and assignments, for its teacher or an admin; null for anyone else. */
export async function getClassDetail(userId: string, classId: string): Promise<ClassDetail | null> {
  if (typeof classId !== 'string' || !(await classTaughtBy(userId, classId, { admin: true }))) return null;
  const row = await db.classroom.findUnique({
    where: { id: classId },
    select: {
      ...summarySelect,
      members: { select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } } },
      assignments: { select: assignmentSummarySelect, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!row) return null;
  return {
    ...toSummary(row, true),
    students: row.members
      .map((m) => ({ id: m.user.id, name: m.user.name, email: m.user.email, joinedAt: m.joinedAt }))
      .sort(byName),
    assignments: row.assignments.map(toAssignmentSummary),
  };
}

/** The classes the user belongs to as a student (the join code is not shown to students). */
export async function listStudentClasses(userId: string): Promise<ClassSummary[]> {
  const rows = await db.classroom.findMany({
    where: { members: { some: { userId } } },
    select: summarySelect,
    orderBy: [...classOrder],
  });
  return rows.map((row) => toSummary(row, false));
}

/**
 * Joins the class of a code (any signed-in user). An unknown code and an archived class's code are
 * refused alike; joining again is fine; a class's own teacher cannot join it as a student.
 */
export async function joinClass(userId: string, input: JoinClassInput): Promise<ClassroomResult<{ classId: string }>> {
  const parsed = JoinClassSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, error: 'classroom:errors.codeInvalid', fieldErrors: { code: 'classroom:errors.codeInvalid' } };
  const found = await db.classroom.findUnique({
    where: { joinCode: parsed.data.code },
    select: { id: true, teacherId: true, archivedAt: true },
  });
  if (!found || found.archivedAt)
    return { ok: false, error: 'classroom:errors.codeInvalid', fieldErrors: { code: 'classroom:errors.codeInvalid' } };
  if (found.teacherId === userId) return { ok: false, error: 'classroom:errors.ownClass' };
  if (!(await storedRole(userId))) return NOT_FOUND;
  try {
    await db.classMembership.create({ data: { classId: found.id, userId } });
  } catch (error) {
    if (prismaErrorCode(error) !== 'P2002') throw error; // already a member (perhaps from a concurrent join)
  }
  return { ok: true, data: { classId: found.id } };
}

/** The student leaves a class; their progress stays stored but no teacher sees it any more. */
export async function leaveClass(userId: string, input: ClassIdInput): Promise<ClassroomResult<{ classId: string }>> {
  const parsed = ClassIdSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { count } = await db.classMembership.deleteMany({ where: { classId: parsed.data.classId, userId } });
  return count ? { ok: true, data: { classId: parsed.data.classId } } : NOT_FOUND;
}

/** The class's teacher removes a student from it. */
export async function removeStudent(
  userId: string,
  input: RemoveStudentInput,
): Promise<ClassroomResult<{ classId: string; studentId: string }>> {
  const parsed = RemoveStudentSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { classId, studentId } = parsed.data;
  const { count } = await db.classMembership.deleteMany({
    where: { classId, userId: studentId, class: { teacherId: userId } },
  });
  return count ? { ok: true, data: { classId, studentId } } : NOT_FOUND;
}
