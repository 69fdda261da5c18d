// `npm run --silent bench:cluster-load -- [--database postgresql://…] [--seconds 60] [--readers 200]
// [--learners 500] [--build] [--skip-library]`: issue 15's load through nginx. The cluster of scripts/cluster.mjs (nginx,
// two app instances, the worker, Redis; bench/scale-cluster.ts) runs on the scale database that
// `npm run bench:scale-data` filled, and two runs follow, each with a 10 s timeout per request:
// 1. READERS anonymous readers for `seconds`: each opens the library, then reads articles as
//    bench/load.bench.ts's readers do (the article page, then the session check and the article's words
//    at once, 1–4 s of reading), and goes back to the library every fifth article. --skip-library
//    leaves the library out, for a build whose library page still lists every article (before issue
//    15's paging: seconds of rendering a page that hold up everything else, so that the run would
//    measure nothing but that page).
//    Which articles: readers find them through the library, newest first, so four in five are among
//    the NEWEST newest articles (its first pages) and one in five is any of them. Each article page and
//    words answer is rendered on its first request and then cached (ADR 007), so the share of the long
//    tail is the share of pages rendered during the run.
// 2. LEARNERS signed-in learners for `seconds`, each doing what the reader and the review page do in a
//    browser, through the real routes and server actions: reading an assignment (page with
//    ?assignment=, session, colouring, the assignment bar, then a progress batch every 5 s as the
//    tracking island sends it: open, paragraphs seen, active seconds, focus terms looked up) or any
//    article, clicking a word now and then (the article's words once, then saveWordAction), and
//    reviewing (the review page, then gradeAction on its cards, 3–8 s a card).
// Printed per kind of request: count, errors (an answer other than 2xx, or a server action that did not
// succeed), timeouts, p50/p95/p99/max; beside each run a same-run reference (the trivial page /en/about
// through nginx, four times a second) and the machine's load. Target (issue 15): 0 errors, p99 reported.
//
// The learners' accounts: the scale data's bulk learners have no password; this bench gives LEARNERS
// of them (those in classes first) a credential account, as better-auth stores one, all with one
// scrypt hash of LOAD_LEARNER_PASSWORD (hashing 500 passwords would take minutes on a busy machine and
// change nothing that is measured: a sign-in checks one hash either way).
// Their sign-in goes through nginx's real sign-in route, under the app's real limits, which are not
// changed for the bench (lib/auth/attempts.server.ts). Every learner comes from this one machine, as a
// school's learners come from its one NAT address: the bench does not pretend to be many addresses
// (nginx replaces X-Forwarded-For with the address it sees, so it could not). From one address, each
// attempt counts in that address's bucket before the password is checked and is given back when it
// succeeds, so at most SIGN_IN_AT_ONCE sign-ins are in flight, below the bucket's free attempts: a
// school whose learners all sign in within the same seconds is limited the same way. The sign-ins
// happen before the second run and are printed on their own line.
import crypto from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { hashPassword } from 'better-auth/crypto';
import pg from 'pg';
import { actionResult, serverActions, type TimedAnswer, timedRequest, withCookies } from './http-client';
import { type Outcome, outcomeSummary } from './latencies';
import { startScaleCluster } from './scale-cluster';
import { LOAD_LEARNER_PASSWORD, SCALE_URL } from './scale-fixture';

const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: SCALE_URL },
    seconds: { type: 'string', default: '60' },
    readers: { type: 'string', default: '200' },
    learners: { type: 'string', default: '500' },
    build: { type: 'boolean', default: false },
    'skip-library': { type: 'boolean', default: false },
  },
});
const SECONDS = Number(args.seconds);
const READERS = Number(args.readers);
const LEARNERS = Number(args.learners);
const TIMEOUT_MS = 10_000;
const LOCALES = ['en', 'de'] as const;
/** bench/load.bench.ts's reader: 1–4 s on an article. */
const READ_MS = [1_000, 4_000] as const;
/** The reader's tracking island sends its events every 5 s (components/reader/assignment-tracker.client.tsx). */
const FLUSH_MS = 5_000;
const REVIEW_MS = [3_000, 8_000] as const;
const REFERENCE_EVERY_MS = 250;
/** The articles of the library's first pages, where most readers pick (see the header). */
const NEWEST = 100;
/** Participants arrive over the first seconds, not all in the same millisecond. */
const ARRIVAL_MS = 5_000;

