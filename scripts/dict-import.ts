// `npm run dict:import -- <path>`: replaces the general German–English dictionary with a Ding file
// (Debian trans-de-en installs /usr/share/trans/de-en) in DATABASE_URL. Progress goes to stderr about
// every 50 000 lines; the last line on stdout is `dictionary: <senses> senses from <lines> lines in
// <ms> ms`. Exit 2 with a usage message without a path; exit 1 with the reason when the file is
// refused (the stored dictionary is then unchanged). On PostgreSQL it runs as a job
// (docs/decisions/038-job-queue.md): with JOB_WORKER=external `npm run worker` imports the file (it
// must see the same path) and only the last line is printed.
import path from 'node:path';
import { db } from '@/lib/db.server';
import { dictionaryImportJob } from '@/lib/dictionary/import.server';
import { stopJobs } from '@/lib/jobs/queue.server';
import { runJob } from '@/lib/jobs/service.server';

const USAGE = 'usage: npm run dict:import -- <path to a Ding de-en file, e.g. /usr/share/trans/de-en>';
const PROGRESS_EVERY = 50_000;

async function main(args: readonly string[]): Promise<number> {
  const file = args.length === 1 ? args[0]!.trim() : '';
  if (!file) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const started = performance.now();
  let nextReport = PROGRESS_EVERY;
  try {
    const result = await runJob(dictionaryImportJob, { file: path.resolve(file) }, ({ lines, senses }) => {
      if (lines < nextReport) return;
      process.stderr.write(`… ${lines} lines, ${senses} senses\n`);
      nextReport = (Math.floor(lines / PROGRESS_EVERY) + 1) * PROGRESS_EVERY;
    });
    if (result.skipped > 0) process.stderr.write(`skipped ${result.skipped} malformed lines\n`);
    const ms = Math.round(performance.now() - started);
    process.stdout.write(`dictionary: ${result.senses} senses from ${result.lines} lines in ${ms} ms\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await stopJobs();
    await db.$disconnect();
  }
}

process.exitCode = await main(process.argv.slice(2));
