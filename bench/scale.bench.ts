// `npm run --silent bench:scale -- [--cluster | --url http://host:port] [--database postgresql://…] [--seconds 3] [--only a,b]`:
// per operation of issue 15, on the database `npm run bench:scale-data` filled, p50/p95 server time and
// requests/s, beside the target (every read p95 ≤ 50 ms, search ≤ 100 ms). Two measurements:
// - db: the query functions the page or route calls (lib/…), called directly, one after another;
// - http (with --cluster: nginx in front of two instances, the worker and Redis, started on the
//   database for the run and stopped after it (bench/scale-cluster.ts; --build rebuilds the app first);
//   with --url: a server already running on the same database): the page or route itself, signed in as
//   the app signs in: p50/p95 with one client (server time plus loopback), req/s with CONCURRENCY
//   clients at once (through nginx with --cluster).
// And per operation the plans of the SQL it issued (as sent to PostgreSQL, then EXPLAIN (FORMAT JSON)):
// `plan: <op> ok`, or the tables of at least BIG_TABLE rows it reads with a sequential scan.
// Same-run references: a `SELECT 1` round trip and (with --url) a trivial page and a signed-in one.
// --only times the operations whose names contain one of its comma-separated words. --slowest prints each
// operation's slowest statement (EXPLAIN ANALYZE), to find what to index or bound.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { signIn } from './http-client';
import { percentile } from './latencies';
import { startScaleCluster } from './scale-cluster';
import { SCALE_LEARNER, SCALE_TEACHER, SCALE_URL } from './scale-fixture';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    cluster: { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    database: { type: 'string', default: SCALE_URL },
    seconds: { type: 'string', default: '3' },
    slowest: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const SECONDS = Number(args.seconds);
const CONCURRENCY = 8;
/** A sequential scan of a table this small is the planner's right choice, not a missing index. */
const BIG_TABLE = 5_000;
const TARGET_MS = { read: 50, search: 100 } as const;

// Every query the app's Prisma client sends goes through node-postgres (adapter-pg): the bench wraps
// pg.Client's query, before the app's modules load, to see the SQL (with its values) each operation issues.
process.env.DATABASE_URL = args.database;
let captured: { sql: string; params: unknown[] }[] | null = null;
type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const clientQuery = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...rest: unknown[]) {
  const [config, values] = rest as [{ text?: unknown; values?: unknown[] } | string, unknown[] | undefined];
  if (captured && typeof config === 'object' && typeof config.text === 'string')
    captured.push({ sql: config.text, params: config.values ?? values ?? [] });
  return clientQuery.apply(this, rest);
};

const { db } = await import('@/lib/db.server');
const { getArticle, getArticleWords, listLibrary, LIBRARY_PAGE_SIZE, searchAssignableArticles } =
  await import('@/lib/articles/queries.server');
const { termCardsForArticle, searchTerms, getTerm } = await import('@/lib/glossary/queries.server');
const { libraryCoverage } = await import('@/lib/vocabulary/library.server');
const { statusesForArticle, listEntries, statusCounts, tagsOf, articlesOf } =
  await import('@/lib/vocabulary/queries.server');
// Not lib/review/service.server's getReviewQueue: it imports next/navigation, which needs React's client
// build; the page's reads are its planToday and arrangeSiblings (its first call also makes missing cards).
const { planToday } = await import('@/lib/review/queries.server');
const { arrangeSiblings } = await import('@/lib/review/queue');
const { getClassGrid } = await import('@/lib/classroom/grid.server');
const { getClassDetail } = await import('@/lib/classroom/queries.server');

const client = new pg.Client({ connectionString: args.database });
await client.connect();
const one = async <T>(sql: string, values: unknown[] = []) => (await client.query(sql, values)).rows[0] as T;