process.env.DATABASE_URL = args.database;
const { LIMITS } = await import('@/lib/auth/attempts.server');
/** Sign-ins in flight at once: below the free attempts of one address's bucket (see the header). */
const SIGN_IN_AT_ONCE = 8;
if (SIGN_IN_AT_ONCE >= LIMITS.address.free) throw new Error('SIGN_IN_AT_ONCE must stay below the address limit');

const client = new pg.Client({ connectionString: args.database });
await client.connect();
const rows = async <T>(sql: string, values: unknown[] = []) => (await client.query(sql, values)).rows as T[];

// ── What the participants will do, read up front: articles, learners and their assignments ───────────
const slugs = (
  await rows<{ slug: string }>(
    `SELECT slug FROM "Article" WHERE status = 'published' AND visibility = 'public' ORDER BY "publishedAt" DESC, slug`,
  )
).map((r) => r.slug);
const learners = await rows<{ id: string; email: string }>(
  `SELECT u.id, u.email FROM "User" u
   WHERE u.id LIKE 'scale-l%' AND u.role = 'learner'
   ORDER BY EXISTS (SELECT 1 FROM "ClassMembership" m WHERE m."userId" = u.id) DESC, length(u.id), u.id
   LIMIT $1`,
  [LEARNERS],
);
if (slugs.length < 1_000 || learners.length < LEARNERS)
  throw new Error(`no scale data in ${args.database} (or too few learners): run npm run bench:scale-data first`);
type Assignment = { id: string; slug: string; paragraphs: number };
const assignmentsOf = new Map<string, Assignment[]>();
for (const a of await rows<Assignment & { userId: string }>(
  `SELECT m."userId", a.id, ar.slug, (SELECT count(*)::int FROM "Paragraph" p WHERE p."articleId" = ar.id) AS paragraphs
   FROM "ClassMembership" m JOIN "Assignment" a ON a."classId" = m."classId" JOIN "Article" ar ON ar.id = a."articleId"
   WHERE m."userId" = ANY($1)`,
  [learners.map((l) => l.id)],
))
  assignmentsOf.set(a.userId, [...(assignmentsOf.get(a.userId) ?? []), a]);

// Their credential accounts, as better-auth stores one (accountId = the user's id), where missing.
const hash = await hashPassword(LOAD_LEARNER_PASSWORD);
const created = await client.query(
  `INSERT INTO "Account" (id, "accountId", "providerId", "userId", password, "updatedAt")
   SELECT 'load-' || u, u, 'credential', u, $2, now() FROM unnest($1::text[]) u
   WHERE NOT EXISTS (SELECT 1 FROM "Account" a WHERE a."userId" = u AND a."providerId" = 'credential')`,
  [learners.map((l) => l.id), hash],
);
const [articleCount] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM "Article"`);
console.log(
  `cluster load ${new Date().toISOString().slice(0, 16)}Z on ${new URL(args.database).pathname.slice(1)}: ${articleCount!.n} articles; ` +
    `${learners.length} learners (${created.rowCount} accounts made now), ${[...assignmentsOf.values()].filter((a) => a.length).length} of them in classes`,
);

// ── Requests ─────────────────────────────────────────────────────────────────────────────────────────
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const between = ([low, high]: readonly [number, number]) => low + Math.random() * (high - low);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const newest = slugs.slice(0, NEWEST);
const anArticle = () => (Math.random() < 0.8 ? pick(newest) : pick(slugs));
const loadNow = () =>
  `load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;

/** What a run saw: each request's outcome, and its failures by kind and answer, with an example path. */
class Run {
  outcomes: Outcome[] = [];
  failures = new Map<string, { count: number; path: string }>();

