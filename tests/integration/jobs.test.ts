import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { performAs } from '@/lib/action.server';
import { databaseProvider, db } from '@/lib/db.server';
import { dictionaryImportJob } from '@/lib/dictionary/import.server';
import { enqueueJob, jobState, queueReady, stopJobs, workJobs } from '@/lib/jobs/queue.server';
import type { Result } from '@/lib/result';
import { createDraft } from '@/lib/teach/import.server';
import { publish, publishJob } from '@/lib/teach/publish.server';

// The job queue (docs/decisions/038-job-queue.md). Runs once against SQLite, where jobs run in the
// asking process, and once against PostgreSQL, where they go through pg-boss: worked by this process
// (JOB_WORKER=embedded, the default) or by a `npm run worker` process that a test starts.
const ROOT = path.resolve(import.meta.dirname, '../..');
const DICTIONARY_FIXTURE = path.join(ROOT, 'tests/fixtures/ding-de-en.txt');
const onPostgres = databaseProvider === 'postgresql';
const users = { teacher: '' };
const WAIT = { timeout: 90_000, interval: 200 };

const ok = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.data;
};

/** A complete draft: German and English in every group. */
async function draft(text: string): Promise<{ id: string; slug: string }> {
  const { slug } = ok(
    await performAs({ userId: users.teacher }, createDraft, { format: 'txt', text, title: 'Warteschlange' }),
  );
  await db.sentence.updateMany({ where: { paragraph: { article: { slug } } }, data: { textEn: 'Translated.' } });
  return db.article.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true } });
}

/** What an annotation wrote for the article: the status and every row it owns. */
async function stored(articleId: string) {
  const article = await db.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { status: true, wordCount: true, engineVersion: true },
  });
  const sentences = await db.sentence.findMany({
    where: { paragraph: { articleId } },
    select: { tokens: true },
    orderBy: { id: 'asc' },
  });
  const lemmas = await db.articleLemma.findMany({
    where: { articleId },
    select: { lemma: true },
    orderBy: { lemma: 'asc' },
  });
  const occurrences = await db.termOccurrence.findMany({
    where: { articleId },
    select: { sentenceId: true, start: true, end: true, surface: true },
    orderBy: [{ sentenceId: 'asc' }, { start: 'asc' }],
  });
  return { ...article, tokens: sentences.map((s) => s.tokens), lemmas, occurrences };
}

beforeAll(async () => {
  await db.article.deleteMany();
  await db.term.deleteMany();
  await db.user.deleteMany({ where: { email: { endsWith: '@jobs.test' } } });
  users.teacher = (
    await db.user.create({
      data: { name: 'teacher', email: 'teacher@jobs.test', role: 'teacher' },
      select: { id: true },
    })
  ).id;
  await db.term.create({ data: { lemma: 'Warteschlange' } });
});
afterAll(async () => {
  await db.$disconnect();
});

describe('jobs', () => {
  test('the queue is ready', async () => {
    expect(await queueReady()).toBe(true);
  });

  test('publishing runs as a job and ends published and annotated, with its progress', async () => {
    const { id, slug } = await draft('Die Warteschlange ist lang. Wir warten.\n\nDann kommt der Bus.');
    const progress: [number, number][] = [];
    expect(
      await performAs(
        { userId: users.teacher },
        publish((done, total) => progress.push([done, total])),
        { slug },
      ),
    ).toEqual({ ok: true, data: { slug } });
    const after = await stored(id);
    expect(after.status).toBe('published');
    expect(after.wordCount).toBeGreaterThan(0);
    expect(after.tokens.every((tokens) => tokens !== null)).toBe(true);
    expect(after.lemmas.length).toBeGreaterThan(0);
    expect(after.occurrences.map((o) => o.surface)).toEqual(['Warteschlange']);
    expect(progress.at(-1)).toEqual([progress[0]![1], progress[0]![1]]);
    if (onPostgres) {
      const jobs = await db.$queryRawUnsafe<{ state: string }[]>(
        `SELECT state FROM pgboss.job WHERE name = 'publish-article' AND data->>'articleId' = $1
         UNION ALL SELECT state FROM pgboss.archive WHERE name = 'publish-article' AND data->>'articleId' = $1`,
        id,
      );
      expect(jobs).toEqual([{ state: 'completed' }]);
    }
  });

  test('a refusal ends the job with its answer, not a retry', async () => {
    const { slug } = await draft('Ein Satz ohne Englisch.');
    await db.sentence.updateMany({ where: { paragraph: { article: { slug } } }, data: { textEn: '' } });
    expect(await performAs({ userId: users.teacher }, publish(), { slug })).toEqual({
      ok: false,
      error: 'teach:errors.untranslated',
    });
  });

  test('the publishing job run again (a retry) leaves exactly what one run left', async () => {
    const { id } = await draft('Die Warteschlange wächst. Eine Warteschlange vor dem Laden.');
    await publishJob.run({ articleId: id }, () => {});
    const once = await stored(id);
    await publishJob.run({ articleId: id }, () => {});
    expect(await stored(id)).toEqual(once);
    expect(once.occurrences).toHaveLength(2);
  });
});