// ── What the operations read: the bench accounts, a typical article, a frequent term ─────────────────
const learner = await one<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [SCALE_LEARNER.email]);
const teacher = await one<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [SCALE_TEACHER.email]);
if (!learner || !teacher) throw new Error(`no scale data in ${args.database}: run npm run bench:scale-data first`);
const classRow = await one<{ id: string }>('SELECT id FROM "Classroom" WHERE "teacherId" = $1 LIMIT 1', [teacher.id]);
const article = await one<{ slug: string; wordCount: number }>(
  `SELECT slug, "wordCount" FROM "Article" WHERE status = 'published' AND visibility = 'public'
   ORDER BY "wordCount", slug OFFSET (SELECT count(*) / 2 FROM "Article") LIMIT 1`,
);
const learnerArticle = await one<{ slug: string }>(
  `SELECT a.slug FROM "VocabularyEntry" e JOIN "Article" a ON a.id = e."articleId" WHERE e."userId" = $1 LIMIT 1`,
  [learner.id],
);
const frequent = await one<{ lemma: string; n: string }>(
  `SELECT t.lemma, count(*) AS n FROM "TermOccurrence" o JOIN "Term" t ON t.id = o."termId"
   GROUP BY t.lemma ORDER BY count(*) DESC LIMIT 1`,
);
const sizes = await one<Record<string, string>>(
  `SELECT (SELECT count(*) FROM "Article") AS articles, (SELECT count(*) FROM "VocabularyEntry") AS vocabulary,
          (SELECT count(*) FROM "ReviewLog") AS logs, (SELECT count(*) FROM "VocabularyEntry" WHERE "userId" = $1) AS words`,
  [learner.id],
);
console.log(
  `scale bench ${new Date().toISOString().slice(0, 16)}Z: ${sizes.articles} articles, ${sizes.vocabulary} vocabulary rows (the learner ${sizes.words}), ${sizes.logs} review logs; article ${article.slug} (${article.wordCount} words), term ${frequent.lemma} (${frequent.n} occurrences)`,
);

// The library's operations: its last page, its most frequent outlet, and a word of a title in the middle.
const libraryFacts = await (async () => {
  const { total } = await one<{ total: string }>(
    `SELECT count(*) AS total FROM "Article" WHERE status = 'published' AND visibility = 'public'`,
  );
  const { outlet } = await one<{ outlet: string }>(
    `SELECT outlet FROM "Article" WHERE status = 'published' GROUP BY outlet ORDER BY count(*) DESC LIMIT 1`,
  );
  const { titleDe } = await one<{ titleDe: string }>(
    `SELECT "titleDe" FROM "Article" WHERE status = 'published' ORDER BY slug OFFSET (SELECT count(*) / 2 FROM "Article") LIMIT 1`,
  );
  // A search for one article (its whole title, lower case) and a broad one (the title's longest word:
  // the generated titles share their words, so it finds a large part of the library).
  const word = titleDe
    .split(/[^\p{L}]+/u)
    .reduce((a, b) => (b.length > a.length ? b : a), '')
    .toLowerCase();
  return {
    lastPage: Math.max(1, Math.ceil(Number(total) / LIBRARY_PAGE_SIZE)),
    outlet,
    title: titleDe.toLowerCase(),
    word,
  };
})();

