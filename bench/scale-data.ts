// `npm run bench:scale-data -- [--url postgresql://…] [--factor 0.1]`: a school-sized PostgreSQL database
// for `npm run bench:scale` (issue 15). At factor 1: 10,000 published articles recombined from the
// seed articles' paragraphs (bench/library-generator.ts) and annotated by the app's engine
// (lib/annotation's annotateTexts task, over the seeded 340-term glossary), 5,000 learners with
// 5 million vocabulary rows (lemmas from the lemma table) and 1 million review logs, 200 teachers and
// 500 classes with assignments and progress. --factor scales every count down (not the two accounts
// the benchmark signs in as: a learner with 20,000 words and a teacher whose class is 40 × 30).
//
// The database (default lesebruecke_scale on 127.0.0.1:5432) is dropped, created, migrated with
// scripts/db-migrate.mjs and seeded with prisma/seed.ts, as tests make theirs; the bulk rows then go
// in as multi-row INSERT … SELECT unnest(…) (no row at a time). Prints the time per table.
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrate, REPO_ROOT, seed } from '../tests/setup/databases';
import { recombinedArticles } from './library-generator';
import { GRID, LEARNER_WORDS, SCALE_LEARNER, SCALE_TEACHER, SCALE_URL } from './scale-fixture';

const FULL = {
  articles: 10_000,
  learners: 5_000,
  vocabulary: 5_000_000,
  reviewLogs: 1_000_000,
  teachers: 200,
  classes: 500,
  assignmentsPerClass: 10,
  membersPerClass: 25,
};

const { values: args } = parseArgs({
  options: { url: { type: 'string', default: SCALE_URL }, factor: { type: 'string', default: '1' } },
});
const factor = Number(args.factor);
if (!(factor > 0 && factor <= 1)) throw new Error('--factor must be in (0, 1]');
const scaled = (n: number) => Math.max(1, Math.round(n * factor));
const counts = {
  articles: scaled(FULL.articles),
  learners: scaled(FULL.learners),
  vocabulary: Math.max(LEARNER_WORDS, scaled(FULL.vocabulary)),
  reviewLogs: scaled(FULL.reviewLogs),
  teachers: scaled(FULL.teachers),
  classes: scaled(FULL.classes),
};

// ── Fresh database, migrated and seeded (the seed articles, the glossary, the demo accounts) ──────────
const url = new URL(args.url);
const name = decodeURIComponent(url.pathname.slice(1));
const admin = new URL(url);
admin.pathname = '/postgres';

const timings: [string, number, number][] = [];
async function timed<T extends number>(label: string, run: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const rows = await run();
  const ms = performance.now() - started;
  timings.push([label, rows, ms]);
  console.log(`${label}: ${rows.toLocaleString('en')} rows, ${(ms / 1000).toFixed(1)} s`);
  return rows;
}

console.log(`scale data: factor ${factor} into ${name} (${JSON.stringify(counts)})`);
const adminClient = new pg.Client({ connectionString: admin.toString() });
await adminClient.connect();
await adminClient.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
await adminClient.query(`CREATE DATABASE "${name}"`);
await adminClient.end();
await timed('migrate + seed (seed articles, glossary, demo accounts)', () => {
  migrate(url.toString());
  seed(url.toString());
  return 0;
});

// The app's modules read DATABASE_URL when first imported.
process.env.DATABASE_URL = url.toString();
const { db } = await import('@/lib/db.server');
const { runTask } = await import('@/lib/workers.server');
const { readArticleFiles } = await import('@/lib/articles/content-files.server');
const { ArticleContentSchema } = await import('@/lib/articles/schema');
const { ensureAccount } = await import('@/lib/auth/accounts.server');
const { APPROVED } = await import('@/lib/glossary/status');
const { VOCABULARY_STATUSES } = await import('@/lib/vocabulary/status');
const { ENGINE_VERSION } = await import('@/lib/text');

const client = new pg.Client({ connectionString: url.toString() });
await client.connect();

type Column = readonly [name: string, type: string];
const CHUNK = 5_000;

/** Inserts `rows` (one array per row, in `columns`' order) as INSERT … SELECT unnest(…), CHUNK rows a statement. */
async function insert(table: string, columns: readonly Column[], rows: readonly unknown[][]): Promise<number> {
  const names = columns.map(([column]) => `"${column}"`).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  for (let at = 0; at < rows.length; at += CHUNK) {
    const chunk = rows.slice(at, at + CHUNK);
    await client.query(
      `INSERT INTO "${table}" (${names}) SELECT * FROM unnest(${arrays})`,
      columns.map((_, i) => chunk.map((row) => row[i])),
    );
  }
  return rows.length;
}

