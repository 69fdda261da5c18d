// `npm run --silent bench:web-rss -- [--database postgresql://…] [--build]`: issue 17's "a web instance
// never holds the lemma table". The cluster of scripts/cluster.mjs (nginx, one app instance, the job
// worker, Redis) runs on PostgreSQL twice from the same build: first with the instance running its
// work over the lemma table in its own worker threads (TASK_SERVICE_URL unset: what every instance
// did before ADR 048), then with the worker's task service, as the cluster now starts it. Each
// time, straight at the instance: a teacher publishes the long seed article through the publish route
// (a job the worker annotates), looks at its suggested terms and uses the term editor's preview and
// grammar lookup; a learner saves words met in it (a suggested meaning each), opens My words, exports
// them, looks a word up and searches the glossary. Printed per run: the instance's rss (VmRSS of
// /proc/<pid>/status) idle right after its start (the same-run reference) and after all that, and the
// worker's. Target (issue 17): the instance ≤ 200 MB after a publish.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { prepareDatabase, startCluster } from '../scripts/cluster.mjs';
import { buildApp, DIST_DIR } from '../tests/setup/app-server';
import { REPO_ROOT } from '../tests/setup/databases';
import { actionCaller, signIn } from './http-client';

const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: 'postgresql://postgres@127.0.0.1:5432/lesebruecke_bench_web_rss' },
    build: { type: 'boolean', default: false },
  },
});
const TARGET_MB = 200;
const BENCH_SECRET = 'bench-only-secret-0123456789abcdef0123456789';
/** prisma/seed.ts's demo accounts. */
const TEACHER = { email: 'teacher@lesebruecke.test', password: 'lesebruecke-teacher' };
const LEARNER = { email: 'learner@lesebruecke.test', password: 'lesebruecke-learner' };
/** The long seed article (1,983 words), published again as a teacher's draft. */
const ARTICLE_FILE = path.join(REPO_ROOT, 'prisma/content/articles/china-hilft-russland-aufruestung.json');
const WORDS_SAVED = 8;

/** Resident memory of a process in MB, as the kernel counts it. */
function rssMb(pid: number): number {
  const line = fs
    .readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
}

type Article = { sections: { paragraphs: { de: string }[][] }[] };
const article = JSON.parse(fs.readFileSync(ARTICLE_FILE, 'utf8')) as Article;
const draftText = article.sections
  .flatMap((section) => section.paragraphs.map((paragraph) => paragraph.map((group) => group.de).join(' ')))
  .join('\n\n');

await prepareDatabase(args.database, { quiet: true });
if (args.build || !fs.existsSync(path.join(REPO_ROOT, DIST_DIR, 'BUILD_ID'))) buildApp(args.database);
const client = new pg.Client({ connectionString: args.database });
await client.connect();
// The teacher edits the glossary too (the term editor's preview and grammar lookup).
await client.query(`UPDATE "User" SET "glossaryEditor" = true WHERE email = $1`, [TEACHER.email]);

async function ok(url: string, init: RequestInit = {}): Promise<string> {
  const response = await fetch(url, init);
  const body = await response.text();
  if (!response.ok) throw new Error(`${url}: ${response.status} ${body.slice(0, 200)}`);
  return body;
}

