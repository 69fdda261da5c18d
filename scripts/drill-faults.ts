// Fault drills on the cluster of `npm run cluster` (issue 15; docs/decisions/040-deployment-shape.md):
//
//   npm run --silent drill:faults [-- --only postgres-outage,redis-down]
//
// Each drill prints one line, `<name>: ok …` or `<name>: FAIL …`; the exit code is 1 when one fails.
// The cluster runs the build in .next-e2e (made here when missing, as `npm test` makes it) on a
// PostgreSQL server of the drill's own (initdb into a temporary folder, on a free port), so stopping
// that server disturbs no other database of the machine, and with its own Redis and nginx.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { actionCaller, sessionCookie } from '../bench/http-client';
import { decodeTokens } from '../lib/annotation/tokens';
import { createDb, type Db } from '../lib/db.server';
import { buildApp, DIST_DIR } from '../tests/setup/app-server';
import { REPO_ROOT } from '../tests/setup/databases';
import { freePort, prepareDatabase, startCluster, waitUntil } from './cluster.mjs';

type Cluster = Awaited<ReturnType<typeof startCluster>>;
type Drill = { name: string; run: (context: Context) => Promise<string> };
type Context = { cluster: Cluster; postgres: PrivatePostgres; db: Db; databaseUrl: string };

const SECRET = 'drill-only-secret-0123456789abcdef0123456789';
const SLUG = 'chinas-kalkulation-waffenlieferungen';

// ---------------------------------------------------------------------------------------------------
// A PostgreSQL server of the drill's own.

type PrivatePostgres = { port: number; start: () => void; stop: () => void; remove: () => void };

/** initdb into a temporary folder and start it on a free loopback port (as the postgres user when run as root). */
async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const versions = fs.readdirSync('/usr/lib/postgresql').sort();
  const bin = path.join('/usr/lib/postgresql', versions.at(-1)!, 'bin');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesebruecke-drill-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const run = (command: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]]
      : [path.join(bin, command), args];
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command}: ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  return { port, start, stop, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------------------
// Load and what it saw.

type Outcome = { kind: string; status: number; ms: number; at: number; body: string };
/** A status for a request that got no answer in time or no answer at all. */
const NO_ANSWER = 0;

async function timed(kind: string, request: () => Promise<Response>): Promise<Outcome> {
  const at = Date.now();
  try {
    const response = await request();
    return { kind, status: response.status, ms: Date.now() - at, at, body: await response.text() };
  } catch (error) {
    return { kind, status: NO_ANSWER, ms: Date.now() - at, at, body: String(error) };
  }
}

/** Signs up a new account (a learner unless said) through `base`; its session cookie. */
async function signUp(base: string, name: string, role: 'learner' | 'teacher' = 'learner'): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ name, role, email: `${name}-${Date.now()}@drill.test`, password: 'drill password 123' }),
  });
  if (!response.ok) throw new Error(`sign-up ${name}: ${response.status} ${await response.text()}`);
  return sessionCookie(response);
}

/** The lemmas of the first sentence group of the seed article (p1-s1), which saving a word needs. */
async function firstSentenceLemmas(db: Db): Promise<string[]> {
  const sentence = await db.sentence.findFirstOrThrow({
    where: { paragraph: { article: { slug: SLUG }, position: 0 }, position: 0 },
    select: { tokens: true },
  });
  return [...new Set(decodeTokens(sentence.tokens).map((token) => token[2]))].filter((lemma) =>
    /^\p{L}{3,}$/u.test(lemma),
  );
}

/**
 * Clients that keep reading and writing through nginx until stopped: a signed-in page, a personal API
 * and a word save each, each client saving its own lemmas (so that the last save that reported
 * success is the status the database must hold).
 */
