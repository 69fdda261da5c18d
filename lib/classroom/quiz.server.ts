import 'server-only';
import { command } from '@/lib/action.server';
import { retrying } from '@/lib/db-retry.server';
import { db } from '@/lib/db.server';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { memberOfAssignment } from './policy.server';
import { runServiceTask } from '@/lib/task-service.server';
import { quizItems } from './queries.server';
import { SubmitQuizSchema } from './schema';
import type { QuizResult } from './types';

// A quiz attempt of a member of the assignment's class: the items are generated again
// (queries.server.ts, deterministic), the answers scored and the attempt stored.

/**
 * Scores a member's answers and stores the attempt with every item's answer and verdict (one
 * transaction); only once the member has marked the assignment done (the quiz follows the reading). Items left out count as unanswered (wrong); unknown item ids are ignored. Any number
 * of attempts; the best counts.
 */
export const submitQuiz = command({
  input: SubmitQuizSchema,
  invalid: 'classroom:errors.invalid',
  guard: memberOfAssignment,
  run: async ({ userId }, input): Promise<QuizResult> => {
    const now = new Date();
    const assignment = await db.assignment.findUnique({
      where: { id: input.assignmentId },
      select: { id: true, articleId: true, quizEnabled: true },
    });
    if (!assignment) throw new NotFoundError('classroom:errors.notFound');
    if (!assignment.quizEnabled) throw new ConflictError('classroom:errors.quizDisabled');
    // The quiz opens after reading: once the student has marked the assignment done (ADR 026).
    const progress = await db.assignmentProgress.findUnique({
      where: { assignmentId_userId: { assignmentId: assignment.id, userId } },
      select: { doneAt: true },
    });
    if (!progress?.doneAt) throw new ConflictError('classroom:errors.quizLocked');
    const items = await quizItems(assignment.id, assignment.articleId);
    const answers = new Map<string, string>();
    for (const a of input.answers) if (!answers.has(a.itemId)) answers.set(a.itemId, a.given.trim());
    const givens = items.map((item) => answers.get(item.id) ?? '');
    const verdicts = await runServiceTask('scoreQuizAnswers', { items, givens });
    const scored = items.map((item, index) => ({ item, given: givens[index]!, verdict: verdicts[index]! }));
    const score = scored.filter((s) => s.verdict === 'correct').length;
    const maxScore = items.length;
    await retrying(() =>
      db.$transaction(async (tx) => {
        const attempt = await tx.quizAttempt.create({
          data: { assignmentId: assignment.id, userId, score, maxScore, submittedAt: now },
          select: { id: true },
        });
        if (scored.length) {
          await tx.quizAnswer.createMany({
            data: scored.map(({ item, given, verdict }) => ({
              attemptId: attempt.id,
              termId: item.termId,
              itemKind: item.kind,
              prompt: item.prompt,
              expected: item.expected,
              given,
              verdict,
            })),
          });
        }
      }),
    );
    return {
      score,
      maxScore,
      items: scored.map(({ item, given, verdict }) => ({
        id: item.id,
        kind: item.kind,
        prompt: item.prompt,
        given,
        expected: item.expected,
        verdict,
      })),
    };
  },
});