/** Runs one INSERT … SELECT and returns the rows it made. */
async function sql(statement: string, values: unknown[] = []): Promise<number> {
  return (await client.query(statement, values)).rowCount ?? 0;
}

// ── Articles: recombined seed paragraphs, annotated by the app's engine ────────────────────────────
const seeds = (await readArticleFiles()).map(({ data }) => ArticleContentSchema.parse(data));
const articles = recombinedArticles(seeds, counts.articles);
const terms = await db.term.findMany({
  where: { status: APPROVED },
  select: { id: true, lemma: true, variants: true },
  orderBy: { lemma: 'asc' },
});
const glossary = terms.map((t) => ({ lemma: t.lemma, variants: JSON.parse(t.variants) as string[] }));
const termIds = new Map(terms.map((t) => [t.lemma, t.id]));

// Every article is made of the seed's paragraphs and headings, and annotation reads each text on its
// own: the engine runs once per distinct paragraph or heading, and each article gets its texts' results.
type Annotated = Awaited<ReturnType<typeof runTask<'annotateTexts'>>>;
const annotations = new Map<string, Annotated>();
const textKey = (texts: readonly string[]) => texts.join('\u0000');
await timed('annotation (distinct paragraphs and headings)', async () => {
  const distinct = new Map<string, string[]>();
  for (const article of articles)
    for (const section of article.sections) {
      if (section.heading) distinct.set(textKey([section.heading.de]), [section.heading.de]);
      for (const paragraph of section.paragraphs) {
        const texts = paragraph.map((group) => group.de);
        distinct.set(textKey(texts), texts);
      }
    }
  for (const [key, texts] of distinct)
    annotations.set(key, await runTask('annotateTexts', { glossary, steps: [texts] }, () => {}));
  return distinct.size;
});

const now = new Date();
const iso = (date: Date) => date.toISOString();
const articleRows: unknown[][] = [];
const authorRows: unknown[][] = [];
const sectionRows: unknown[][] = [];
const paragraphRows: unknown[][] = [];
const sentenceRows: unknown[][] = [];
const occurrenceRows: unknown[][] = [];
const lemmaRows: unknown[][] = [];
const wordRows: unknown[][] = [];
const articleIds: string[] = [];
for (const [n, article] of articles.entries()) {
  const articleId = `scale-a${n}`;
  articleIds.push(articleId);
  const lemmas = new Set<string>();
  const lemmaCounts = new Map<string, number>();
  const addWords = (annotated: Annotated) => {
    for (const [lemma, count] of annotated.words) lemmaCounts.set(lemma, (lemmaCounts.get(lemma) ?? 0) + count);
  };
  let words = 0;
  let paragraphPosition = 0;
  const occurrence = (
    sentenceId: string | null,
    sectionId: string | null,
    matches: Annotated['steps'][0][0]['matches'],
  ) => {
    for (const m of matches) {
      const termId = termIds.get(m.term);
      if (termId)
        occurrenceRows.push([
          `${sentenceId ?? sectionId}-o${m.start}-${m.term.length}-${occurrenceRows.length}`,
          termId,
          articleId,
          sentenceId,
          sectionId,
          m.start,
          m.end,
          m.surface,
          m.kind,
        ]);
    }
  };
  for (const [sectionPosition, section] of article.sections.entries()) {
    const sectionId = `${articleId}-s${sectionPosition}`;
    let headingTokens = '[]';
    if (section.heading) {
      const annotated = annotations.get(textKey([section.heading.de]))!;
      headingTokens = annotated.steps[0]![0]!.tokens;
      for (const lemma of annotated.lemmaIndex) lemmas.add(lemma);
      addWords(annotated);
      words += annotated.wordCount;
      occurrence(null, sectionId, annotated.steps[0]![0]!.matches);
    }
    sectionRows.push([
      sectionId,
      articleId,
      sectionPosition,
      section.heading?.de ?? null,
      section.heading?.en ?? null,
      headingTokens,
    ]);
    for (const paragraph of section.paragraphs) {
      const paragraphId = `${articleId}-p${paragraphPosition}`;
      paragraphRows.push([paragraphId, articleId, sectionId, paragraphPosition]);
      const annotated = annotations.get(textKey(paragraph.map((group) => group.de)))!;
      for (const lemma of annotated.lemmaIndex) lemmas.add(lemma);
      addWords(annotated);
      words += annotated.wordCount;
      for (const [position, group] of paragraph.entries()) {
        const sentenceId = `${paragraphId}-g${position}`;
        const { tokens, matches } = annotated.steps[0]![position]!;
        sentenceRows.push([sentenceId, paragraphId, position, group.de, group.en, tokens]);
        occurrence(sentenceId, null, matches);
      }
      paragraphPosition++;
    }
  }
  for (const [position, author] of article.authors.entries())
    authorRows.push([`${articleId}-w${position}`, articleId, position, author]);
  for (const lemma of lemmas) lemmaRows.push([articleId, lemma]);
  for (const [lemma, count] of lemmaCounts) wordRows.push([articleId, lemma, count]);
  articleRows.push([
    articleId,
    `scale-${article.slug}`,
    article.title.de,
    article.title.en,
    article.outlet,
    article.publishedAt,
    article.sourceNote.de,
    article.sourceNote.en,
    words,
    `scale-${n}`,
    ENGINE_VERSION,
    iso(now),
    iso(now),
  ]);
}