/** `npm run worker` as one process (tsx as a loader, not its CLI's child), so that a kill reaches it. */
function startWorker(): ChildProcess {
  return spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], {
    cwd: ROOT,
    env: { ...process.env, JOB_WORKER: 'external' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe.runIf(onPostgres)('the queue on PostgreSQL', () => {
  let worker: ChildProcess | undefined;
  afterAll(() => {
    worker?.kill('SIGKILL');
  });

  test('a job whose handler fails is retried, and completes once it can', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesebruecke-jobs-'));
    const file = path.join(dir, 'de-en');
    try {
      await workJobs([dictionaryImportJob]);
      const id = await enqueueJob(dictionaryImportJob, { file });
      // The file is not there yet: the first run fails and the job waits for its retry.
      await vi.waitFor(async () => expect((await jobState(dictionaryImportJob, id))?.state).toBe('retry'), WAIT);
      fs.copyFileSync(DICTIONARY_FIXTURE, file);
      await vi.waitFor(async () => expect((await jobState(dictionaryImportJob, id))?.state).toBe('completed'), WAIT);
      const job = (await jobState(dictionaryImportJob, id))!;
      expect(job.retryCount).toBeGreaterThanOrEqual(1);
      expect(job.output).toEqual({ paths: [], senses: 83, lines: 44, skipped: 3 });
      expect(await db.dictionaryEntry.count()).toBe(83);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an external worker (npm run worker) works a job enqueued here and stops cleanly on SIGTERM', async () => {
    // This process only enqueues from now on, as a web instance with JOB_WORKER=external.
    await stopJobs();
    const { id } = await draft('Der Arbeiter nimmt die Warteschlange ab. Alles wird fertig.');
    await enqueueJob(publishJob, { articleId: id });
    let output = '';
    worker = startWorker();
    worker.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => worker!.on('exit', (code) => resolve(code)));

    await vi.waitFor(async () => expect((await stored(id)).status).toBe('published'), WAIT);
    const after = await stored(id);
    expect(after.tokens.every((tokens) => tokens !== null)).toBe(true);
    expect(after.occurrences.map((o) => o.surface)).toEqual(['Warteschlange']);
    expect(output).toContain('worker: ready');

    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
    worker = undefined;
  });

  test(
    'a worker killed (kill -9) while annotating leaves a complete draft or a fully annotated article; its job is retried at once',
    { timeout: 240_000 },
    async () => {
      await stopJobs();
      const paragraph = 'Die Warteschlange vor dem Amt wird jeden Morgen länger. Niemand weiß, warum.';
      const { id } = await draft(Array.from({ length: 80 }, () => paragraph).join('\n\n'));
      const before = await stored(id);
      const jobId = await enqueueJob(publishJob, { articleId: id });
      worker = startWorker();
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        worker!.on('exit', (_code, signal) => resolve(signal)),
      );
      await vi.waitFor(async () => expect((await jobState(publishJob, jobId))?.state).toBe('active'), WAIT);
      worker.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      worker = undefined;

      const after = await stored(id);
      if (after.status === 'published') {
        expect(after.tokens.every((tokens) => tokens !== null)).toBe(true);
        expect(after.occurrences.length).toBeGreaterThan(0);
        expect(after.lemmas.length).toBeGreaterThan(0);
      } else expect(after).toEqual(before);
      // The job is not lost: the dead worker's lock went with its connection, so the next worker's reaper
      // fails it within seconds (not at its expiry, minutes later) and it is retried to its end.
      expect((await jobState(publishJob, jobId))?.state).toMatch(/^(active|completed)$/);
      worker = startWorker();
      await vi.waitFor(async () => expect((await jobState(publishJob, jobId))?.state).toBe('completed'), WAIT);
      const done = await stored(id);
      expect(done.status).toBe('published');
      expect(done.tokens.every((tokens) => tokens !== null)).toBe(true);
      expect(done.occurrences.length).toBeGreaterThan(0);
    },
  );
});