  /** Records `answer` as `kind`; `ok` says whether it did what was asked (default: a 2xx status). */
  record(kind: string, path: string, answer: TimedAnswer, ok = answer.status >= 200 && answer.status < 300) {
    this.outcomes.push({ kind, ms: answer.ms, ok, timedOut: answer.timedOut });
    if (ok) return;
    const what = answer.timedOut ? 'timeout' : `${answer.status} ${answer.body.replace(/\s+/g, ' ').slice(0, 200)}`;
    const key = `${kind}: ${what}`;
    const seen = this.failures.get(key);
    if (seen) seen.count++;
    else this.failures.set(key, { count: 1, path });
  }

  /** The failures, errors before timeouts, most frequent first. */
  printFailures() {
    const sorted = [...this.failures].sort(
      ([a, x], [b, y]) => Number(a.endsWith(': timeout')) - Number(b.endsWith(': timeout')) || y.count - x.count,
    );
    for (const [failure, { count, path }] of sorted.slice(0, 20))
      console.log(`  failed ${count} ×: ${failure} (e.g. ${path})`);
  }
}

/** A request to the cluster as `cookie`'s browser (keeping the cookies it sets), recorded in `run` as `kind`. */
async function send(
  run: Run,
  kind: string,
  base: string,
  path: string,
  options: { cookie?: { value: string }; method?: string; headers?: Record<string, string>; body?: string } = {},
  succeeded?: (answer: TimedAnswer) => boolean,
): Promise<TimedAnswer> {
  const answer = await timedRequest(`${base}${path}`, {
    agent,
    timeoutMs: TIMEOUT_MS,
    method: options.method,
    headers: { ...options.headers, ...(options.cookie && { cookie: options.cookie.value }) },
    body: options.body,
    keepBody: true,
  });
  if (options.cookie) options.cookie.value = withCookies(options.cookie.value, answer.setCookie);
  run.record(kind, path, answer, succeeded?.(answer));
  return answer;
}

/** The trivial page four times a second until `end`: what any request waits for under this load. */
async function reference(run: Run, base: string, end: number) {
  while (performance.now() < end) {
    const started = performance.now();
    await send(run, 'reference /en/about', base, '/en/about');
    await sleep(REFERENCE_EVERY_MS - (performance.now() - started));
  }
}

function report(label: string, run: Run, seconds = SECONDS) {
  const line = (name: string, s: ReturnType<typeof outcomeSummary>) =>
    `${name}: ${s.requests} requests (${(s.requests / seconds).toFixed(1)}/s), ${s.errors} errors, ${s.timeouts} timeouts, ` +
    `p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms, max ${s.max.toFixed(0)} ms`;
  console.log(`[${label}] ${loadNow()}`);
  for (const kind of new Set(run.outcomes.map((o) => o.kind)))
    console.log(line(`  ${kind}`, outcomeSummary(run.outcomes.filter((o) => o.kind === kind))));
  const all = outcomeSummary(run.outcomes.filter((o) => !o.kind.startsWith('reference')));
  if (all.requests) console.log(line('  all but the reference', all));
  run.printFailures();
  return all;
}

// ── Anonymous readers ────────────────────────────────────────────────────────────────────────────────
async function readers(base: string): Promise<Run> {
  const run = new Run();
  const end = performance.now() + SECONDS * 1000;
  const reader = async (index: number) => {
    await sleep((index / READERS) * ARRIVAL_MS);
    const locale = pick(LOCALES);
    for (let article = 0; performance.now() < end; article++) {
      if (article % 5 === 0 && !args['skip-library']) await send(run, 'library', base, `/${locale}`);
      const slug = anArticle();
      await send(run, 'article page', base, `/${locale}/articles/${slug}`);
      await Promise.all([
        send(run, 'session', base, '/api/auth/get-session'),
        send(run, 'words API', base, `/api/articles/${slug}/words`),
      ]);
      await sleep(between(READ_MS));
    }
  };
  await Promise.all([reference(run, base, end), ...Array.from({ length: READERS }, (_, index) => reader(index))]);
  return run;
}

// ── Signed-in learners ───────────────────────────────────────────────────────────────────────────────
type Learner = { id: string; cookie: { value: string }; assignments: Assignment[] };

