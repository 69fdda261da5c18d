// Runs once when the Next server starts (Next's instrumentation hook). NEXT_RUNTIME is Next's own
// build-time switch: the Node.js module is left out of any edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startEventLoopLog } = await import('./lib/event-loop.server');
    startEventLoopLog();
    // On PostgreSQL with JOB_WORKER=embedded this instance works the job queue from the start, so that
    // a job left by an instance that died is retried here (docs/decisions/038-job-queue.md).
    const { queued, workJobs, worksJobs } = await import('./lib/jobs/queue.server');
    if (queued && worksJobs) {
      const { ALL_JOBS } = await import('./lib/jobs/all.server');
      await workJobs(ALL_JOBS);
    }
  }
}
