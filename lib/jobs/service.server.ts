import 'server-only';
import { enqueueJob, followJob, performJob, queued, workJobs, worksJobs } from './queue.server';
import type { JobDefinition, JobResult } from './types';

export type { JobDefinition, JobResult } from './types';
export { queueReady } from './queue.server';

/** Declares a kind of job (only for type inference). */
export function defineJob<I, R extends JobResult, P = never>(definition: JobDefinition<I, R, P>) {
  return definition;
}

/**
 * Runs a job and waits for its result; `onProgress` receives what it reports. With SQLite it runs here
 * and now, as before the queue. With PostgreSQL it is enqueued and followed to its end: worked by this
 * process (JOB_WORKER=embedded) or by `npm run worker` (external); if this process dies meanwhile, the
 * job still completes. Either way the job's stale paths are expired for every instance (expirePaths);
 * a request awaiting it revalidates them in its own process as before.
 */
export async function runJob<I, R extends JobResult, P>(
  definition: JobDefinition<I, R, P>,
  data: I,
  onProgress?: (value: P) => void,
): Promise<R> {
  if (!queued) return performJob(definition, data, (value) => onProgress?.(value));
  if (worksJobs) await workJobs([definition as JobDefinition]);
  const id = await enqueueJob(definition, data);
  return followJob(definition, id, onProgress);
}