type Op = {
  name: string;
  search?: boolean;
  /** The query functions the page or route calls. */
  run: () => Promise<unknown>;
  /** The page or route, and who asks (cookie). */
  http?: { path: string; as?: 'learner' | 'teacher' };
};
const slug = article.slug;
/** The library page as the page reads it: one page of articles, and for a learner their coverage. */
const libraryPage = async (userId: string | null, query: Parameters<typeof listLibrary>[1]) => {
  const page = await listLibrary(userId, query);
  if (userId)
    await libraryCoverage(
      userId,
      page.articles.map((a) => a.slug),
    );
  return page;
};
const libraryQuery = (query: Record<string, string>) => `/en?${new URLSearchParams(query)}`;
const ops: Op[] = [
  { name: 'library page 1 (everyone)', run: () => libraryPage(null, {}), http: { path: '/en' } },
  {
    name: 'library last page (everyone)',
    run: () => libraryPage(null, { page: libraryFacts.lastPage }),
    http: { path: libraryQuery({ page: String(libraryFacts.lastPage) }) },
  },
  {
    name: 'library outlet filter',
    run: () => libraryPage(null, { outlet: libraryFacts.outlet }),
    http: { path: libraryQuery({ outlet: libraryFacts.outlet }) },
  },
  {
    name: 'library title search (one article)',
    search: true,
    run: () => libraryPage(null, { q: libraryFacts.title }),
    http: { path: libraryQuery({ q: libraryFacts.title }) },
  },
  {
    name: 'library title search (broad word)',
    search: true,
    run: () => libraryPage(null, { q: libraryFacts.word }),
    http: { path: libraryQuery({ q: libraryFacts.word }) },
  },
  {
    name: 'library page 1 (learner, coverage)',
    run: () => libraryPage(learner.id, {}),
    http: { path: '/en', as: 'learner' },
  },
  {
    name: 'library search (learner, coverage)',
    search: true,
    run: () => libraryPage(learner.id, { q: libraryFacts.title }),
    http: { path: libraryQuery({ q: libraryFacts.title }), as: 'learner' },
  },
  {
    name: 'reader page',
    run: () => Promise.all([getArticle(slug), termCardsForArticle(slug, 'en')]),
    http: { path: `/en/articles/${slug}` },
  },
  { name: 'reader words API', run: () => getArticleWords(slug), http: { path: `/api/articles/${slug}/words` } },
  {
    name: 'colouring API',
    run: () => statusesForArticle(learner.id, slug),
    http: { path: `/api/articles/${slug}/vocabulary`, as: 'learner' },
  },
  {
    name: 'My words page 1',
    run: () =>
      Promise.all([listEntries(learner.id), statusCounts(learner.id), tagsOf(learner.id), articlesOf(learner.id)]),
    http: { path: '/en/vocabulary', as: 'learner' },
  },
  {
    name: 'My words page 200',
    run: () => listEntries(learner.id, { page: 200 }),
    http: { path: '/en/vocabulary?page=200', as: 'learner' },
  },
  {
    name: 'My words status filter',
    run: () => listEntries(learner.id, { status: 'known' }),
    http: { path: '/en/vocabulary?status=known', as: 'learner' },
  },
  ...(learnerArticle
    ? [
        {
          name: 'My words article filter',
          run: () => listEntries(learner.id, { article: learnerArticle.slug }),
          http: { path: `/en/vocabulary?article=${learnerArticle.slug}`, as: 'learner' as const },
        },
      ]
    : []),
  {
    name: 'My words search',
    search: true,
    run: () => listEntries(learner.id, { q: 'haus' }),
    http: { path: '/en/vocabulary?q=haus', as: 'learner' },
  },
  {
    name: 'review queue',
    run: async () => {
      const plan = await planToday(learner.id, new Date());
      if (plan.missing.length) await db.reviewCard.createMany({ data: plan.missing });
      return arrangeSiblings([...plan.due, ...plan.fresh], (card) => card.entry.id);
    },
    http: { path: '/en/review', as: 'learner' },
  },
  {
    name: 'teacher grid',
    run: () => Promise.all([getClassDetail(teacher.id, classRow.id), getClassGrid(teacher.id, classRow.id)]),
    http: { path: `/en/classes/${classRow.id}`, as: 'teacher' },
  },
  {
    name: 'glossary search',
    search: true,
    run: () => searchTerms(frequent.lemma.toLowerCase()),
    http: { path: `/en/glossary?q=${encodeURIComponent(frequent.lemma.toLowerCase())}` },
  },
  // A page of 20 articles with all their lines, and the totals (docs/decisions/039-paging-at-scale.md).
  {
    name: 'concordance (frequent term) page 1',
    run: () => getTerm(frequent.lemma, 1),
    http: { path: `/en/glossary/${encodeURIComponent(frequent.lemma)}` },
  },
  {
    name: 'concordance (frequent term) page 50',
    run: () => getTerm(frequent.lemma, 50),
    http: { path: `/en/glossary/${encodeURIComponent(frequent.lemma)}?page=50` },
  },
  // The assignment form's article search: at most 20 assignable articles by part of a title.
  {
    name: 'assignable article search',
    search: true,
    run: () => searchAssignableArticles(teacher.id, 'kalkulation'),
    http: { path: '/api/classes/assignable-articles?q=kalkulation', as: 'teacher' },
  },
  {
    name: 'assignable articles (newest, empty search)',
    run: () => searchAssignableArticles(teacher.id, ''),
    http: { path: '/api/classes/assignable-articles?q=', as: 'teacher' },
  },
];

