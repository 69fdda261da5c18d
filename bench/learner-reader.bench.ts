// `npm run --silent bench:learner`: the reader for a signed-in learner with 20,000 vocabulary entries
// versus an anonymous reader, in one run (production build, SQLite, 50 connections on loopback).
// A page view is what the browser asks for: anonymous = the page + the session check; learner = the
// page + the session check + the learner's statuses + the article's words (both needed to colour).
// Target: ≥ 50 % of anonymous. Prints the page alone (the same cached page for both) and whole page
// views; the last line is the page-view ratio.
import autocannon from 'autocannon';
import { startApp } from '../tests/setup/app-server';
import { createSqliteDatabase, seed } from '../tests/setup/databases';
import { signIn } from './http-client';
import { addVocabulary } from './learner-fixture';

const DURATION_S = Number(process.argv[2] ?? 10);
const CONNECTIONS = 50;
const SLUG = 'chinas-kalkulation-waffenlieferungen';
const PAGE = `/en/articles/${SLUG}`;
const LEARNER = {
  name: 'Bench Learner',
  email: 'bench-learner@lesebruecke.test',
  password: 'bench password 1',
  role: 'learner',
} as const;

const database = await createSqliteDatabase();
seed(database.url);
process.env.DATABASE_URL = database.url;
const { db } = await import('@/lib/db.server');
const { ensureAccount } = await import('@/lib/auth/accounts.server');
const { id } = await ensureAccount(LEARNER);
const entries = await addVocabulary(db, id, 20_000);
await db.$disconnect();

const app = await startApp(database.url);
try {
  const cookie = await signIn(app.url, LEARNER);

  const views = {
    anonymous: { paths: [PAGE, '/api/auth/get-session'], headers: {} },
    learner: {
      paths: [PAGE, '/api/auth/get-session', `/api/articles/${SLUG}/vocabulary`, `/api/articles/${SLUG}/words`],
      headers: { cookie },
    },
  };
  const run = async (paths: string[], headers: Record<string, string>, duration = DURATION_S) => {
    const result = await autocannon({
      url: app.url,
      connections: CONNECTIONS,
      duration,
      headers,
      requests: paths.map((path) => ({ method: 'GET', path })),
    });
    if (result.non2xx || result.errors)
      throw new Error(`${paths.join(' + ')}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return { views: result.requests.average / paths.length, p99: result.latency.p99 };
  };
  for (const view of Object.values(views)) await run(view.paths, view.headers, 2); // warm up

  const statuses = await run([views.learner.paths[2]!], { cookie });
  const pageAnonymous = await run([PAGE], {});
  const pageLearner = await run([PAGE], { cookie });
  const anonymous = await run(views.anonymous.paths, views.anonymous.headers);
  const learner = await run(views.learner.paths, views.learner.headers);
  console.log(`learner entries: ${entries}`);
  console.log(`statuses API alone (learner): ${statuses.views.toFixed(0)} req/s, p99 ${statuses.p99} ms`);
  console.log(
    `reader page alone: anonymous ${pageAnonymous.views.toFixed(0)} req/s, learner ${pageLearner.views.toFixed(0)} req/s (${((100 * pageLearner.views) / pageAnonymous.views).toFixed(0)} %)`,
  );
  console.log(`anonymous page views: ${anonymous.views.toFixed(0)}/s (page + session), p99 ${anonymous.p99} ms`);
  console.log(
    `learner page views: ${learner.views.toFixed(0)}/s (page + session + statuses + words), p99 ${learner.p99} ms`,
  );
  console.log(`learner/anonymous: ${((100 * learner.views) / anonymous.views).toFixed(0)} %`);
} finally {
  app.stop();
  await database.drop();
}
