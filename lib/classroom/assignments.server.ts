import 'server-only';
import { command } from '@/lib/action.server';
import { teacher } from '@/lib/auth/guards.server';
import { retrying } from '@/lib/db-retry.server';
import { assignableBy, isClassesOnly, searchAssignableArticles } from '@/lib/articles/queries.server';
import { db } from '@/lib/db.server';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { teacherOfAssignment, teacherOfClass } from './policy.server';
import { articleFocusTerms, assignmentSummary, occurringTerms } from './queries.server';
import {
  AssignableArticleQuerySchema,
  AssignmentIdSchema,
  CreateAssignmentSchema,
  FocusTermOptionsSchema,
  UpdateAssignmentSchema,
} from './schema';

// Assignments: an article for a class, with a due date, instructions, focus terms and a quiz. Teachers
// write them for their own live classes (the guards of lib/classroom/policy.server.ts); students read
// them (queries.server.ts).

/** The glossary terms occurring in an article, offered as focus terms in the assignment form (teachers only). */
export const focusTermOptions = command({
  input: FocusTermOptionsSchema,
  invalid: 'classroom:errors.invalid',
  guard: teacher('classroom:errors.forbidden'),
  run: ({ userId }, articleSlug) => articleFocusTerms(userId, articleSlug),
});

/**
 * The articles the assignment form offers for a search (teachers only): those the teacher may assign
 * (assignableBy), never another teacher's classes-only one. createAssignment checks the choice again.
 */
export const assignableArticles = command({
  input: AssignableArticleQuerySchema,
  invalid: 'classroom:errors.invalid',
  guard: teacher('classroom:errors.forbidden'),
  run: ({ userId }, { q }) => searchAssignableArticles(userId, q),
});

/**
 * The focus terms of a new or changed assignment: the given ones if they all occur in the article, or
 * are already focus terms of the assignment (`kept`): a term an editor retired since no longer occurs
 * (it is not highlighted any more) but stays a valid focus term of the assignments that chose it.
 */
async function chooseTerms(
  articleId: string,
  requested: string[] | undefined,
  quizEnabled: boolean,
  kept: readonly string[] = [],
) {
  const occurring = new Set((await occurringTerms(articleId)).map((t) => t.id));
  const chosen = requested ?? [...occurring];
  if (!chosen.every((id) => occurring.has(id) || kept.includes(id)))
    throw new InvalidInputError('classroom:errors.invalid', {
      fieldErrors: { focusTermIds: 'classroom:errors.focusTerms' },
    });
  if (quizEnabled && chosen.length === 0)
    throw new InvalidInputError('classroom:errors.invalid', {
      fieldErrors: { quizEnabled: 'classroom:errors.quizNeedsTerms' },
    });
  return chosen;
}

/**
 * The assignment as written, read after the write: not in the write's own (implicit or explicit)
 * transaction, where Prisma's parallel loads of its relations would queue on one PostgreSQL connection.
 */
async function written(assignmentId: string) {
  const summary = await assignmentSummary(assignmentId);
  if (!summary) throw new NotFoundError('classroom:errors.notFound');
  return summary;
}

/**
 * Assigns a published article the teacher may assign (assignableBy: everyone's or the teacher's own
 * classes-only one) to one of the teacher's live classes.
 */
export const createAssignment = command({
  input: CreateAssignmentSchema,
  invalid: 'classroom:errors.invalid',
  guard: teacherOfClass({ live: true }),
  run: async ({ userId }, { classId, articleSlug, dueAt, instructions, focusTermIds, quizEnabled }) => {
    const article = await db.article.findFirst({
      where: { slug: articleSlug, ...assignableBy(userId) },
      select: { id: true },
    });
    if (!article) {
      // Another teacher's classes-only article: its own words, the class could not open it.
      const error = (await isClassesOnly(articleSlug))
        ? 'classroom:errors.articleNotAssignable'
        : 'classroom:errors.articleNotFound';
      throw new InvalidInputError(error, { fieldErrors: { articleSlug: error } });
    }
    const terms = await chooseTerms(article.id, focusTermIds, quizEnabled);
    const created = await db.assignment.create({
      data: {
        classId,
        articleId: article.id,
        dueAt,
        instructions,
        quizEnabled,
        focusTerms: { create: terms.map((termId) => ({ termId })) },
      },
      select: { id: true },
    });
    return written(created.id);
  },
});

/** Changes an assignment of the teacher's live class: due date, instructions, focus terms, quiz. */
export const updateAssignment = command({
  input: UpdateAssignmentSchema,
  invalid: 'classroom:errors.invalid',
  guard: teacherOfAssignment({ live: true }),
  run: async (_actor, { assignmentId, dueAt, instructions, focusTermIds, quizEnabled }) => {
    const current = await db.assignment.findUniqueOrThrow({
      where: { id: assignmentId },
      select: { articleId: true, quizEnabled: true, focusTerms: { select: { termId: true } } },
    });
    const quiz = quizEnabled ?? current.quizEnabled;
    const kept = current.focusTerms.map((t) => t.termId);
    const terms = await chooseTerms(current.articleId, focusTermIds ?? kept, quiz, kept);
    await retrying(() =>
      db.$transaction(async (tx) => {
        await tx.assignment.update({ where: { id: assignmentId }, data: { dueAt, instructions, quizEnabled } });
        if (focusTermIds) {
          await tx.assignmentTerm.deleteMany({ where: { assignmentId } });
          if (terms.length)
            await tx.assignmentTerm.createMany({ data: terms.map((termId) => ({ assignmentId, termId })) });
        }
      }),
    );
    return written(assignmentId);
  },
});

/** Deletes an assignment of the teacher's, with its students' progress, lookups and quiz attempts. */
export const deleteAssignment = command({
  input: AssignmentIdSchema,
  invalid: 'classroom:errors.invalid',
  guard: teacherOfAssignment(),
  run: async ({ userId }, { assignmentId }) => {
    const { count } = await db.assignment.deleteMany({ where: { id: assignmentId, class: { teacherId: userId } } });
    if (count === 0) throw new NotFoundError('classroom:errors.notFound');
    return { assignmentId };
  },
});
