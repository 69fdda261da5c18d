import type { z } from 'zod';

/** What every job returns: the cached paths its change makes stale (the runner expires them). */
export type JobResult = { paths: string[] };

/**
 * A kind of job (docs/decisions/038-job-queue.md). `run` must be idempotent: pg-boss runs a job again
 * after a failure, and after its worker died mid-way (kill -9) once `expireInSeconds` has passed.
 * An AppError thrown by `run` is an answer, not a failure: the job ends with it and is not retried.
 */
export type JobDefinition<I = unknown, R extends JobResult = JobResult, P = unknown> = {
  /** The queue's name (pg-boss: letters, digits, dashes). */
  name: string;
  /** The job's data, checked again where it is worked (it crossed the database as JSON). */
  input: z.ZodType<I>;
  // Method syntax: a definition of specific data still fits where any definition is listed.
  run(input: I, onProgress: (value: P) => void): Promise<R>;
  /** Runs after the first one failed. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** A job running longer is failed (and retried): above the longest legitimate run, and its transaction's timeout. */
  expireInSeconds: number;
};
