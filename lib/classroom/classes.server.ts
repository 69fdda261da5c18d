import 'server-only';
import { command } from '@/lib/action.server';
import { storedRole } from '@/lib/auth/queries.server';
import { signedIn, teacher } from '@/lib/auth/guards.server';
import { prismaErrorCode } from '@/lib/db-retry.server';
import { db } from '@/lib/db.server';
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { generateJoinCode } from './join-code';
import { teacherOfClass } from './policy.server';
import { classSummarySelect, toClassSummary } from './queries.server';
import { ClassIdSchema, CreateClassSchema, JoinClassSchema, RemoveStudentSchema, UpdateClassSchema } from './schema';
import type { ClassSummary } from './types';

// Classes: a teacher's groups of students, joined by code. Each command's guard has proved who may act
// (lib/classroom/policy.server.ts); the writes still name the acting user in their `where`, so that a
// class changing hands meanwhile is answered like a missing one.

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

/** The class as its teacher sees it in a list. */
async function taughtSummary(userId: string, classId: string): Promise<ClassSummary> {
  const row = await db.classroom.findFirst({ where: { id: classId, teacherId: userId }, select: classSummarySelect });
  if (!row) throw new NotFoundError('classroom:errors.notFound');
  return toClassSummary(row, true);
}

/** A new class of the teacher's (teachers and admins only), with a fresh join code. */
export const createClass = command({
  input: CreateClassSchema,
  invalid: 'classroom:errors.invalid',
  guard: teacher('classroom:errors.forbidden'),
  run: async ({ userId }, input) => {
    const row = await withFreshCode((joinCode) =>
      db.classroom.create({ data: { ...input, teacherId: userId, joinCode }, select: classSummarySelect }),
    );
    return toClassSummary(row, true);
  },
});

/** The class's name and description (its teacher only; an archived class too). */
export const updateClass = command({
  input: UpdateClassSchema,
  invalid: 'classroom:errors.invalid',
  guard: teacherOfClass(),
  run: async ({ userId }, { classId, name, description }) => {
    const { count } = await db.classroom.updateMany({
      where: { id: classId, teacherId: userId },
      data: { name, description },
    });
    if (count === 0) throw new NotFoundError('classroom:errors.notFound');
    return taughtSummary(userId, classId);
  },
});

/** Archives a class (its teacher only): no one can join it, its assignments leave students' lists. */
export const archiveClass = command({
  input: ClassIdSchema,
  invalid: 'classroom:errors.invalid',
  guard: teacherOfClass(),
  run: async ({ userId }, { classId }) => {
    // An archived class keeps its first archiving date.
    await db.classroom.updateMany({
      where: { id: classId, teacherId: userId, archivedAt: null },
      data: { archivedAt: new Date() },
    });
    return taughtSummary(userId, classId);
  },
});

export const unarchiveClass = command({
  input: ClassIdSchema,
  invalid: 'classroom:errors.invalid',
  guard: teacherOfClass(),
  run: async ({ userId }, { classId }) => {
    await db.classroom.updateMany({ where: { id: classId, teacherId: userId }, data: { archivedAt: null } });
    return taughtSummary(userId, classId);
  },
});

/** A new join code for the class (its teacher only); the old code stops working. */
export const regenerateJoinCode = command({
  input: ClassIdSchema,
  invalid: 'classroom:errors.invalid',
  guard: teacherOfClass(),
  run: async ({ userId }, { classId }) => {
    const updated = await withFreshCode(async (joinCode) => {
      const { count } = await db.classroom.updateMany({
        where: { id: classId, teacherId: userId },
        data: { joinCode },
      });
      return count ? joinCode : null;
    });
    if (!updated) throw new NotFoundError('classroom:errors.notFound');
    return { joinCode: updated };
  },
});

/**
 * Joins the class of a code (any signed-in user). An unknown code and an archived class's code are
 * refused alike; joining again is fine; a class's own teacher cannot join it as a student.
 */
export const joinClass = command({
  input: JoinClassSchema,
  invalid: 'classroom:errors.codeInvalid',
  guard: signedIn,
  run: async ({ userId }, { code }) => {
    const found = await db.classroom.findUnique({
      where: { joinCode: code },
      select: { id: true, teacherId: true, archivedAt: true },
    });
    if (!found || found.archivedAt)
      throw new InvalidInputError('classroom:errors.codeInvalid', {
        fieldErrors: { code: 'classroom:errors.codeInvalid' },
      });
    if (found.teacherId === userId) throw new ConflictError('classroom:errors.ownClass');
    // A session that outlived its account.
    if (!(await storedRole(userId))) throw new NotFoundError('classroom:errors.notFound');
    try {
      await db.classMembership.create({ data: { classId: found.id, userId } });
    } catch (error) {
      if (prismaErrorCode(error) !== 'P2002') throw error; // already a member (perhaps from a concurrent join)
    }
    return { classId: found.id };
  },
});

/** The student leaves a class; their progress stays stored but no teacher sees it any more. */
export const leaveClass = command({
  input: ClassIdSchema,
  invalid: 'classroom:errors.invalid',
  guard: signedIn,
  run: async ({ userId }, { classId }) => {
    const { count } = await db.classMembership.deleteMany({ where: { classId, userId } });
    if (count === 0) throw new NotFoundError('classroom:errors.notFound');
    return { classId };
  },
});

/** The class's teacher removes a student from it. */
export const removeStudent = command({
  input: RemoveStudentSchema,
  invalid: 'classroom:errors.invalid',
  guard: teacherOfClass(),
  run: async ({ userId }, { classId, studentId }) => {
    const { count } = await db.classMembership.deleteMany({
      where: { classId, userId: studentId, class: { teacherId: userId } },
    });
    if (count === 0) throw new NotFoundError('classroom:errors.notFound');
    return { classId, studentId };
  },
});