const only = args.only?.split(',').map((word) => word.trim().toLowerCase());
const chosen = only ? ops.filter((op) => only.some((word) => op.name.toLowerCase().includes(word))) : ops;

const ms = (value: number) => `${value.toFixed(1)} ms`;
function line(label: string, latencies: number[], perSecond: number, target: number | null) {
  const sorted = latencies.toSorted((a, b) => a - b);
  const p95 = percentile(sorted, 0.95);
  const verdict = target === null ? '' : `  target p95 ≤ ${target} ms: ${p95 <= target ? 'ok' : 'OVER'}`;
  console.log(
    `${label}: p50 ${ms(percentile(sorted, 0.5))}, p95 ${ms(p95)}, ${perSecond.toFixed(1)} req/s (n ${latencies.length})${verdict}`,
  );
}

/** Runs `run` one call after another for SECONDS (at least 5 calls); the latencies and the seconds taken. */
async function sequential(run: () => Promise<unknown>): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  while (latencies.length < 5 || performance.now() - started < SECONDS * 1000) {
    const at = performance.now();
    await run();
    latencies.push(performance.now() - at);
  }
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

/** The sequentially scanned tables of at least BIG_TABLE rows in the plans of `queries`. */
async function seqScans(queries: { sql: string; params: unknown[] }[]): Promise<Set<string>> {
  const found = new Set<string>();
  const walk = (node: Record<string, unknown>) => {
    if (node['Node Type'] === 'Seq Scan') {
      const table = String(node['Relation Name']);
      if ((bigTables.get(table) ?? 0) >= BIG_TABLE) found.add(table);
    }
    for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
  };
  for (const { sql, params } of queries) {
    if (!/^\s*(SELECT|WITH)\b/i.test(sql)) continue;
    const explained = await client.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    const plans = (explained.rows[0] as { 'QUERY PLAN': { Plan: Record<string, unknown> }[] })['QUERY PLAN'];
    for (const plan of plans) walk(plan.Plan);
  }
  return found;
}
/** With --slowest: the statement of `queries` that takes PostgreSQL longest (EXPLAIN ANALYZE), for finding a cause. */
async function slowest(queries: { sql: string; params: unknown[] }[]): Promise<string> {
  let worst = { ms: -1, sql: '' };
  for (const { sql, params } of queries) {
    if (!/^\s*(SELECT|WITH)\b/i.test(sql)) continue;
    const explained = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    const ms = (explained.rows[0] as { 'QUERY PLAN': { 'Execution Time': number }[] })['QUERY PLAN'][0]![
      'Execution Time'
    ];
    if (ms > worst.ms) worst = { ms, sql };
  }
  return `${worst.ms.toFixed(1)} ms ${worst.sql.replace(/\s+/g, ' ').slice(0, 400)}`;
}
const bigTables = new Map(
  (
    (
      await client.query(
        `SELECT relname, reltuples FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`,
      )
    ).rows as { relname: string; reltuples: number }[]
  ).map((r) => [r.relname, Number(r.reltuples)]),
);