await timed('Article', () =>
  insert(
    'Article',
    [
      ['id', 'text'],
      ['slug', 'text'],
      ['titleDe', 'text'],
      ['titleEn', 'text'],
      ['outlet', 'text'],
      ['publishedAt', 'timestamp(3)'],
      ['sourceNoteDe', 'text'],
      ['sourceNoteEn', 'text'],
      ['wordCount', 'int'],
      ['contentHash', 'text'],
      ['engineVersion', 'text'],
      ['annotatedAt', 'timestamp(3)'],
      ['updatedAt', 'timestamp(3)'],
    ],
    articleRows,
  ),
);
await timed('ArticleAuthor', () =>
  insert(
    'ArticleAuthor',
    [
      ['id', 'text'],
      ['articleId', 'text'],
      ['position', 'int'],
      ['name', 'text'],
    ],
    authorRows,
  ),
);
await timed('Section', () =>
  insert(
    'Section',
    [
      ['id', 'text'],
      ['articleId', 'text'],
      ['position', 'int'],
      ['headingDe', 'text'],
      ['headingEn', 'text'],
      ['tokens', 'text'],
    ],
    sectionRows,
  ),
);
await timed('Paragraph', () =>
  insert(
    'Paragraph',
    [
      ['id', 'text'],
      ['articleId', 'text'],
      ['sectionId', 'text'],
      ['position', 'int'],
    ],
    paragraphRows,
  ),
);
await timed('Sentence', () =>
  insert(
    'Sentence',
    [
      ['id', 'text'],
      ['paragraphId', 'text'],
      ['position', 'int'],
      ['textDe', 'text'],
      ['textEn', 'text'],
      ['tokens', 'text'],
    ],
    sentenceRows,
  ),
);
await timed('TermOccurrence', () =>
  insert(
    'TermOccurrence',
    [
      ['id', 'text'],
      ['termId', 'text'],
      ['articleId', 'text'],
      ['sentenceId', 'text'],
      ['sectionId', 'text'],
      ['start', 'int'],
      ['end', 'int'],
      ['surface', 'text'],
      ['kind', 'text'],
    ],
    occurrenceRows,
  ),
);
await timed('ArticleLemma', () =>
  insert(
    'ArticleLemma',
    [
      ['articleId', 'text'],
      ['lemma', 'text'],
    ],
    lemmaRows,
  ),
);
await timed('ArticleWord', () =>
  insert(
    'ArticleWord',
    [
      ['articleId', 'text'],
      ['lemma', 'text'],
      ['count', 'int'],
    ],
    wordRows,
  ),
);

// ── Accounts: the two the benchmark signs in as (real sign-up, password), and the rest in bulk ─────
const learnerId = (await ensureAccount({ name: 'Scale Learner', ...SCALE_LEARNER, role: 'learner' })).id;
const teacherId = (await ensureAccount({ name: 'Scale Teacher', ...SCALE_TEACHER, role: 'teacher' })).id;
await timed('User', async () => {
  const users: unknown[][] = [];
  for (let i = 1; i < counts.learners; i++)
    users.push([`scale-l${i}`, `Learner ${i}`, `scale-l${i}@example.test`, 'learner', iso(now)]);
  for (let i = 1; i < counts.teachers; i++)
    users.push([`scale-t${i}`, `Teacher ${i}`, `scale-t${i}@example.test`, 'teacher', iso(now)]);
  return insert(
    'User',
    [
      ['id', 'text'],
      ['name', 'text'],
      ['email', 'text'],
      ['role', 'text'],
      ['updatedAt', 'timestamp(3)'],
    ],
    users,
  );
});
const learnerIds = [learnerId, ...Array.from({ length: counts.learners - 1 }, (_, i) => `scale-l${i + 1}`)];
const teacherIds = [teacherId, ...Array.from({ length: counts.teachers - 1 }, (_, i) => `scale-t${i + 1}`)];

