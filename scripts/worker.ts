// `npm run worker`: works the job queue on PostgreSQL (docs/decisions/038-job-queue.md) for web
// instances run with JOB_WORKER=external. Prints `worker: ready` once it takes jobs. On SIGTERM or
// SIGINT it takes no new job, lets the one running finish (up to 60 s; otherwise it goes back to the
// queue for a retry) and exits 0.
import { ALL_JOBS } from '@/lib/jobs/all.server';
import { queued, stopJobs, workJobs } from '@/lib/jobs/queue.server';

const GRACE_MS = 60_000;

if (!queued) {
  process.stderr.write('worker: DATABASE_URL is SQLite, where jobs run in the app itself; nothing to do\n');
  process.exit(2);
}

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`worker: ${signal}, stopping\n`);
  stopJobs(GRACE_MS).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`worker: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

await workJobs(ALL_JOBS);
process.stdout.write(`worker: ready (${ALL_JOBS.map((job) => job.name).join(', ')})\n`);