// ── Server time: the query functions against the database ───────────────────────────────────────
console.log(`--- db: the query functions, one call after another, ${SECONDS} s each`);
const reference = await sequential(() => db.$queryRaw`SELECT 1`);
line('reference: SELECT 1 round trip', reference.latencies, reference.latencies.length / reference.seconds, null);
const plans: string[] = [];
for (const op of chosen) {
  try {
    await op.run(); // warm: the review queue makes its missing cards on the first call, caches fill
  } catch (error) {
    // An operation that fails at this size is a finding, not the end of the run.
    captured = null;
    const message = error instanceof Error ? error.message.trim().split('\n').at(-1) : String(error);
    console.log(`${op.name}: FAILED ${message}`);
    plans.push(`plan: ${op.name} not checked (failed)`);
    continue;
  }
  captured = [];
  await op.run();
  const queries = captured;
  captured = null;
  const { latencies, seconds } = await sequential(op.run);
  line(op.name, latencies, latencies.length / seconds, op.search ? TARGET_MS.search : TARGET_MS.read);
  const scans = await seqScans(queries);
  if (args.slowest) console.log(`  slowest statement: ${await slowest(queries)}`);
  plans.push(
    `plan: ${op.name} ${scans.size ? [...scans].map((t) => `SEQ SCAN on ${t}`).join(', ') : 'ok'} (${queries.length} queries)`,
  );
}
for (const plan of plans) console.log(plan);

// ── Server time over HTTP: the pages and routes, through --cluster or --url ─────────────────────────
// The cluster starts after the db part, which it would otherwise share the cores with.
const cluster = args.cluster ? await startScaleCluster(args.database, { build: args.build }) : null;
try {
  const base = cluster?.url ?? args.url?.replace(/\/$/, '');
  if (base) {
    const cookies = {
      learner: await signIn(base, SCALE_LEARNER),
      teacher: await signIn(base, SCALE_TEACHER),
    };
    /** `clients` asking for `path` at once for SECONDS; the latencies of all answers, and those not 200 by status. */
    const load = async (path: string, cookie?: string, clients = CONCURRENCY) => {
      const latencies: number[] = [];
      const failed = new Map<number, number>();
      const started = performance.now();
      const headers = { 'accept-encoding': 'gzip', ...(cookie && { cookie }) };
      await Promise.all(
        Array.from({ length: clients }, async () => {
          while (performance.now() - started < SECONDS * 1000) {
            const at = performance.now();
            const response = await fetch(`${base}${path}`, { headers, redirect: 'manual' });
            await response.arrayBuffer();
            latencies.push(performance.now() - at);
            if (response.status !== 200) failed.set(response.status, (failed.get(response.status) ?? 0) + 1);
          }
        }),
      );
      if (failed.size)
        console.log(
          `  ${path}, ${clients} client(s): not 200: ${[...failed].map(([status, n]) => `${n} × ${status}`).join(', ')}`,
        );
      return { latencies, seconds: (performance.now() - started) / 1000 };
    };
    // Server time: one client, one request after another; throughput: CONCURRENCY clients at once.
    console.log(
      `--- http: ${cluster ? `through ${cluster.description}` : base}, ${SECONDS} s each: p50/p95 with 1 client, req/s with ${CONCURRENCY}`,
    );
    const measure = async (label: string, path: string, cookie: string | undefined, target: number | null) => {
      const alone = await load(path, cookie, 1);
      const busy = await load(path, cookie);
      line(label, alone.latencies, busy.latencies.length / busy.seconds, target);
    };
    await load('/en/about'); // warm
    for (const op of chosen) if (op.http) await load(op.http.path, op.http.as && cookies[op.http.as], 1);
    await measure('reference: trivial page /en/about', '/en/about', undefined, null);
    // The floor of a signed-in page: the session, the layout and a form, no list.
    await measure('reference: signed-in page /en/account', '/en/account', cookies.learner, null);
    for (const op of chosen)
      if (op.http)
        await measure(
          `${op.name} ${op.http.path}`,
          op.http.path,
          op.http.as && cookies[op.http.as],
          op.search ? TARGET_MS.search : TARGET_MS.read,
        );
  }
} finally {
  await cluster?.stop();
}
await client.end();
await db.$disconnect();
process.exit(0); // the glossary engine's worker thread stays up otherwise