/** Everything a web instance does that needed the lemma table, through the app at `url`; returns how many requests. */
async function exercise(url: string, run: number, mark: (step: string) => void): Promise<number> {
  let requests = 0;
  const call = actionCaller(url);
  const action = async (name: string, cookie: string, input: unknown) => {
    requests++;
    return call(name, cookie, input);
  };
  const get = (target: string, cookie: string) => {
    requests++;
    return ok(`${url}${target}`, { headers: { cookie } });
  };
  const teacher = await signIn(url, TEACHER);
  const { slug } = (await action('lib/teach/actions.ts#createDraftAction', teacher, {
    format: 'txt',
    text: draftText,
    title: `Speicherprobe ${run}`,
  })) as { slug: string };
  await client.query(
    `UPDATE "Sentence" s SET "textEn" = 'Translated.' FROM "Paragraph" p, "Article" a
     WHERE s."paragraphId" = p.id AND p."articleId" = a.id AND a.slug = $1`,
    [slug],
  );
  requests++;
  const published = await ok(`${url}/api/teach/articles/${slug}/publish`, {
    method: 'POST',
    headers: { cookie: teacher, origin: url },
  });
  if (!published.trim().split('\n').at(-1)!.includes('"ok":true')) throw new Error(`publish: ${published.slice(-200)}`);
  mark('draft + publish');
  await get(`/en/teach/articles/${slug}`, teacher);
  mark('suggested terms');
  await action('lib/glossary/actions.ts#previewTermAction', teacher, { lemma: 'Werkzeugmaschine', variants: [] });
  await action('lib/glossary/actions.ts#lookUpGrammarAction', teacher, { lemma: 'Waffe', kind: 'noun' });
  mark('term preview + grammar');

  const learner = await signIn(url, LEARNER);
  const { words } = JSON.parse(await get(`/api/articles/${slug}/words`, learner)) as {
    words: Record<string, [number, number, string, string, string?][]>;
  };
  const nouns = Object.entries(words)
    .flatMap(([anchor, tokens]) => tokens.filter((t) => t[3] === 'NOUN').map((t) => ({ anchor, token: t })))
    .filter((n, i, all) => all.findIndex((m) => m.token[2] === n.token[2]) === i)
    .slice(run * WORDS_SAVED, (run + 1) * WORDS_SAVED);
  for (const { anchor, token } of nouns)
    await action('lib/vocabulary/actions.ts#saveWordAction', learner, {
      articleSlug: slug,
      anchor,
      lemma: token[2],
      status: 'new',
    });
  mark('words saved');
  await get('/en/vocabulary', learner);
  mark('My words');
  await get('/api/vocabulary/export?format=csv', learner);
  mark('export');
  await get('/api/dictionary?lemma=Werkzeugmaschine&surface=Werkzeugmaschinen&pos=NOUN', learner);
  await get(`/en/glossary?q=${encodeURIComponent('roten Linien')}`, learner);
  mark('lookup + glossary search');
  return requests;
}

const runs: { name: string; env: Record<string, string> }[] = [
  { name: 'tasks in the instance (before)', env: { TASK_SERVICE_URL: '' } },
  { name: 'task service in the worker', env: {} },
];
console.log(
  `web rss ${new Date().toISOString().slice(0, 16)}Z on ${new URL(args.database).pathname.slice(1)}, ` +
    `build ${DIST_DIR}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`,
);
for (const [index, run] of runs.entries()) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesebruecke-bench-web-rss-'));
  const cluster = await startCluster({
    databaseUrl: args.database,
    distDir: DIST_DIR,
    copyBuild: true,
    instances: 1,
    dir,
    env: { BETTER_AUTH_SECRET: BENCH_SECRET, ...run.env },
  });
  try {
    const instance = cluster.instances[0]!;
    const idle = rssMb(instance.child.pid!);
    const steps: string[] = [];
    const requests = await exercise(instance.url!, index, (step) =>
      steps.push(`${step} ${rssMb(instance.child.pid!).toFixed(0)}`),
    );
    const after = rssMb(instance.child.pid!);
    const worker = rssMb(cluster.worker.child.pid!);
    const verdict = after <= TARGET_MB ? 'within' : 'above';
    console.log(
      `[${run.name}] instance idle ${idle.toFixed(0)} MB (reference) → after publish and ${requests} requests ` +
        `${after.toFixed(0)} MB (+${(after - idle).toFixed(0)} MB; ${verdict} the ${TARGET_MB} MB target); ` +
        `worker ${worker.toFixed(0)} MB`,
    );
    console.log(`  instance MB after each step: ${steps.join(', ')}`);
  } finally {
    await cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
await client.end();