/** Signs every learner in through nginx, SIGN_IN_AT_ONCE at a time; their cookies. */
async function signIns(base: string, run: Run): Promise<Learner[]> {
  const queue = [...learners];
  const signedIn: Learner[] = [];
  await Promise.all(
    Array.from({ length: SIGN_IN_AT_ONCE }, async () => {
      for (let learner = queue.shift(); learner; learner = queue.shift()) {
        const cookie = { value: '' };
        const answer = await send(run, 'sign-in', base, '/api/auth/sign-in/email', {
          cookie,
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: base },
          body: JSON.stringify({ email: learner.email, password: LOAD_LEARNER_PASSWORD }),
        });
        if (answer.status === 200 && cookie.value)
          signedIn.push({ id: learner.id, cookie, assignments: assignmentsOf.get(learner.id) ?? [] });
      }
    }),
  );
  return signedIn;
}

/** The review page's cards as the browser receives them: the ReviewSession's props in the page's flight data. */
function reviewCards(html: string): { id: string; reps: number }[] {
  const flight = [...html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)]
    .map((m) => JSON.parse(m[1]!) as string)
    .join('');
  return [...flight.matchAll(/\{"id":"([^"]+)","direction":"[^"]+",.*?"reps":(\d+)/g)].map((m) => ({
    id: m[1]!,
    reps: Number(m[2]),
  }));
}

async function learnersRun(base: string, signedIn: Learner[]): Promise<Run> {
  const run = new Run();
  const end = performance.now() + SECONDS * 1000;
  const actionRequest = serverActions(base);
  const action = async (kind: string, learner: Learner, name: string, input: unknown, page: string) => {
    const { path, headers, body } = actionRequest(name, learner.cookie.value, input, page);
    return send(run, kind, base, path, { cookie: learner.cookie, method: 'POST', headers, body }, (answer) => {
      const result = answer.status === 200 ? actionResult(answer.body) : null;
      return result?.ok === true;
    });
  };
  const json = { 'content-type': 'application/json', origin: base };

  /** Reads one article (for an assignment: tracked) for 4–8 flushes of the tracking island. */
  const read = async (learner: Learner, slug: string, assignment: Assignment | null) => {
    const locale = pick(LOCALES);
    const page = `/${locale}/articles/${slug}${assignment ? `?assignment=${assignment.id}` : ''}`;
    const progress = `/api/assignments/${assignment?.id}/progress`;
    const { cookie } = learner;
    await send(run, 'article page', base, page, { cookie });
    const [, , bar] = await Promise.all([
      send(run, 'session', base, '/api/auth/get-session', { cookie }),
      send(run, 'colouring API', base, `/api/articles/${slug}/vocabulary`, { cookie }),
      assignment ? send(run, 'assignment bar', base, progress, { cookie }) : null,
    ]);
    const focusTerms = bar?.status === 200 ? (JSON.parse(bar.body) as { focusTerms: string[] }).focusTerms : [];
    const events: { id: string; kind: string; paragraph?: number; seconds?: number; term?: string }[] = [];
    const event = (e: Omit<(typeof events)[0], 'id'>) => events.push({ id: crypto.randomUUID(), ...e });
    const flush = async () => {
      if (!assignment || !events.length) return;
      const batch = events.splice(0);
      await send(run, 'progress events', base, progress, {
        cookie,
        method: 'POST',
        headers: json,
        body: JSON.stringify({ events: batch }),
      });
    };
    if (assignment) event({ kind: 'open' });
    await flush();
    let words: Record<string, [number, number, string][]> | null = null;
    let paragraph = 0;
    const flushes = 4 + Math.floor(Math.random() * 5);
    for (let tick = 0; tick < flushes && performance.now() < end; tick++) {
      await sleep(FLUSH_MS);
      if (performance.now() >= end) break;
      if (assignment) {
        for (const last = paragraph + 1 + Math.floor(Math.random() * 2); paragraph < last; paragraph++)
          if (paragraph < assignment.paragraphs) event({ kind: 'seen', paragraph });
        event({ kind: 'active', seconds: FLUSH_MS / 1000 });
        if (focusTerms.length && Math.random() < 0.3) event({ kind: 'lookup', term: pick(focusTerms) });
      }
      // A word clicked and saved about every third flush; the reader loads the article's words on the first click.
      if (Math.random() < 1 / 3) {
        if (!words) {
          const answer = await send(run, 'words API', base, `/api/articles/${slug}/words`, { cookie });
          words = answer.status === 200 ? (JSON.parse(answer.body) as { words: typeof words }).words : {};
        }
        const anchors = Object.keys(words!).filter((anchor) => words![anchor]!.length);
        if (anchors.length) {
          const anchor = pick(anchors);
          const [, , lemma] = pick(words![anchor]!);
          // A word to learn needs a meaning for its cards: the learner types one where none is suggested.
          const status = pick(['learning-1', 'known'] as const);
          await action(
            'save word',
            learner,
            'lib/vocabulary/actions.ts#saveWordAction',
            {
              articleSlug: slug,
              anchor,
              lemma,
              status,
              ...(status !== 'known' && { translation: `meaning of ${lemma}` }),
            },
            page,
          );
          if (assignment) event({ kind: 'save', term: lemma });
        }
      }
      await flush();
    }
  };

  /** The review page, then its cards graded one after another. */
  const review = async (learner: Learner) => {
    const answer = await send(run, 'review page', base, '/en/review', { cookie: learner.cookie });
    const cards = answer.status === 200 ? reviewCards(answer.body) : [];
    for (const card of cards.slice(0, 3 + Math.floor(Math.random() * 4))) {
      const durationMs = Math.round(between(REVIEW_MS));
      await sleep(durationMs);
      if (performance.now() >= end) break;
      const rating = pick([1, 2, 3, 3, 3, 4] as const);
      await action(
        'grade',
        learner,
        'lib/review/actions.ts#gradeAction',
        { cardId: card.id, reps: card.reps, rating, durationMs },
        '/en/review',
      );
    }
  };

  const learner = async (one: Learner, index: number) => {
    await sleep((index / signedIn.length) * ARRIVAL_MS);
    while (performance.now() < end) {
      const choice = Math.random();
      if (choice < 0.25) await review(one);
      else if (one.assignments.length && choice < 0.75) {
        const assignment = pick(one.assignments);
        await read(one, assignment.slug, assignment);
      } else await read(one, anArticle(), null);
    }
  };
  await Promise.all([reference(run, base, end), ...signedIn.map((one, index) => learner(one, index))]);
  return run;
}

