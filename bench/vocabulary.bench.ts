// `npm run --silent bench:vocabulary`: server time of the reader's colouring data — statusesForArticle
// for the longer article (chinas-kalkulation-waffenlieferungen) — for a learner with 20,000 entries, on
// a fresh seeded SQLite database and, when a server answers (or with --postgres, required), PostgreSQL.
// Target: median ≤ 20 ms. Each database is measured in its own process (lib/db.server.ts holds one
// client per process). Prints figures; the last line is the SQLite median.
import { execFileSync } from 'node:child_process';
import {
  createPostgresDatabase,
  createSqliteDatabase,
  REPO_ROOT,
  seed,
  type TestDatabase,
} from '../tests/setup/databases';
import { percentile } from './latencies';
import { addVocabulary } from './learner-fixture';

const ENTRIES = 20_000;
const WARM_UP = 20;
const RUNS = 200;
const SLUG = 'chinas-kalkulation-waffenlieferungen';

async function measure(url: string) {
  process.env.DATABASE_URL = url;
  const { db } = await import('@/lib/db.server');
  const { coverageForArticle, statusesForArticle } = await import('@/lib/vocabulary/queries.server');
  try {
    const user = await db.user.create({ data: { name: 'Bench', email: `bench-${Date.now()}@vocabulary.bench` } });
    const entries = await addVocabulary(db, user.id, ENTRIES);

    const time = async (run: () => Promise<unknown>) => {
      for (let i = 0; i < WARM_UP; i++) await run();
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await run();
        ms.push(performance.now() - t0);
      }
      ms.sort((a, b) => a - b);
      return { median: percentile(ms, 0.5), p95: percentile(ms, 0.95) };
    };
    const statuses = await statusesForArticle(user.id, SLUG);
    const colouring = await time(() => statusesForArticle(user.id, SLUG));
    const coverage = await time(() => coverageForArticle(user.id, SLUG));
    return { entries, matched: Object.keys(statuses).length, colouring, coverage };
  } finally {
    await db.$disconnect();
  }
}

const format = (label: string, r: Awaited<ReturnType<typeof measure>>) => [
  `[${label}] learner entries: ${r.entries}; statuses returned for ${SLUG}: ${r.matched}`,
  `[${label}] statusesForArticle: median ${r.colouring.median.toFixed(2)} ms, p95 ${r.colouring.p95.toFixed(2)} ms (${RUNS} runs after ${WARM_UP} warm-up)`,
  `[${label}] coverageForArticle (article words + statuses): median ${r.coverage.median.toFixed(2)} ms, p95 ${r.coverage.p95.toFixed(2)} ms`,
];

const urlIndex = process.argv.indexOf('--url');
if (urlIndex > 0) {
  // Child: measure one database, print JSON.
  console.log(JSON.stringify(await measure(process.argv[urlIndex + 1]!)));
} else {
  const run = (label: string, database: TestDatabase) => {
    seed(database.url);
    const out = execFileSync(
      process.execPath,
      [
        'node_modules/tsx/dist/cli.mjs',
        '--conditions=react-server',
        'bench/vocabulary.bench.ts',
        '--url',
        database.url,
      ],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    return format(label, JSON.parse(out.trim().split('\n').at(-1)!) as Awaited<ReturnType<typeof measure>>);
  };
  const lines: string[] = [];
  const postgres = await createPostgresDatabase().catch((error: unknown) => {
    if (process.argv.includes('--postgres')) throw error;
    console.log(`PostgreSQL skipped: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  if (postgres) {
    try {
      lines.push(...run('postgresql', postgres));
    } finally {
      await postgres.drop();
    }
  }
  const sqlite = await createSqliteDatabase();
  try {
    lines.push(...run('sqlite', sqlite));
  } finally {
    await sqlite.drop();
  }
  for (const line of lines) console.log(line);
}
