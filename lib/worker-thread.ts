import 'server-only';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { annotateTexts, matchTexts, nounGenders, nounPluralsOf, termKeys } from '@/lib/annotation/tasks.server';
import { buildQuizItems, scoreQuizAnswers } from '@/lib/classroom/tasks.server';
import { meaningSteps } from '@/lib/dictionary/tasks.server';
import { parseGlossaryFile } from '@/lib/glossary/exchange-file';
import { extractTermCandidates, grammarFacts, readGlossaryQuery } from '@/lib/glossary/tasks.server';
import { outlineDocx, outlineDraft } from '@/lib/teach/tasks.server';
import { parseVocabularyCsv } from '@/lib/vocabulary/csv';

// A worker thread of lib/workers.server.ts: runs one task at a time, as the pool sends them. The
// tasks are pure functions of their (structured-clone) input: no database, no request, no session.

// The thread yields the CPU to the server's event loop: on Linux each thread has its own nice value,
// and /proc/thread-self names this one. Elsewhere (or if refused) it keeps the process's priority.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').at(-1)), 10);
} catch {
  // not Linux
}

export const TASKS = {
  /** Teacher's source → draft outline (jsdom, Readability, sentence splitting). */
  outlineDraft,
  /** A Word file → draft outline (mammoth, then as outlineDraft). */
  outlineDocx,
  /** Vocabulary CSV → rows and errors (papaparse, zod). */
  parseVocabularyCsv,
  /** A glossary file (TBX or CSV) → checked entries and numbered errors (jsdom or papaparse, zod). */
  parseGlossaryFile,
  /** An article's texts → tokens, glossary matches, lemma index (the German engine), with progress. */
  annotateTexts,
  /** An article's texts → glossary candidates (domain compounds, phrases, particle verbs, idioms). */
  extractTermCandidates,
  /** A lemma and its kind → the lemma table's gender, plural, genitive or separability (grammar check). */
  grammarFacts,
  /** Texts → their glossary matches only (re-annotation after a glossary change). */
  matchTexts,
  /** Glossary entries → the lemma keys an article must offer for each to match (which articles a change touches). */
  termKeys,
  /** Noun lemmas → the lemma table's gender of each (My words, its export). */
  nounGenders,
  /** Noun lemmas → their plurals from the lemma table's source (My words' export). */
  nounPluralsOf,
  /** A word of a text → the headwords the general dictionary is searched by (word lookups, suggested meanings). */
  meaningSteps,
  /** An assignment's focus terms → its quiz items (adjectival nouns, inflected forms). */
  buildQuizItems,
  /** Quiz items and answers → verdicts (an inflected form of the right word is near, not wrong). */
  scoreQuizAnswers,
  /** A glossary search query → the entries it holds and its words' lemmas. */
  readGlossaryQuery,
};
export type Tasks = typeof TASKS;
export type TaskName = keyof Tasks;

/** pool → thread */
export type TaskRequest = { id: number; task: TaskName; input: unknown };
/** thread → pool: progress of the running task, its result, or its failure. */
export type TaskReply =
  | { id: number; progress: unknown }
  | { id: number; value: unknown }
  | { id: number; error: { message: string; stack?: string } };

parentPort?.on('message', async ({ id, task, input }: TaskRequest) => {
  const port = parentPort!;
  try {
    const run = TASKS[task] as (input: unknown, progress: (value: unknown) => void) => unknown;
    const value = await run(input, (progress) => port.postMessage({ id, progress } satisfies TaskReply));
    port.postMessage({ id, value } satisfies TaskReply);
  } catch (error) {
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ id, error: { message, stack } } satisfies TaskReply);
  }
});
