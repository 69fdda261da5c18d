// `npm run --silent bench:stalls`: the longest time the server answers nothing while one heavy request
// runs (issue 13, item 3) — a 1.8-million-character HTML import, a 5,000-row vocabulary CSV (preview
// and import) and publishing the imported article — beside a same-run reference with nothing running.
// Production build on a fresh seeded SQLite database. Two measures:
// - probe: a client asks for a tiny static file (/reader-mode.js, 367 bytes) every 10 ms, one request
//   at a time; a request that takes 2 s means the server answered nothing else for about 2 s.
// - server loop: the server itself (EVENT_LOOP_LOG, lib/event-loop.server.ts) logs each turn of its
//   event loop that came more than 20 ms late, with its main thread's CPU time in between. On a busy
//   machine the wall time includes waiting for a CPU; the CPU time is what the server's own code held
//   the loop for, the figure that does not depend on what else the machine runs. It includes garbage
//   collection pauses, printed on their own.
// Target: ≤ 100 ms during each operation. Publishing also prints when its progress lines arrived:
// they must come while it works. Prints figures; the last line is the worst operation's figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../tests/setup/app-server';
import { createSqliteDatabase, seed } from '../tests/setup/databases';
import { largeArticleHtml, largeVocabularyCsv } from '../tests/fixtures/large-inputs';
import { actionCaller, signIn } from './http-client';
import { latencySummary } from './latencies';

const PROBE_PATH = '/reader-mode.js';
const PROBE_EVERY_MS = 10;
const REFERENCE_MS = 5_000;
const TEACHER = { email: 'teacher@lesebruecke.test', password: 'lesebruecke-teacher' };
const LEARNER = { email: 'learner@lesebruecke.test', password: 'lesebruecke-learner' };

type Probe = { count: number; max: number; p50: number; p99: number };
type Stall = { end: number; wallMs: number; cpuMs: number | null };
type Collection = { end: number; gcMs: number };
type Loop = { longest: number; cpuOfLongest: number; mostCpu: number; longestGc: number };

const LOOP_LOG = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lesebruecke-stalls-')), 'event-loop.ndjson');

/** The server's logged stalls that ended between `from` and `to` (epoch ms). */
function loopBetween(from: number, to: number): Loop {
  const lines = (fs.existsSync(LOOP_LOG) ? fs.readFileSync(LOOP_LOG, 'utf8') : '')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Stall | Collection)
    .filter((line) => line.end >= from && line.end <= to);
  const stalls = lines.filter((line): line is Stall => 'wallMs' in line);
  const collections = lines.filter((line): line is Collection => 'gcMs' in line);
  const longest = stalls.reduce<Stall | undefined>((a, b) => (a && a.wallMs >= b.wallMs ? a : b), undefined);
  return {
    longest: longest?.wallMs ?? 0,
    cpuOfLongest: longest?.cpuMs ?? 0,
    mostCpu: Math.max(0, ...stalls.map((stall) => stall.cpuMs ?? 0)),
    longestGc: Math.max(0, ...collections.map((collection) => collection.gcMs)),
  };
}

/** Probes `url` every PROBE_EVERY_MS until `work` settles; the work's result, the probe's latencies and the server's stalls meanwhile. */
async function probing<T>(
  url: string,
  work: () => Promise<T>,
): Promise<{ result: T; ms: number; probe: Probe; loop: Loop }> {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      // A kept-alive connection the server closed as the request went out is reset: asked again, the
      // probe's latency includes both tries.
      const probe = () =>
        fetch(`${url}${PROBE_PATH}`).then(async (response) => {
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`probe: ${response.status}`);
        });
      await probe().catch(probe);
      latencies.push(performance.now() - started);
      const wait = PROBE_EVERY_MS - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();
  const started = performance.now();
  const from = Date.now();
  try {
    const result = await work();
    const ms = performance.now() - started;
    running = false;
    await loop;
    // The server writes a stall when its loop turns again: a moment after the probe's last answer.
    await new Promise((resolve) => setTimeout(resolve, 50));
    return { result, ms, probe: latencySummary(latencies), loop: loopBetween(from, Date.now()) };
  } finally {
    running = false;
    await loop;
  }
}

/** Publishes `slug` through the streaming route; when (ms after the request) each progress line and the end arrived. */
async function publish(url: string, cookie: string, slug: string) {
  const started = performance.now();
  const response = await fetch(`${url}/api/teach/articles/${slug}/publish`, {
    method: 'POST',
    headers: { origin: url, cookie },
  });
  if (!response.ok || !response.body) throw new Error(`publish: ${response.status}`);
  const progress: { at: number; done: number; total: number }[] = [];
  let end: { ok: boolean; error?: string } | undefined;
  let buffer = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body) {
    const at = performance.now() - started;
    buffer += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, newline)) as {
        done?: number;
        total?: number;
        ok?: boolean;
        error?: string;
      };
      buffer = buffer.slice(newline + 1);
      if (line.done !== undefined) progress.push({ at, done: line.done, total: line.total! });
      else end = { ok: Boolean(line.ok), error: line.error };
    }
  }
  if (!end?.ok) throw new Error(`publish: ${end?.error ?? 'no result line'}`);
  return { progress, total: performance.now() - started };
}