// ── Vocabulary: lemmas of the lemma table; the bench learner 20,000, the others share the rest ──────
const lexicon = path.join(REPO_ROOT, 'node_modules/.cache/lesebruecke/lexicon-de.tsv');
const tableLemmas = [
  ...new Set(
    fs
      .readFileSync(lexicon, 'utf8')
      .split('\n')
      .flatMap((line) => line.split('\t')[1]?.split('|')[0] ?? []),
  ),
];
await client.query('CREATE TEMP TABLE scale_lemma (n int PRIMARY KEY, lemma text)');
await client.query('CREATE TEMP TABLE scale_learner (k int PRIMARY KEY, id text, words int)');
await client.query('CREATE TEMP TABLE scale_article (k int PRIMARY KEY, id text)');
await insert(
  'scale_lemma',
  [
    ['n', 'int'],
    ['lemma', 'text'],
  ],
  tableLemmas.map((lemma, n) => [n, lemma]),
);
const othersWords = Math.min(
  tableLemmas.length,
  Math.floor((counts.vocabulary - LEARNER_WORDS) / Math.max(1, counts.learners - 1)),
);
await insert(
  'scale_learner',
  [
    ['k', 'int'],
    ['id', 'text'],
    ['words', 'int'],
  ],
  learnerIds.map((id, k) => [k, id, k === 0 ? LEARNER_WORDS : othersWords]),
);
await insert(
  'scale_article',
  [
    ['k', 'int'],
    ['id', 'text'],
  ],
  articleIds.map((id, k) => [k, id]),
);
const lemmaCount = tableLemmas.length;
const articleCount = articleIds.length;
await timed('VocabularyEntry', () =>
  // Each learner's lemmas are a run of consecutive table lemmas from their own offset (so distinct);
  // a fifth of the words were met in an article; statuses cycle through all seven.
  sql(
    `INSERT INTO "VocabularyEntry" (id, "userId", lemma, status, "articleId", surface, "statusChangedAt", "createdAt", "updatedAt")
     SELECT l.id || '-v' || g, l.id, x.lemma, ($1::text[])[1 + (g % 7)],
            a.id, CASE WHEN a.id IS NOT NULL THEN x.lemma END,
            now() - (g % 365) * interval '1 day', now() - (g % 365) * interval '1 day', now()
     FROM scale_learner l
     CROSS JOIN LATERAL generate_series(0, l.words - 1) g
     JOIN scale_lemma x ON x.n = (l.k * 7919 + g) % $2
     LEFT JOIN scale_article a ON g % 5 = 0 AND a.k = (l.k * 31 + g) % $3`,
    [VOCABULARY_STATUSES, lemmaCount, articleCount],
  ),
);
await timed('StatusChange', () =>
  sql(
    `INSERT INTO "StatusChange" (id, "entryId", "userId", status, "changedAt")
     SELECT e.id || '-c', e.id, e."userId", e.status, e."statusChangedAt" FROM "VocabularyEntry" e`,
  ),
);
// Cards (one direction) for the words being learnt; a twentieth are due now, the rest over a month.
await timed('ReviewCard', () =>
  sql(
    `INSERT INTO "ReviewCard" (id, "entryId", "userId", direction, due, stability, difficulty, reps, state, "lastReview")
     SELECT e.id || '-de-en', e.id, e."userId", 'de-en',
            now() + ((hashtext(e.id) & 1023) % 600 - 30) * interval '1 hour',
            3.5, 5.0, 3, 2, now() - interval '2 days'
     FROM "VocabularyEntry" e WHERE e.status LIKE 'learning-%'`,
  ),
);
await timed('ReviewLog', async () => {
  const cards = Number((await client.query('SELECT count(*) FROM "ReviewCard"')).rows[0].count);
  const perCard = Math.max(1, Math.ceil(counts.reviewLogs / Math.max(1, cards)));
  // perCard logs for a share of the cards, so that the total comes near the target.
  const share = Math.min(1, counts.reviewLogs / (perCard * Math.max(1, cards)));
  return sql(
    `INSERT INTO "ReviewLog" (id, "cardId", "userId", rating, state, due, stability, difficulty, "elapsedDays",
                              "lastElapsedDays", "scheduledDays", "learningSteps", "reviewedAt", "durationMs")
     SELECT c.id || '-r' || g, c.id, c."userId", 1 + (g + hashtext(c.id) & 3), 2, c.due, 3.5, 5.0, 2, 1, 3, 0,
            now() - (g * 3 + (hashtext(c.id) & 7)) * interval '1 day', 4000
     FROM "ReviewCard" c CROSS JOIN generate_series(1, $1) g
     WHERE (hashtext(c.id) & 65535) < $2`,
    [perCard, Math.round(share * 65536)],
  );
});