function startLoad(base: string, clients: { cookie: string; lemmas: string[] }[]) {
  const outcomes: Outcome[] = [];
  const saved = new Map<string, { cookie: string; lemma: string; status: string }>();
  const call = actionCaller(base);
  let running = true;
  const loops = clients.map(async ({ cookie, lemmas }, client) => {
    const headers = { cookie };
    for (let round = 0; running; round++) {
      outcomes.push(
        await timed('page', () => fetch(`${base}/en/words`, { headers, signal: AbortSignal.timeout(5_000) })),
      );
      outcomes.push(
        await timed('api', () =>
          fetch(`${base}/api/articles/${SLUG}/vocabulary`, { headers, signal: AbortSignal.timeout(5_000) }),
        ),
      );
      const lemma = lemmas[round % lemmas.length]!;
      const status = round % 2 ? 'known' : 'ignored';
      const started = Date.now();
      try {
        await Promise.race([
          call('lib/vocabulary/actions.ts#saveWordAction', cookie, {
            articleSlug: SLUG,
            anchor: 'p1-s1',
            lemma,
            status,
          }),
          new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 5 s')), 5_000)),
        ]);
        saved.set(`${client}:${lemma}`, { cookie, lemma, status });
        outcomes.push({ kind: 'save', status: 200, ms: Date.now() - started, at: started, body: '' });
      } catch (error) {
        const status = /: (\d{3})$/.exec(String((error as Error).message))?.[1];
        outcomes.push({
          kind: 'save',
          status: Number(status ?? NO_ANSWER),
          ms: Date.now() - started,
          at: started,
          body: String(error),
        });
      }
    }
  });
  return {
    outcomes,
    saved,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** A teacher's draft of `paragraphs` paragraphs, every group translated: ready to publish. */
async function readyDraft(
  base: string,
  db: Db,
  cookie: string,
  paragraphs: number,
): Promise<{ id: string; slug: string }> {
  const text = Array.from(
    { length: paragraphs },
    (_, index) => `Der Stellvertreterkrieg geht weiter, Absatz ${index + 1}. Die rote Linie verschiebt sich jeden Tag.`,
  ).join('\n\n');
  const { slug } = (await actionCaller(base)('lib/teach/actions.ts#createDraftAction', cookie, {
    format: 'paste',
    title: `Drill ${Date.now()}`,
    text,
  })) as { slug: string };
  const article = await db.article.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  await db.sentence.updateMany({
    where: { paragraph: { articleId: article.id } },
    data: { textEn: 'An English sentence.' },
  });
  return { id: article.id, slug };
}

/** Published with every group annotated and its lemma index, or still the draft it was: nothing between. */
async function publishedWhole(db: Db, id: string): Promise<boolean> {
  const article = await db.article.findUniqueOrThrow({ where: { id }, select: { status: true, wordCount: true } });
  const tokens = await db.sentence.findMany({ where: { paragraph: { articleId: id } }, select: { tokens: true } });
  const lemmas = await db.articleLemma.count({ where: { articleId: id } });
  const occurrences = await db.termOccurrence.count({ where: { sentence: { paragraph: { articleId: id } } } });
  const annotated = tokens.every((row) => row.tokens !== '[]');
  if (article.status === 'published') {
    if (!annotated || lemmas === 0 || occurrences === 0 || !article.wordCount) {
      throw new Error(
        `published but not whole: ${tokens.length} groups, annotated ${annotated}, ${lemmas} lemmas, ${occurrences} occurrences`,
      );
    }
    return true;
  }
  if (lemmas || occurrences)
    throw new Error(`a draft with annotation rows: ${lemmas} lemmas, ${occurrences} occurrences`);
  return false;
}

/** A pg-boss job's state by queue and a field of its data. */
async function jobStates(db: Db, queue: string, field: string, value: string): Promise<string[]> {
  return (await jobRuns(db, queue, field, value)).map((row) => row.state);
}

/** The jobs of a queue whose data has `field` = `value`: their state and how often they were retried. */
async function jobRuns(db: Db, queue: string, field: string, value: string) {
  return db.$queryRawUnsafe<{ state: string; retries: number }[]>(
    `SELECT state::text AS state, retry_count AS retries FROM pgboss.job WHERE name = $1 AND data->>'${field}' = $2`,
    queue,
    value,
  );
}

/** Whether a transaction that wrote to `table` is open in the database now. */
async function writing(db: Db, table: string): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<{ open: bigint }[]>(
    `SELECT count(*) AS open FROM pg_stat_activity WHERE datname = current_database() AND backend_xid IS NOT NULL AND query ILIKE $1`,
    `%${table}%`,
  );
  return Number(rows[0]?.open ?? 0) > 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const allReady = (cluster: Cluster) => async () =>
  (await Promise.all(cluster.instances.map(async (part) => (await fetch(`${part.url}/api/ready`)).ok))).every(Boolean);

// ---------------------------------------------------------------------------------------------------
// The drills.

const drills: Drill[] = [
  {
    name: 'postgres-outage',
    // PostgreSQL stopped for 15 s under load: every request answered within 2 s with 503 (pages: Next's
    // error document, whose localized message tests/e2e/database-outage.e2e.test.ts checks in a browser;
    // API routes and actions: 503 with Retry-After), service back by itself within 5 s of the database's
    // return, and every save that reported success is in the database.
    run: async ({ cluster, postgres, db }) => {
      const lemmas = await firstSentenceLemmas(db);
      const clients = await Promise.all(
        Array.from({ length: 6 }, async (_, index) => ({
          cookie: await signUp(cluster.url, `outage-${index}`),
          lemmas: lemmas.filter((_, position) => position % 6 === index),
        })),
      );
      // One save first: the first of an instance loads what word cards need, which takes seconds.
      await actionCaller(cluster.url)('lib/vocabulary/actions.ts#saveWordAction', clients[0]!.cookie, {
        articleSlug: SLUG,
        anchor: 'p1-s1',
        lemma: clients[0]!.lemmas[0],
        status: 'known',
      });
      const load = startLoad(
        cluster.url,
        clients.filter((client) => client.lemmas.length > 0),
      );
      await sleep(2_000);
      const down = Date.now();
      postgres.stop();
      await sleep(15_000);
      postgres.start();
      const up = Date.now();
      const recovered = await waitUntil(async () => {
        if (!(await allReady(cluster)())) return false;
        const page = await fetch(`${cluster.url}/en/words`, { headers: { cookie: clients[0]!.cookie } });
        return page.ok;
      }, 30_000);
      await sleep(1_000);
      await load.stop();

      const during = load.outcomes.filter((outcome) => outcome.at >= down && outcome.at < up);
      const slow = during.filter((outcome) => outcome.ms > 2_000);
      const wrong = during.filter((outcome) => ![200, 503].includes(outcome.status));
      const unavailable = during.filter((outcome) => outcome.status === 503).length;
      // Every save that reported success holds (each client saved only its own lemmas, one at a time).
      let lost = 0;
      for (const { cookie, lemma, status } of load.saved.values()) {
        const session = await fetch(`${cluster.url}/api/auth/get-session`, { headers: { cookie } });
        const userId = ((await session.json()) as { user: { id: string } }).user.id;
        const entry = await db.vocabularyEntry.findUnique({ where: { userId_lemma: { userId, lemma } } });
        if (entry?.status !== status) lost++;
      }
      const maxMs = Math.max(0, ...during.map((outcome) => outcome.ms));
      const firstOk = ['page', 'api', 'save'].map((kind) => {
        const first = load.outcomes.find(
          (outcome) => outcome.kind === kind && outcome.at >= up && outcome.status === 200,
        );
        return `${kind} ${first ? `${first.at - up} ms` : 'never'}`;
      });
      const figures = `${during.length} requests while down (${unavailable} × 503), slowest ${maxMs} ms; back ${recovered} ms after the database (first success: ${firstOk.join(', ')}); ${load.saved.size} saves, ${lost} lost`;
      if (slow.length || wrong.length || lost || recovered > 5_000 || unavailable === 0) {
        const sample = [...slow, ...wrong][0];
        throw new Error(
          `${figures}${sample ? `; e.g. ${sample.kind} ${sample.status} in ${sample.ms} ms: ${sample.body.slice(0, 200)}` : ''}`,
        );
      }
      return figures;
    },
  },
  {
    name: 'instance-killed-during-publish',
    // kill -9 of the instance that took a publish: the job goes on in the worker, and the article ends
    // published and whole.
    run: async ({ cluster, db }) => {
      const cookie = await signUp(cluster.url, 'publish-kill', 'teacher');
      const { id, slug } = await readyDraft(cluster.url, db, cookie, 150);
      const instance = cluster.instances[0]!;
      const base = instance.url!;
      // The instance follows the job the worker runs, and answers only at its end.
      const answer = fetch(`${base}/api/teach/articles/${slug}/publish`, {
        method: 'POST',
        headers: { cookie, origin: base },
      }).catch(() => null);
      // Killed while the worker annotates, so the instance dies in the middle of the publish.
      await waitUntil(async () => (await jobStates(db, 'publish-article', 'articleId', id)).includes('active'), 60_000);
      instance.child.kill('SIGKILL');
      const killed = Date.now();
      await answer;
      const draftAtKill = !(await publishedWhole(db, id));
      await waitUntil(
        async () => (await db.article.findUniqueOrThrow({ where: { id } })).status === 'published',
        120_000,
      );
      const seconds = ((Date.now() - killed) / 1000).toFixed(1);
      if (!(await publishedWhole(db, id))) throw new Error('still a draft');
      await cluster.restart('instance-1');
      if (!draftAtKill) throw new Error('published before the kill: the drill needs a longer article');
      return `instance killed while its publish was annotated; published and whole ${seconds} s later, by the worker`;
    },
  },
  {
    name: 'worker-killed-during-annotation',
    // kill -9 of the worker while it annotates: a complete draft meanwhile, then the job is retried and
    // the article is published and whole; the teacher's request, through nginx, still ends "published".
    run: async ({ cluster, db }) => {
      const cookie = await signUp(cluster.url, 'worker-kill', 'teacher');
      const { id, slug } = await readyDraft(cluster.url, db, cookie, 150);
      const answer = fetch(`${cluster.url}/api/teach/articles/${slug}/publish`, {
        method: 'POST',
        headers: { cookie, origin: cluster.url },
      }).then((response) => response.text());
      await waitUntil(async () => (await jobStates(db, 'publish-article', 'articleId', id)).includes('active'), 60_000);
      cluster.worker.child.kill('SIGKILL');
      const killed = Date.now();
      if (await publishedWhole(db, id)) throw new Error('published before the kill: the drill needs a longer article');
      await cluster.restart('worker');
      const lines = (await answer).trim().split('\n');
      const seconds = ((Date.now() - killed) / 1000).toFixed(1);
      const last = JSON.parse(lines.at(-1)!) as { ok: boolean };
      if (!last.ok) throw new Error(`the request ended ${lines.at(-1)}`);
      if (!(await publishedWhole(db, id))) throw new Error('the request said published, the article is a draft');
      const [run] = await jobRuns(db, 'publish-article', 'articleId', id);
      if (!run || run.state !== 'completed' || run.retries < 1)
        throw new Error(`job ${JSON.stringify(run)}: not retried`);
      return `a complete draft after the kill; retried (${run.retries}×) and published whole ${seconds} s later, the request ended ok`;
    },
  },
  {
    name: 'instance-killed-during-csv-import',
    // kill -9 of the instance while its transaction writes a 5,000-row vocabulary import: all or nothing.
    run: async ({ cluster, db }) => {
      const instance = cluster.instances[1]!;
      const base = instance.url!;
      const cookie = await signUp(base, 'csv-kill');
      const session = await fetch(`${base}/api/auth/get-session`, { headers: { cookie } });
      const userId = ((await session.json()) as { user: { id: string } }).user.id;
      const rows = Array.from({ length: 5_000 }, (_, index) => `Drillwort${index},known,drill word ${index}`);
      const csv = ['lemma,status,translation', ...rows].join('\n');
      const importing = actionCaller(base)('lib/vocabulary/actions.ts#applyImportAction', cookie, csv).catch(
        () => null,
      );
      await waitUntil(() => writing(db, 'VocabularyEntry'), 120_000);
      instance.child.kill('SIGKILL');
      await importing;
      const count = await db.vocabularyEntry.count({ where: { userId } });
      await cluster.restart('instance-2');
      if (count !== 0 && count !== rows.length) throw new Error(`${count} of ${rows.length} rows after the kill`);
      return `killed inside the import's transaction: ${count} of ${rows.length} rows`;
    },
  },
  {
    name: 'worker-killed-during-dictionary-import',
    // kill -9 of the worker inside the dictionary import's transaction: the stored dictionary is the
    // previous one, whole; the job is retried and the new one is whole.
    run: async ({ cluster, db, databaseUrl }) => {
      const file = '/usr/share/trans/de-en';
      if (!fs.existsSync(file)) throw new Error(`needs Debian's dictionary at ${file} (apt-get install trans-de-en)`);
      const before = await db.dictionaryEntry.count();
      const script = spawn(
        process.execPath,
        ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/dict-import.ts', file],
        { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, JOB_WORKER: 'external' }, stdio: 'ignore' },
      );
      const ended = new Promise<number | null>((resolve) => script.on('exit', resolve));
      await waitUntil(() => writing(db, 'DictionaryEntry'), 180_000);
      cluster.worker.child.kill('SIGKILL');
      const killed = Date.now();
      const during = await db.dictionaryEntry.count();
      await cluster.restart('worker');
      const code = await ended;
      const after = await db.dictionaryEntry.count();
      const seconds = ((Date.now() - killed) / 1000).toFixed(0);
      if (during !== before) throw new Error(`${during} senses right after the kill, ${before} before`);
      if (code !== 0 || after !== before)
        throw new Error(`import ended ${code} with ${after} senses (${before} before)`);
      const runs = await jobRuns(db, 'dictionary-import', 'file', file);
      const retries = Math.max(0, ...runs.map((run) => run.retries));
      if (retries < 1) throw new Error(`jobs ${JSON.stringify(runs)}: not retried`);
      return `${before} senses kept through the kill; retried (${retries}×) and imported whole (${after}) ${seconds} s later`;
    },
  },
  {
    name: 'redis-down',
    // Redis stopped: pages still serve (each instance's own fallback) and sign-in still works; no 500s.
    run: async ({ cluster }) => {
      const account = { email: `redis-${Date.now()}@drill.test`, password: 'drill password 123' };
      const signUp = await fetch(`${cluster.url}/api/auth/sign-up/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: cluster.url },
        body: JSON.stringify({ name: 'Redis Drill', ...account }),
      });
      if (!signUp.ok) throw new Error(`sign-up: ${signUp.status}`);
      const paths = ['/en', `/en/articles/${SLUG}`, '/de/glossary', '/en/glossary/Stellvertreterkrieg'];
      const restart = await cluster.stopRedis();
      try {
        const outcomes: Outcome[] = [];
        for (let round = 0; round < 3; round++) {
          for (const pathname of paths) {
            outcomes.push(
              await timed(pathname, () => fetch(`${cluster.url}${pathname}`, { signal: AbortSignal.timeout(5_000) })),
            );
          }
          outcomes.push(
            await timed('sign-in', () =>
              fetch(`${cluster.url}/api/auth/sign-in/email`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', origin: cluster.url },
                body: JSON.stringify(account),
                signal: AbortSignal.timeout(5_000),
              }),
            ),
          );
        }
        const failed = outcomes.filter((outcome) => outcome.status !== 200);
        const slowest = Math.max(...outcomes.map((outcome) => outcome.ms));
        if (failed.length)
          throw new Error(
            `${failed.length} of ${outcomes.length} not 200, e.g. ${failed[0]!.kind}: ${failed[0]!.status}`,
          );
        return `${outcomes.length} requests without Redis (pages and sign-in) all 200, slowest ${slowest} ms`;
      } finally {
        await restart();
        await waitUntil(allReady(cluster), 10_000);
      }
    },
  },
];

async function main() {
  const { values } = parseArgs({ options: { only: { type: 'string' } } });
  const only = values.only?.split(',');
  const chosen = drills.filter((drill) => !only || only.includes(drill.name));
  const postgres = await startPrivatePostgres();
  const databaseUrl = `postgresql://postgres@127.0.0.1:${postgres.port}/lesebruecke_drill`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesebruecke-drill-'));
  let cluster: Cluster | undefined;
  const db = createDb(databaseUrl);
  let failed = false;
  try {
    await prepareDatabase(databaseUrl, { quiet: true });
    if (!fs.existsSync(path.join(REPO_ROOT, DIST_DIR, 'BUILD_ID'))) buildApp(databaseUrl);
    cluster = await startCluster({
      databaseUrl,
      distDir: DIST_DIR,
      copyBuild: true,
      dir,
      env: { BETTER_AUTH_SECRET: SECRET, TEACHER_SIGNUP: 'open' },
    });
    for (const drill of chosen) {
      try {
        console.log(`${drill.name}: ok ${await drill.run({ cluster, postgres, db, databaseUrl })}`);
      } catch (error) {
        failed = true;
        console.log(`${drill.name}: FAIL ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await db.$disconnect();
    await cluster?.stop();
    postgres.stop();
    postgres.remove();
    // The parts' logs stay for a failed run.
    if (failed) console.log(`logs: ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

await main();
