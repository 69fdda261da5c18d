// `npm run --silent bench:load [seconds] [readers]`: 200 concurrent readers for 60 s against the production
// build (SQLite), twice in one run: once alone (the reference), once while a teacher imports a 2 MB HTML page
// and a learner imports a 5,000-row vocabulary CSV, both through their real server actions. A reader is a
// browser: a page view is the article page, the session check and the article's words (what the reader
// asks for), then the reader reads for 1–4 s before the next article. Every request has a 10 s timeout.
// Target (issue 13): 0 errors, 0 timeouts, the readers' p99 with the imports within 2× of the p99 without.
// The last line is that ratio. docs/benchmarks.md has the figures and what a closed loop without reading
// time does instead (saturation).
import http from 'node:http';
import { startApp } from '../tests/setup/app-server';
import { createSqliteDatabase, seed } from '../tests/setup/databases';
import { largeArticleHtml, largeVocabularyCsv } from '../tests/fixtures/large-inputs';
import { actionCaller, signIn, timedRequest } from './http-client';
import { type Outcome as LoadOutcome, outcomeSummary } from './latencies';

const DURATION_S = Number(process.argv[2] ?? 60);
const READERS = Number(process.argv[3] ?? 200);
const TIMEOUT_MS = 10_000;
const THINK_MS = [1_000, 4_000] as const;
const SLUGS = ['chinas-kalkulation-waffenlieferungen', 'china-hilft-russland-aufruestung'];
const LOCALES = ['en', 'de'];
const LEARNER = { email: 'learner@lesebruecke.test', password: 'lesebruecke-learner' };
const TEACHER = { email: 'teacher@lesebruecke.test', password: 'lesebruecke-teacher' };

type Kind = 'page' | 'session' | 'words';
type Outcome = LoadOutcome<Kind>;

const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** One GET with the reader's own timeout; resolves with its time and whether it answered 2xx in time. */
async function get(base: string, kind: Kind, path: string): Promise<Outcome> {
  const answer = await timedRequest(`${base}${path}`, { agent, timeoutMs: TIMEOUT_MS });
  return { kind, ms: answer.ms, ok: answer.status >= 200 && answer.status < 300, timedOut: answer.timedOut };
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `readers` readers for `seconds`; each outcome recorded. */
async function read(base: string, seconds: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const end = performance.now() + seconds * 1000;
  const reader = async (index: number) => {
    // Readers arrive over the first reading time, not all in the same millisecond.
    await sleep((index / READERS) * THINK_MS[1]);
    while (performance.now() < end) {
      const slug = pick(SLUGS);
      outcomes.push(await get(base, 'page', `/${pick(LOCALES)}/articles/${slug}`));
      outcomes.push(
        ...(await Promise.all([
          get(base, 'session', '/api/auth/get-session'),
          get(base, 'words', `/api/articles/${slug}/words`),
        ])),
      );
      await sleep(THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0]));
    }
  };
  await Promise.all(Array.from({ length: READERS }, (_, index) => reader(index)));
  return outcomes;
}

const report = (label: string, outcomes: Outcome[]) => {
  for (const kind of ['page', 'session', 'words'] as const)
    console.log(line(`  ${kind}`, outcomeSummary(outcomes.filter((o) => o.kind === kind))));
  const all = outcomeSummary(outcomes);
  console.log(line(label, all));
  return all;
};

const line = (label: string, s: ReturnType<typeof outcomeSummary>) =>
  `${label}: ${s.requests} requests (${(s.requests / DURATION_S).toFixed(0)}/s), ${s.errors} errors, ${s.timeouts} timeouts, ` +
  `p50 ${s.p50.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms, max ${s.max.toFixed(0)} ms`;

const database = await createSqliteDatabase();
seed(database.url);
const app = await startApp(database.url);
try {
  // Pages and words are cached on their first request (docs/decisions/007): make that happen before.
  for (const slug of SLUGS) {
    for (const locale of LOCALES) await get(app.url, 'page', `/${locale}/articles/${slug}`);
    await get(app.url, 'words', `/api/articles/${slug}/words`);
  }
  const [teacher, learner] = await Promise.all([signIn(app.url, TEACHER), signIn(app.url, LEARNER)]);

  const quiet = report(`[${READERS} readers, ${DURATION_S} s, alone]`, await read(app.url, DURATION_S));

  // The largest a teacher may import (lib/teach/schema.ts HTML_RAW_MAX: 2,000,000 characters) and a
  // 5,000-row CSV, made from the seed articles' German (tests/fixtures/large-inputs.ts).
  const html = largeArticleHtml(1_990_000);
  const csv = largeVocabularyCsv(5_000);
  const call = actionCaller(app.url);
  const work = (async () => {
    await sleep(5_000);
    const timed = async (label: string, run: () => Promise<unknown>) => {
      const started = performance.now();
      await run();
      return `${label} ${((performance.now() - started) / 1000).toFixed(1)} s`;
    };
    return Promise.all([
      timed(`HTML import (${(Buffer.byteLength(html) / 1e6).toFixed(1)} MB)`, () =>
        call('lib/teach/actions.ts#createDraftAction', teacher, { format: 'html', text: html }),
      ),
      timed('CSV import (5,000 rows)', () => call('lib/vocabulary/actions.ts#applyImportAction', learner, csv)),
    ]);
  })();
  const [busyOutcomes, durations] = await Promise.all([read(app.url, DURATION_S), work]);
  const busy = report(`[${READERS} readers, ${DURATION_S} s, with imports]`, busyOutcomes);
  console.log(`[imports] ${durations.join(', ')}`);
  console.log(
    `readers' p99 with imports / alone: ${(busy.p99 / quiet.p99).toFixed(2)}× (target ≤ 2), ` +
      `errors ${quiet.errors + busy.errors}, timeouts ${quiet.timeouts + busy.timeouts}`,
  );
} finally {
  agent.destroy();
  app.stop();
  await database.drop();
}
