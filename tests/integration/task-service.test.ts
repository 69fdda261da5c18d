import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { type Actor, performAs } from '@/lib/action.server';
import { lexiconLoaded } from '@/lib/annotation/queries.server';
import { annotateArticles } from '@/lib/annotation/service.server';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { importArticle } from '@/lib/articles/import.server';
import { getArticleWords } from '@/lib/articles/queries.server';
import { databaseProvider, db } from '@/lib/db.server';
import { meaningOf } from '@/lib/dictionary/queries.server';
import { env } from '@/lib/env.server';
import { lookUpGrammar, previewTerm } from '@/lib/glossary/editing.server';
import { previewGlossaryImport } from '@/lib/glossary/exchange.server';
import { suggestTerms } from '@/lib/glossary/proposals.server';
import { searchTerms } from '@/lib/glossary/queries.server';
import { stopJobs } from '@/lib/jobs/queue.server';
import { SERVICE_TASKS, runServiceTask } from '@/lib/task-service.server';
import type { Result } from '@/lib/result';
import { createDraft } from '@/lib/teach/import.server';
import { applyImport, previewImport } from '@/lib/vocabulary/import.server';
import { exportEntries, getEntry, listEntries } from '@/lib/vocabulary/queries.server';
import { saveWord } from '@/lib/vocabulary/service.server';

// A web process of a deployment with an external worker and TASK_SERVICE_URL never loads the
// lemma table (docs/decisions/048-web-tasks-in-the-worker.md): every web-side path with a CPU-heavy
// task (My words' genders and export, word lookups and saving, glossary search, the quiz, the term
// editor's preview and grammar, term suggestions, drafts from text and Word files, CSV and glossary
// file imports) sends it to `npm run worker`, started here as a child. This process's main thread
// must not load the table, each path must reach the service, and the answers must be those of the
// same tasks run here, in this process's worker threads.
const ROOT = path.resolve(import.meta.dirname, '../..');
const AFP = 'china-hilft-russland-aufruestung';
const EMAIL = 'tasks@task-service.test';
const DOCX = readFileSync(path.join(ROOT, 'tests/fixtures/docx/wehrdienst.docx'));
let learner = '';
let articleId = '';
let worker: ChildProcess | undefined;

const ok = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.data;
};
const as = (userId: string): Actor => ({ userId });

/** A port free now, for the service to listen on. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A new draft's title and paragraph count (its slug differs each time). */
async function draftOf(input: { format: 'txt' | 'docx'; text: string; title?: string; fileName?: string }) {
  const { slug } = ok(await performAs(as(learner), createDraft, input));
  const draft = await db.article.findUniqueOrThrow({
    where: { slug },
    select: { titleDe: true, _count: { select: { paragraphs: true } } },
  });
  return [draft.titleDe, draft._count.paragraphs];
}

/** Every web-side path with a CPU-heavy task (the lemma table's work, parsing imports), once, with what it answered. */
async function webPaths() {
  const anchor = Object.entries((await getArticleWords(AFP)) ?? {}).find(([, tokens]) =>
    tokens.some((t) => t[2] === 'Werkzeugmaschine'),
  )![0];
  const saved = ok(
    await performAs(as(learner), saveWord, {
      articleSlug: AFP,
      anchor,
      lemma: 'Werkzeugmaschine',
      surface: 'Werkzeugmaschinen',
      status: 'learning-1',
    }),
  );
  const listed = Object.fromEntries((await listEntries(learner)).entries.map((e) => [e.lemma, e.nounGender]));
  const entry = await getEntry(learner, saved.entryId);
  const exported = (await exportEntries(learner)).map((e) => [e.lemma, e.gender, e.plural]);
  const quizTerm = {
    id: 't1',
    lemma: 'Verbündete',
    kind: 'noun',
    gender: 'm' as const,
    plural: 'Verbündeten',
    genitive: null,
    englishPreferred: 'ally',
    occurrences: [],
  };
  const items = await runServiceTask('buildQuizItems', [quizTerm]);
  return {
    listed,
    entry: entry && [entry.lemma, entry.nounGender],
    exported,
    meaning: await meaningOf({ lemma: 'Werkzeugmaschine', surface: 'Werkzeugmaschinen', pos: 'NOUN' }),
    search: (await searchTerms('roten Linien')).map((hit) => [hit.term.lemma, hit.match]),
    items,
    verdicts: await runServiceTask('scoreQuizAnswers', { items, givens: ['ein Verbündeter'] }),
    preview: ok(await performAs(as(learner), previewTerm, { lemma: 'Werkzeugmaschine', variants: [] })),
    grammar: ok(await performAs(as(learner), lookUpGrammar, { lemma: 'Waffe', kind: 'noun' })),
    suggestions: (await suggestTerms(articleId)).map((s) => s.lemma),
    draft: await draftOf({ format: 'txt', text: 'Ein Satz. Noch einer.\n\nZweiter Absatz.', title: 'Probe' }),
    docx: await draftOf({ format: 'docx', text: DOCX.toString('base64'), fileName: 'wehrdienst.docx' }),
    csv: ok(await performAs(as(learner), previewImport, 'lemma,status,translation\nKrieg,new,war\n')),
    glossaryFile: ok(await performAs(as(learner), previewGlossaryImport, 'lemma,english\nKrieg,war\n')),
  };
}

