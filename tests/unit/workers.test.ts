import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { annotateTexts } from '@/lib/annotation/tasks.server';
import { outlineDraft } from '@/lib/teach/tasks.server';
import { parseVocabularyCsv } from '@/lib/vocabulary/csv';
import type { TaskName } from '@/lib/worker-thread';
import { runTask, WorkerPool } from '@/lib/workers.server';

// The worker pool (lib/workers.server.ts, ADR 019): tasks give in a worker thread what they give on
// the main thread, progress arrives before the result, and a failing, crashing or hung task fails
// its caller without taking the pool down.
const SEED = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/seeds/000_989638f27897ee02.txt'), 'utf8');

describe('tasks in the worker thread', () => {
  test('give the same results as on the main thread', async () => {
    const csv = 'lemma,status,tags\nPanzer,known,Rüstung; Heer\nPanzer,new,\n=SUMME(A1),ignored,\nWerkzeugmaschine,,\n';
    expect(await runTask('parseVocabularyCsv', csv)).toEqual(parseVocabularyCsv(csv));
    const html = `<html><head><title>China</title></head><body><nav>Startseite</nav><article>${SEED.split(/\n\s*\n/)
      .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('')}</article></body></html>`;
    expect(await runTask('outlineDraft', { format: 'html', text: html })).toEqual(
      outlineDraft({ format: 'html', text: html }),
    );
  });

  test('report progress while they run, then the result', async () => {
    const input = {
      glossary: [{ lemma: 'Werkzeugmaschine' }, { lemma: 'Volksrepublik China', variants: ['China'] }],
      steps: [['Die Werkzeugmaschinen kamen aus China.', 'Peking schwieg.'], ['Zwischentitel'], ['Das war alles.']],
    };
    const events: unknown[] = [];
    const result = await runTask('annotateTexts', input, (done) => events.push(done));
    events.push('result');
    expect(events).toEqual([1, 2, 3, 'result']);
    expect(result).toEqual(annotateTexts(input, () => {}));
    expect(result.steps[0]![0]!.matches.map((m) => m.term)).toEqual(['Werkzeugmaschine', 'Volksrepublik China']);
  });

  test('a task that throws rejects with its error, and the next task still runs', async () => {
    await expect(runTask('outlineDraft', { format: 'html', text: 42 as unknown as string })).rejects.toThrow(
      /is not a function/,
    );
    expect(await runTask('parseVocabularyCsv', 'lemma\nHaus\n')).toMatchObject({ rows: [{ lemma: 'Haus' }] });
  });
});

describe('the pool', () => {
  // Threads that answer the pool's messages: 'crash' exits, 'hang' never answers, a number comes back doubled.
  const started: Worker[] = [];
  const start = () => {
    const worker = new Worker(
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', ({ id, input }) => {
         if (input === 'crash') process.exit(3);
         if (input === 'hang') return;
         parentPort.postMessage({ id, value: input * 2 });
       });`,
      { eval: true },
    );
    started.push(worker);
    return worker;
  };
  const task = 'parseVocabularyCsv' as TaskName;

  test('queues tasks beyond its threads and answers each in order', async () => {
    const pool = new WorkerPool(start, 1, 10_000);
    expect(await Promise.all([1, 2, 3].map((n) => pool.run(task, n)))).toEqual([2, 4, 6]);
  });

  test('a thread that dies fails only its task; the next task gets a new thread', async () => {
    const pool = new WorkerPool(start, 1, 10_000);
    const before = started.length;
    const results = await Promise.allSettled([pool.run(task, 'crash'), pool.run(task, 5)]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: { message: 'worker thread exited with code 3' } });
    expect(results[1]).toEqual({ status: 'fulfilled', value: 10 });
    expect(started.length - before).toBe(2);
  });

  test('a task that does not finish in time fails, and its thread is replaced', async () => {
    // The limit also covers the replacement thread's start, which takes a few hundred ms on a busy machine.
    const pool = new WorkerPool(start, 1, 2_000);
    await expect(pool.run(task, 'hang')).rejects.toThrow(/took longer than 2000 ms/);
    expect(await pool.run(task, 21)).toBe(42);
  });
});
