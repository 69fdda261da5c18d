// Runs once when the Next server starts (Next's instrumentation hook). NEXT_RUNTIME is Next's own
// build-time switch: the Node.js module is left out of any edge bundle.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startEventLoopLog } = await import('./lib/event-loop.server');
    startEventLoopLog();
    // On PostgreSQL with JOB_WORKER=embedded this instance works the job queue from the start, so that
    // a job left by an instance that died is retried here (docs/decisions/038-job-queue.md). Stopped by
    // a signal, it hands back a job it cannot finish within 10 s (exit codes as `next start`'s).
    const { queued, stopJobsOnSignals, workJobs, worksJobs } = await import('./lib/jobs/queue.server');
    if (queued && worksJobs) {
      const { ALL_JOBS } = await import('./lib/jobs/all.server');
      stopJobsOnSignals(10_000, (signal) => (signal === 'SIGTERM' ? 143 : 130));
      await workJobs(ALL_JOBS);
    }
  }
}