describe.runIf(databaseProvider === 'postgresql')('the task service', () => {
  beforeAll(async () => {
    await stopJobs();
    await db.article.deleteMany();
    await db.term.deleteMany();
    await db.user.deleteMany({ where: { email: EMAIL } });
    learner = (await db.user.create({ data: { name: 'tasks', email: EMAIL, role: 'admin' } })).id;
    for (const { data } of await readArticleFiles()) await importArticle(db, data);
    await db.term.createMany({ data: ['rote Linie', 'Werkzeugmaschine'].map((lemma) => ({ lemma })) });
    await annotateArticles(db, [AFP]);
    articleId = (await db.article.findUniqueOrThrow({ where: { slug: AFP }, select: { id: true } })).id;
    ok(
      await performAs(
        as(learner),
        applyImport,
        'lemma,status,translation\nWaffe,new,weapon\nWerkzeugmaschine,new,machine tool\nschnell,new,fast\n',
      ),
    );

    const url = `http://127.0.0.1:${await freePort()}`;
    worker = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/worker.ts'], {
      cwd: ROOT,
      env: { ...process.env, JOB_WORKER: 'external', TASK_SERVICE_URL: url },
      stdio: 'ignore',
    });
    await vi.waitFor(async () => expect((await fetch(`${url}/health`)).ok).toBe(true), {
      timeout: 60_000,
      interval: 200,
    });
    env.TASK_SERVICE_URL = url;
  }, 120_000);

  afterAll(async () => {
    env.TASK_SERVICE_URL = undefined;
    vi.restoreAllMocks();
    worker?.kill('SIGTERM');
    await db.user.deleteMany({ where: { email: EMAIL } });
    await db.$disconnect();
  });

  test('web paths send their work to the service, never load the table here, and answer as in-process', async () => {
    const fetched = vi.spyOn(globalThis, 'fetch');
    const viaService = await webPaths();
    const sent = new Set(
      fetched.mock.calls
        .map(([target]) => String(target instanceof Request ? target.url : target))
        .filter((target) => target.startsWith(env.TASK_SERVICE_URL!))
        .map((target) => target.split('/tasks/')[1]),
    );
    expect([...sent].sort()).toEqual([...SERVICE_TASKS].sort());
    expect(lexiconLoaded()).toBe(false);
    // Werkzeugmaschine is a glossary term (without a gender here): the term speaks for it.
    expect(viaService.listed).toEqual({ Waffe: 'f', Werkzeugmaschine: null, schnell: null });
    expect(viaService.exported).toContainEqual(['Waffe', 'f', 'Waffen']);
    expect(viaService.search[0]).toEqual(['rote Linie', 'entry']);
    expect(viaService.verdicts).toEqual(['correct']);
    expect(viaService.grammar).toMatchObject({ gender: 'f' });
    expect(viaService.suggestions.length).toBeGreaterThan(0);

    // The same paths with the tasks in this process's worker threads (no service): the same answers.
    env.TASK_SERVICE_URL = undefined;
    fetched.mockClear();
    expect(await webPaths()).toEqual(viaService);
    expect(fetched).not.toHaveBeenCalled();
  }, 120_000);
});