// ── Classes: the bench teacher's class is 40 × 30; the others 25 members and 10 assignments ───────
type ClassPlan = { id: string; teacherId: string; members: string[]; assignments: number };
const classes: ClassPlan[] = [];
for (let c = 0; c < counts.classes; c++) {
  const size = c === 0 ? GRID.students : FULL.membersPerClass;
  const members = Array.from({ length: Math.min(size, learnerIds.length) }, (_, i) =>
    c === 0 ? learnerIds[i]! : learnerIds[(c * 37 + i * 11) % learnerIds.length]!,
  );
  classes.push({
    id: `scale-c${c}`,
    teacherId: c === 0 ? teacherId : teacherIds[c % teacherIds.length]!,
    members: [...new Set(members)],
    assignments: c === 0 ? GRID.assignments : FULL.assignmentsPerClass,
  });
}
await timed('Classroom', () =>
  insert(
    'Classroom',
    [
      ['id', 'text'],
      ['name', 'text'],
      ['teacherId', 'text'],
      ['joinCode', 'text'],
      ['updatedAt', 'timestamp(3)'],
    ],
    classes.map((c, i) => [c.id, `Class ${i + 1}`, c.teacherId, `SCALE${i}`, iso(now)]),
  ),
);
await timed('ClassMembership', () =>
  insert(
    'ClassMembership',
    [
      ['classId', 'text'],
      ['userId', 'text'],
    ],
    classes.flatMap((c) => c.members.map((userId) => [c.id, userId])),
  ),
);
const assignments = classes.flatMap((c, ci) =>
  Array.from({ length: c.assignments }, (_, a) => ({
    id: `${c.id}-a${a}`,
    classId: c.id,
    articleId: articleIds[(ci * 13 + a * 7) % articleIds.length]!,
    dueAt: new Date(now.getTime() + (a - c.assignments / 2) * 86_400_000 * 3),
    members: c.members,
  })),
);
await timed('Assignment', () =>
  insert(
    'Assignment',
    [
      ['id', 'text'],
      ['classId', 'text'],
      ['articleId', 'text'],
      ['dueAt', 'timestamp(3)'],
      ['updatedAt', 'timestamp(3)'],
    ],
    assignments.map((a) => [a.id, a.classId, a.articleId, iso(a.dueAt), iso(now)]),
  ),
);
// Progress: most students opened each assignment, about half finished it.
await timed('AssignmentProgress', () =>
  insert(
    'AssignmentProgress',
    [
      ['assignmentId', 'text'],
      ['userId', 'text'],
      ['openedAt', 'timestamp(3)'],
      ['paragraphsSeen', 'text'],
      ['paragraphCount', 'int'],
      ['activeSeconds', 'int'],
      ['doneAt', 'timestamp(3)'],
      ['updatedAt', 'timestamp(3)'],
    ],
    assignments.flatMap((a, ai) =>
      a.members.flatMap((userId, mi) => {
        const k = (ai * 7 + mi * 3) % 10;
        if (k === 0) return [];
        const seen = Array.from({ length: k * 2 }, (_, i) => i);
        return [[a.id, userId, iso(a.dueAt), JSON.stringify(seen), 20, k * 60, k >= 5 ? iso(a.dueAt) : null, iso(now)]];
      }),
    ),
  ),
);

// VACUUM too, as autovacuum would do some time after a load: it marks the pages all-visible (index-only
// scans) and folds the GIN trigram indexes' pending lists in (docs/decisions/039-paging-at-scale.md).
await timed('VACUUM ANALYZE', async () => {
  await client.query('VACUUM ANALYZE');
  return 0;
});
console.log('--- rows per table');
const tables = (await client.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`))
  .rows as { tablename: string }[];
for (const { tablename } of tables) {
  const rows = Number((await client.query(`SELECT count(*) FROM "${tablename}"`)).rows[0].count);
  if (rows > 0) console.log(`${tablename}: ${rows.toLocaleString('en')}`);
}
const total = timings.reduce((sum, [, , ms]) => sum + ms, 0);
console.log(`total: ${(total / 1000).toFixed(1)} s`);
await client.end();
await db.$disconnect();
process.exit(0); // the annotation worker thread stays up otherwise