const database = await createSqliteDatabase();
seed(database.url);
const app = await startApp(database.url, { EVENT_LOOP_LOG: LOOP_LOG });
process.env.DATABASE_URL = database.url;
const { db } = await import('@/lib/db.server');
try {
  const teacher = await signIn(app.url, TEACHER);
  const learner = await signIn(app.url, LEARNER);
  const call = actionCaller(app.url);
  const html = largeArticleHtml();
  const csv = largeVocabularyCsv();
  // Warm-up: every route once, so that no first-request compilation or module load is measured.
  await probing(app.url, async () => {
    const { slug } = await call('lib/teach/actions.ts#createDraftAction', teacher, {
      format: 'paste',
      text: 'Ein kurzer Satz zum Aufwärmen.',
    });
    await db.sentence.updateMany({ where: { paragraph: { article: { slug: String(slug) } } }, data: { textEn: 'A.' } });
    await publish(app.url, teacher, String(slug));
    await call('lib/vocabulary/actions.ts#previewImportAction', learner, 'lemma\nAufwärmen\n');
  });

  const ms = (value: number, width = 5) => `${value.toFixed(0).padStart(width)} ms`;
  console.log(
    `${''.padEnd(36)} ${'time'.padStart(8)}   ${'probe: longest'.padStart(14)} ${'p99'.padStart(8)}   server loop: longest (on CPU)   most on CPU   longest GC`,
  );
  type Run = { ms: number; probe: Probe; loop: Loop };
  const report = (label: string, run: Run): Run => {
    console.log(
      `${label.padEnd(36)} ${(run.ms / 1000).toFixed(2).padStart(6)} s   ${ms(run.probe.max, 11)} ${ms(run.probe.p99)}   ${ms(
        run.loop.longest,
        20,
      )} (${ms(run.loop.cpuOfLongest, 4)})   ${ms(run.loop.mostCpu, 8)}   ${ms(run.loop.longestGc, 7)}`,
    );
    return run;
  };
  report(
    'reference (nothing else running)',
    await probing(app.url, () => new Promise((resolve) => setTimeout(resolve, REFERENCE_MS))),
  );
  const imported = await probing(app.url, () =>
    call('lib/teach/actions.ts#createDraftAction', teacher, { format: 'html', text: html, fileName: 'lage.html' }),
  );
  const worst: Run[] = [report(`HTML import (${(html.length / 1e6).toFixed(2)} M characters)`, imported)];
  const slug = String(imported.result.slug);
  const groups = await db.sentence.count({ where: { paragraph: { article: { slug } } } });
  worst.push(
    report(
      `CSV preview (${csv.split('\r\n').length - 2} rows)`,
      await probing(app.url, () => call('lib/vocabulary/actions.ts#previewImportAction', learner, csv)),
    ),
  );
  worst.push(
    report(
      `CSV import (${csv.split('\r\n').length - 2} rows)`,
      await probing(app.url, () => call('lib/vocabulary/actions.ts#applyImportAction', learner, csv)),
    ),
  );
  await db.sentence.updateMany({ where: { paragraph: { article: { slug } } }, data: { textEn: 'Translated.' } });
  const published = await probing(app.url, () => publish(app.url, teacher, slug));
  worst.push(report(`publish (${groups} sentence groups)`, published));
  const { progress, total } = published.result;
  // Steps are paragraphs and headings; the last line (total of total) follows the write.
  const steps = progress.filter((line) => line.done > 0 && line.done < line.total);
  console.log(
    `publish progress: ${steps.length} step lines arriving from ${steps[0]!.at.toFixed(0)} to ${steps
      .at(-1)!
      .at.toFixed(0)} ms in ${new Set(steps.map((line) => line.at)).size} reads; the end at ${total.toFixed(0)} ms`,
  );
  console.log(
    `worst operation: probe ${Math.max(...worst.map((r) => r.probe.max)).toFixed(0)} ms, server loop ${Math.max(
      ...worst.map((r) => r.loop.longest),
    ).toFixed(0)} ms, on CPU at most ${Math.max(...worst.map((r) => r.loop.mostCpu)).toFixed(0)} ms`,
  );
} finally {
  await db.$disconnect();
  app.stop();
  await database.drop();
  fs.rmSync(path.dirname(LOOP_LOG), { recursive: true, force: true });
}
