import 'server-only';
import { retrying, TX_OPTIONS } from '@/lib/db-retry.server';
import { loadLexicon } from '@/lib/annotation/lexicon.server';
import { db } from '@/lib/db.server';
import { createLemmatizer } from '@/lib/text';
import { buildQuiz, type Lemmatize, type QuizItem, type QuizTerm, scoreAnswer, toItemView } from './quiz';
import { SubmitQuizSchema, type SubmitQuizInput } from './schema';
import { assignmentOfMember, invalid, NOT_FOUND } from './shared.server';
import type { ClassroomResult, QuizItemView, QuizResult } from './types';

// The quiz of an assignment, for members of its class: generated from the focus terms and the
// article's stored occurrences each time (deterministic, so item ids are stable), scored on submit.

let lemmatizer: Lemmatize | undefined;
/** lib/text's lemmatizer over the lemma table, made on first use. */
function lemmatize(word: string) {
  lemmatizer ??= createLemmatizer(loadLexicon());
  return lemmatizer(word);
}

/** The quiz items of an assignment, answers included: server-side only. */
async function quizItems(assignmentId: string, articleId: string): Promise<QuizItem[]> {
  const focus = await db.assignmentTerm.findMany({
    where: { assignmentId },
    select: {
      term: {
        select: {
          id: true,
          lemma: true,
          kind: true,
          gender: true,
          englishPreferred: true,
          occurrences: {
            where: { articleId, sentenceId: { not: null } },
            select: {
              start: true,
              end: true,
              surface: true,
              kind: true,
              sentence: {
                select: { position: true, textDe: true, textEn: true, paragraph: { select: { position: true } } },
              },
            },
          },
        },
      },
    },
  });
  const terms: QuizTerm[] = focus.map(({ term }) => ({
    id: term.id,
    lemma: term.lemma,
    kind: term.kind,
    gender: term.gender === 'm' || term.gender === 'f' || term.gender === 'n' ? term.gender : null,
    englishPreferred: term.englishPreferred,
    occurrences: term.occurrences.flatMap((o) =>
      o.sentence
        ? [
            {
              textDe: o.sentence.textDe,
              textEn: o.sentence.textEn,
              start: o.start,
              end: o.end,
              surface: o.surface,
              kind: o.kind,
              paragraph: o.sentence.paragraph.position,
              sentence: o.sentence.position,
            },
          ]
        : [],
    ),
  }));
  return buildQuiz(terms);
}

/** The quiz as a member of the class sees it (no answers); null if not a member or the quiz is off. */
export async function getQuiz(userId: string, assignmentId: string): Promise<QuizItemView[] | null> {
  if (typeof assignmentId !== 'string' || !assignmentId) return null;
  const assignment = await assignmentOfMember(userId, assignmentId);
  if (!assignment?.quizEnabled) return null;
  return (await quizItems(assignment.id, assignment.articleId)).map(toItemView);
}

/**
 * Scores a member's answers and stores the attempt with every item's answer and verdict (one
 * transaction). Items left out count as unanswered (wrong); unknown item ids are ignored. Any number
 * of attempts; the best counts.
 */
export async function submitQuiz(
  userId: string,
  input: SubmitQuizInput,
  now: Date = new Date(),
): Promise<ClassroomResult<QuizResult>> {
  const parsed = SubmitQuizSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const assignment = await assignmentOfMember(userId, parsed.data.assignmentId);
  if (!assignment) return NOT_FOUND;
  if (!assignment.quizEnabled) return { ok: false, error: 'classroom:errors.quizDisabled' };
  const items = await quizItems(assignment.id, assignment.articleId);
  const answers = new Map<string, string>();
  for (const a of parsed.data.answers) if (!answers.has(a.itemId)) answers.set(a.itemId, a.given.trim());
  const scored = items.map((item) => {
    const given = answers.get(item.id) ?? '';
    return { item, given, verdict: scoreAnswer(item, given, lemmatize) };
  });
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
    }, TX_OPTIONS),
  );
  return {
    ok: true,
    data: {
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
    },
  };
}
