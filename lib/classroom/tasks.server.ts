import 'server-only';
import { loadLexicon } from '@/lib/annotation/queries.server';
import { createLemmatizer } from '@/lib/text';
import { buildQuiz, type QuizItem, type QuizLanguage, type QuizTerm, scoreAnswer } from './quiz';
import type { QuizVerdict } from './types';

// Quizzes' work over the lemma table, run in a worker thread (lib/workers.server.ts) or at the
// task service (lib/task-service.server.ts): the web process never loads the table (ADR 048).

let language: Required<QuizLanguage> | undefined;
/** lib/text's lemma table and lemmatizer, made on first use: adjectival nouns, inflected forms. */
function quizLanguage(): Required<QuizLanguage> {
  if (!language) {
    const lexicon = loadLexicon();
    language = { lexicon, lemmatize: createLemmatizer(lexicon) };
  }
  return language;
}

/** An assignment's focus terms with their occurrences → its quiz items (./quiz.ts, buildQuiz). */
export function buildQuizItems(terms: QuizTerm[]): QuizItem[] {
  return buildQuiz(terms, quizLanguage());
}

/** Quiz items and the answers given to each (same order) → each answer's verdict. */
export function scoreQuizAnswers(input: { items: QuizItem[]; givens: string[] }): QuizVerdict[] {
  return input.items.map((item, index) => scoreAnswer(item, input.givens[index] ?? '', quizLanguage().lemmatize));
}
