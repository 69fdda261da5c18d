// `npm run worker`: works the job queue on PostgreSQL (docs/decisions/038-job-queue.md) for web
// instances run with JOB_WORKER=external. Prints `worker: ready` once it takes jobs. On SIGTERM or
// SIGINT it takes no new job, lets the one running finish (up to 60 s; otherwise it goes back to the
// queue for a retry) and exits 0. With TASK_SERVICE_URL it also serves the web processes' CPU-heavy
// tasks (docs/decisions/048-web-tasks-in-the-worker.md), so that only it loads the lemma table.
import { env } from '@/lib/env.server';
import { ALL_JOBS } from '@/lib/jobs/all.server';
import { queued, stopJobsOnSignals, workJobs } from '@/lib/jobs/queue.server';
import { serveTasks } from '@/lib/task-service.server';

if (!queued) {
  process.stderr.write('worker: DATABASE_URL is SQLite, where jobs run in the app itself; nothing to do\n');
  process.exit(2);
}

stopJobsOnSignals(60_000, () => 0);
await workJobs(ALL_JOBS);
const service = await serveTasks();
process.stdout.write(
  `worker: ready (${ALL_JOBS.map((job) => job.name).join(', ')})` +
    `${service ? `, task service at ${env.TASK_SERVICE_URL}` : ''}\n`,
);
