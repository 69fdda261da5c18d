// `npm run --silent bench:glossary-live [articles] [runs] [--postgres]`: the time from an editor's
// approval of a proposed term to the highlighted word in an already-open reader (issue 14, "Live
// everywhere": target ≤ 2 s for one term in a library of 200 articles). Production build (as
// tests/setup/app-server.ts makes it) on a library of recombined published articles
// (bench/library-generator.ts), SQLite unless --postgres.
//
// For each run an editor approves one proposed term over HTTP (the server action, as the browser
// calls it, after the term editor's preview and grammar prefill) while a client polls the reader page
// of an article that contains it, a page that was cached before (HIT): the time is from sending the
// approval to the first answer of that page that highlights the term. Two kinds of term: one that
// stands in a handful of articles, one that stands in about 50. Also printed: how long the approval
// took to answer, how many articles it re-annotated, and a same-run reference (a cached reader GET;
// in this process, annotating one article whole, and re-annotation after approving a term, per article).
import { startApp } from '../tests/setup/app-server';
import { createPostgresDatabase, createSqliteDatabase, seed } from '../tests/setup/databases';
import { actionCaller, signIn } from './http-client';
import { latencySummary } from './latencies';
import { generateLibrary } from './library-generator';

const [articlesArg, runsArg] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const ARTICLES = Number(articlesArg ?? 200);
const RUNS = Number(runsArg ?? 5);
const POSTGRES = process.argv.includes('--postgres');
const EDITOR = { email: 'teacher@lesebruecke.test', password: 'lesebruecke-teacher' };
/** A term "in a handful of articles", and one "in many" (the one nearest this count). */
const HANDFUL = { min: 3, max: 8 };
const MANY = 50;
const POLL_EVERY_MS = 20;
const TIMEOUT_MS = 60_000;

const readerPath = (slug: string) => `/en/articles/${slug}`;
const highlights = (html: string, lemma: string) => html.includes(`data-term="${lemma}"`);

type Candidate = { lemma: string; slugs: string[] };

const database = POSTGRES ? await createPostgresDatabase() : await createSqliteDatabase();
seed(database.url);
process.env.DATABASE_URL = database.url;
const { db } = await import('@/lib/db.server');
const { annotateArticles, reannotateForTerms } = await import('@/lib/annotation/service.server');
const { decodeTokens } = await import('@/lib/annotation/tokens');