// ── The runs ─────────────────────────────────────────────────────────────────────────────────────────
const cluster = await startScaleCluster(args.database, { build: args.build });
let failed = false;
try {
  console.log(`through ${cluster.description}; ${os.cpus().length} cores, ${loadNow()}`);
  await send(new Run(), 'warm', cluster.url, '/en/about');
  const quiet = new Run();
  await reference(quiet, cluster.url, performance.now() + 5_000);
  report('reference alone, 5 s', quiet, 5);

  if (READERS > 0) {
    const all = report(`${READERS} anonymous readers, ${SECONDS} s`, await readers(cluster.url));
    failed ||= all.errors + all.timeouts > 0;
  }
  if (LEARNERS > 0) {
    const signing = new Run();
    const started = performance.now();
    const signedIn = await signIns(cluster.url, signing);
    const took = (performance.now() - started) / 1000;
    const s = outcomeSummary(signing.outcomes);
    console.log(
      `[sign-in of ${learners.length} learners through nginx, ${SIGN_IN_AT_ONCE} at a time] ${took.toFixed(0)} s, ` +
        `${s.errors} errors, ${s.timeouts} timeouts, p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, p99 ${s.p99.toFixed(0)} ms, ${loadNow()}`,
    );
    signing.printFailures();
    const all = report(`${signedIn.length} signed-in learners, ${SECONDS} s`, await learnersRun(cluster.url, signedIn));
    failed ||= all.errors + all.timeouts + s.errors + s.timeouts > 0;
  }
  console.log(`target 0 errors and timeouts: ${failed ? 'NOT met' : 'met'}`);
} catch (error) {
  failed = true;
  throw error;
} finally {
  agent.destroy();
  await cluster.stop({ keepLogs: failed });
  if (failed) console.log(`the cluster's logs: ${cluster.logs}`);
  await client.end();
}
process.exit(0);