let started = performance.now();
const library = await generateLibrary(db, ARTICLES);
const groups = await db.sentence.count({ where: { paragraph: { article: { slug: { in: library } } } } });
console.log(
  `library: ${library.length} generated articles (${groups} sentence groups) + the 2 seed articles, ${POSTGRES ? 'PostgreSQL' : 'SQLite'}; generated and annotated in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);

/**
 * Nouns of the library that are no glossary entry, with the articles where one of their words stands
 * outside every stored occurrence (so that the reader will show it highlighted once approved).
 */
async function candidates(): Promise<Candidate[]> {
  const taken = new Set((await db.term.findMany({ select: { lemma: true } })).map((t) => t.lemma));
  const sentences = await db.sentence.findMany({
    select: {
      textDe: true,
      tokens: true,
      paragraph: { select: { article: { select: { slug: true } } } },
      occurrences: { select: { start: true, end: true } },
    },
  });
  const slugsOf = new Map<string, Set<string>>();
  for (const sentence of sentences) {
    for (const [start, end, lemma, pos] of decodeTokens(sentence.tokens)) {
      if (pos !== 'NOUN' || taken.has(lemma) || !/^\p{Lu}\p{Ll}{4,}$/u.test(lemma)) continue;
      if (sentence.occurrences.some((o) => o.start < end && start < o.end)) continue;
      const slugs = slugsOf.get(lemma) ?? new Set();
      slugs.add(sentence.paragraph.article.slug);
      slugsOf.set(lemma, slugs);
    }
  }
  return [...slugsOf]
    .map(([lemma, slugs]) => ({ lemma, slugs: [...slugs].sort() }))
    .sort((a, b) => a.lemma.localeCompare(b.lemma));
}

const all = await candidates();
const handful = all.filter((c) => c.slugs.length >= HANDFUL.min && c.slugs.length <= HANDFUL.max).slice(0, RUNS);
const many = all
  .toSorted((a, b) => Math.abs(a.slugs.length - MANY) - Math.abs(b.slugs.length - MANY))
  .filter((c) => !handful.includes(c))
  .slice(0, RUNS);
if (handful.length < RUNS || many.length < RUNS) throw new Error('the library has too few candidate terms');

// The editor, and the terms as a teacher's proposals (what proposing writes; not what is measured).
const editor = await db.user.update({ where: { email: EDITOR.email }, data: { glossaryEditor: true } });
for (const { lemma, slugs } of [...handful, ...many]) {
  const article = await db.article.findUniqueOrThrow({ where: { slug: slugs[0]! }, select: { id: true } });
  await db.term.create({
    data: {
      lemma,
      status: 'proposed',
      kind: 'noun',
      englishPreferred: `${lemma} (en)`,
      definitionEn: `Benchmark entry for ${lemma}.`,
      definitionDe: `Benchmark-Eintrag für ${lemma}.`,
      source: 'Benchmark',
      editedInApp: true,
      proposedById: editor.id,
      proposedFromId: article.id,
    },
  });
}

// Same-run reference, in this process (a worker thread of its own, warmed up first): one article of
// the library annotated whole, and re-annotation after a glossary change (the path an approval takes).
const reference = library[Math.floor(library.length / 2)]!;
await annotateArticles(db, [reference]);
const whole: number[] = [];
for (let i = 0; i < 5; i++) {
  started = performance.now();
  await annotateArticles(db, [reference]);
  whole.push(performance.now() - started);
}
// One more term of a handful of articles, approved and withdrawn again in this process.
const spare = all.find((c) => c.slugs.length >= HANDFUL.min && c.slugs.length <= HANDFUL.max && !handful.includes(c));
if (!spare) throw new Error('the library has too few candidate terms');
await db.term.create({ data: { lemma: spare.lemma, status: 'proposed' } });
const rematch: number[] = [];
let touchedBySpare = 0;
for (let i = 0; i < 5; i++) {
  await db.term.update({ where: { lemma: spare.lemma }, data: { status: 'approved' } });
  started = performance.now();
  const touched = await reannotateForTerms(db, [spare.lemma]);
  rematch.push((performance.now() - started) / touched.length);
  touchedBySpare = touched.length;
  await db.term.update({ where: { lemma: spare.lemma }, data: { status: 'proposed' } });
  await reannotateForTerms(db, [spare.lemma]);
}
const referenceGroups = await db.sentence.count({ where: { paragraph: { article: { slug: reference } } } });

const app = await startApp(database.url);
try {
  const cookie = await signIn(app.url, EDITOR);
  const call = actionCaller(app.url);
  const get = async (path: string) => {
    const response = await fetch(`${app.url}${path}`);
    const html = await response.text();
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return { html, cache: response.headers.get('x-nextjs-cache') };
  };
  /** GETs `path` until it is served from the cache. */
  const cached = async (path: string) => {
    for (let i = 0; i < 20; i++) if ((await get(path)).cache === 'HIT') return;
    throw new Error(`${path}: never served from the cache`);
  };

  // Reference: a cached reader page, as the polling client gets it before the approval.
  const target = (c: Candidate) => c.slugs.at(-1)!;
  await cached(readerPath(target(handful[0]!)));
  const plainGets: number[] = [];
  for (let i = 0; i < 50; i++) {
    started = performance.now();
    await get(readerPath(target(handful[0]!)));
    plainGets.push(performance.now() - started);
  }

  type Run = { lemma: string; containing: number; visible: number; answered: number; reannotated: number };
  const measure = async (candidate: Candidate): Promise<Run> => {
    const path = readerPath(target(candidate));
    await cached(path);
    if (highlights((await get(path)).html, candidate.lemma)) throw new Error(`${candidate.lemma}: highlighted already`);
    const { lemma } = candidate;
    const term = await db.term.findUniqueOrThrow({ where: { lemma }, select: { id: true, version: true } });
    // The term editor, open before the approval (not measured): its preview of the entry's matches
    // and the grammar prefilled from the dictionary.
    await call('lib/glossary/actions.ts#previewTermAction', cookie, { lemma, variants: [] });
    const facts = (await call('lib/glossary/actions.ts#lookUpGrammarAction', cookie, { lemma, kind: 'noun' })) as {
      gender?: 'm' | 'f' | 'n' | null;
      plural?: string | null;
      genitive?: string | null;
    };
    const approve = {
      id: term.id,
      version: term.version,
      confirmNoMatches: false,
      lemma,
      kind: 'noun',
      gender: facts.gender ?? null,
      plural: facts.plural ?? null,
      genitive: facts.genitive ?? null,
      separable: false,
      english: { preferred: `${lemma} (en)`, alternatives: [] },
      definitionEn: `Benchmark entry for ${lemma}.`,
      definitionDe: `Benchmark-Eintrag für ${lemma}.`,
      usageNote: null,
      domains: ['politics'],
      related: [],
      variants: [],
      source: 'Benchmark',
      sourceUrl: null,
      grammarOverride: facts.gender ? null : 'The dictionary does not list this noun (benchmark entry).',
    };
    const since = new Date();
    started = performance.now();
    let answered = 0;
    let failure: unknown;
    const approval = call('lib/glossary/actions.ts#approveTermAction', cookie, approve).then(
      () => {
        answered = performance.now() - started;
      },
      (error: unknown) => {
        failure = error;
      },
    );
    let visible = 0;
    while (!visible) {
      if (failure) throw failure;
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`${lemma}: not highlighted after 60 s`);
      const polled = performance.now();
      if (highlights((await get(path)).html, lemma)) visible = performance.now() - started;
      else
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, POLL_EVERY_MS - (performance.now() - polled))));
    }
    await approval;
    if (failure) throw failure;
    const reannotated = await db.article.count({ where: { annotatedAt: { gte: since } } });
    return { lemma, containing: candidate.slugs.length, visible, answered, reannotated };
  };

  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const report = (label: string, runs: Run[]) => {
    for (const run of runs) {
      console.log(
        `  ${run.lemma.padEnd(28)} in ${String(run.containing).padStart(3)} articles: highlighted after ${seconds(run.visible)}, approval answered after ${seconds(run.answered)}, ${run.reannotated} articles re-annotated`,
      );
    }
    const visible = latencySummary(runs.map((run) => run.visible));
    const answered = latencySummary(runs.map((run) => run.answered));
    const reannotated = latencySummary(runs.map((run) => run.reannotated));
    console.log(
      `${label}: approval → highlighted word p50 ${seconds(visible.p50)}, max ${seconds(visible.max)}; approval answered p50 ${seconds(answered.p50)}; re-annotated p50 ${reannotated.p50} articles`,
    );
    return visible;
  };

  console.log(
    `reference: cached reader GET p50 ${latencySummary(plainGets).p50.toFixed(1)} ms; annotating one article whole (${referenceGroups} sentence groups) p50 ${latencySummary(whole).p50.toFixed(0)} ms, re-annotation after approving a term (in-process, ${touchedBySpare} articles) p50 ${latencySummary(rematch).p50.toFixed(0)} ms per article`,
  );
  const runs = { handful: [] as Run[], many: [] as Run[] };
  for (let i = 0; i < RUNS; i++) {
    runs.handful.push(await measure(handful[i]!));
    runs.many.push(await measure(many[i]!));
  }
  report(`a term in ${HANDFUL.min}–${HANDFUL.max} articles`, runs.handful);
  const worst = report(`a term in about ${MANY} articles`, runs.many);
  console.log(`approval → highlighted word in a library of ${library.length + 2} articles: max ${seconds(worst.max)}`);
} finally {
  await db.$disconnect();
  app.stop();
  await database.drop();
}
