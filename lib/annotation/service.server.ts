import 'server-only';
import { breather, inBatches, piecesOf, READ_BATCH } from '@/lib/batches.server';
import type { Db } from '@/lib/db.server';
import { ENGINE_VERSION, type GlossaryEntry, type Match } from '@/lib/text';
import { APPROVED } from '@/lib/glossary/status';
import { runTask } from '@/lib/workers.server';

// Annotation runs once, when content is seeded or imported, and is stored: the reader never tokenizes
// or matches at read time. A glossary change re-annotates only the articles that can contain the term.
// The engine's work runs in a worker thread (./tasks.server.ts), the writes in bounded batches; the
// lemma table is loaded there, never on the web process's main thread
// (docs/decisions/035-reannotation-in-workers.md).

/** The approved glossary as the engine sees it, and each entry's row id (for storing occurrences): one query. */
async function glossaryOf(db: Db): Promise<{ entries: GlossaryEntry[]; termIds: Map<string, string> }> {
  const terms = await db.term.findMany({
    where: { status: APPROVED },
    select: { id: true, lemma: true, variants: true },
    orderBy: { lemma: 'asc' },
  });
  return {
    entries: terms.map((t) => ({ lemma: t.lemma, variants: JSON.parse(t.variants) as string[] })),
    termIds: new Map(terms.map((t) => [t.lemma, t.id])),
  };
}

/** Reported while one article is annotated: paragraphs (and headings) done of all. */
export type AnnotationProgress = (done: number, total: number) => void;
/**
 * Extra fields written with the annotation, in its transaction: publishing sets the status and the
 * word count of the article's German as it is now (headings and sentence groups).
 */
type ArticleFields = { status?: 'draft' | 'published'; countWords?: boolean };
type Glossary = { entries: GlossaryEntry[]; termIds: ReadonlyMap<string, string> };

type Occurrence = {
  termId: string;
  articleId: string;
  sentenceId: string | null;
  sectionId: string | null;
  start: number;
  end: number;
  surface: string;
  kind: string;
};

/** Where a text's matches are stored: a sentence group or a section heading of an article. */
type Place = { articleId: string; sentenceId: string | null; sectionId: string | null };

/** The rows that store the matches of texts (sentence groups and headings). */
function occurrencesOf(glossary: Glossary, texts: readonly (Place & { matches: readonly Match[] })[]): Occurrence[] {
  return texts.flatMap(({ articleId, sentenceId, sectionId, matches }) =>
    matches.flatMap((m) => {
      const termId = glossary.termIds.get(m.term);
      return termId
        ? [{ termId, articleId, sentenceId, sectionId, start: m.start, end: m.end, surface: m.surface, kind: m.kind }]
        : [];
    }),
  );
}

/** One occurrence row's identity: two rows with the same key store the same match. */
const occurrenceKey = (o: Occurrence) =>
  [o.termId, o.sentenceId ?? '', o.sectionId ?? '', o.start, o.end, o.surface, o.kind].join('\u0000');

async function annotateOne(
  db: Db,
  glossary: Glossary,
  articleId: string,
  options: { onProgress?: AnnotationProgress; article?: ArticleFields } = {},
) {
  const sentences = await db.sentence.findMany({
    where: { paragraph: { articleId } },
    select: { id: true, textDe: true, paragraphId: true },
    orderBy: [{ paragraph: { position: 'asc' } }, { position: 'asc' }],
  });
  const sections = await db.section.findMany({
    where: { articleId, headingDe: { not: null } },
    select: { id: true, headingDe: true },
  });
  // One step per paragraph (its sentence groups) and per heading; progress counts steps, and the
  // last report (total of total) follows the write.
  const paragraphs: (typeof sentences)[] = [];
  for (const [index, sentence] of sentences.entries()) {
    if (sentences[index - 1]?.paragraphId !== sentence.paragraphId) paragraphs.push([]);
    paragraphs.at(-1)!.push(sentence);
  }
  const total = paragraphs.length + sections.length + 1;
  options.onProgress?.(0, total);
  const annotated = await runTask(
    'annotateTexts',
    {
      glossary: glossary.entries,
      steps: [...paragraphs.map((groups) => groups.map((g) => g.textDe)), ...sections.map((s) => [s.headingDe ?? ''])],
    },
    (done) => options.onProgress?.(done, total),
  );
  const results = annotated.steps.flat();
  const updates = sentences.map((sentence, index) => ({
    sentenceId: sentence.id,
    sectionId: null,
    ...results[index]!,
  }));
  const headingUpdates = sections.map((section, index) => ({
    sentenceId: null,
    sectionId: section.id,
    ...results[sentences.length + index]!,
  }));
  const occurrences = occurrencesOf(
    glossary,
    [...updates, ...headingUpdates].map((text) => ({ articleId, ...text })),
  );

  await db.$transaction(
    async (tx) => {
      // The article's row first: two annotations of one article (a publish job retried while its first
      // run still writes) take turns instead of both deleting, then both inserting, the same rows.
      await tx.article.update({
        where: { id: articleId },
        data: {
          engineVersion: ENGINE_VERSION,
          annotatedAt: new Date(),
          status: options.article?.status,
          wordCount: options.article?.countWords ? annotated.wordCount : undefined,
        },
      });
      await tx.termOccurrence.deleteMany({ where: { articleId } });
      await tx.articleLemma.deleteMany({ where: { articleId } });
      await tx.articleWord.deleteMany({ where: { articleId } });
      const breathe = breather();
      for (const { sentenceId, tokens } of updates) {
        await tx.sentence.update({ where: { id: sentenceId }, data: { tokens } });
        await breathe();
      }
      for (const { sectionId, tokens } of headingUpdates) {
        await tx.section.update({ where: { id: sectionId }, data: { tokens } });
        await breathe();
      }
      await inBatches(occurrences, (data) => tx.termOccurrence.createMany({ data }));
      await inBatches(
        annotated.lemmaIndex.map((lemma) => ({ articleId, lemma })),
        (data) => tx.articleLemma.createMany({ data }),
      );
      await inBatches(
        annotated.words.map(([lemma, count]) => ({ articleId, lemma, count })),
        (data) => tx.articleWord.createMany({ data }),
      );
    },
    // A long imported article writes thousands of rows; the default 5 s would cut it off.
    { timeout: 120_000, maxWait: 10_000 },
  );
  options.onProgress?.(total, total);
}

/**
 * Annotates one article (publishing an imported one), reporting progress per paragraph and heading;
 * `article` fields are written in the same transaction as the annotation.
 */
export async function annotateArticle(
  db: Db,
  articleId: string,
  options: { onProgress?: AnnotationProgress; article?: ArticleFields } = {},
): Promise<void> {
  await annotateOne(db, await glossaryOf(db), articleId, options);
}

async function annotate(db: Db, articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  const glossary = await glossaryOf(db);
  for (const id of articleIds) await annotateOne(db, glossary, id);
}

/**
 * Annotates the given articles, or every article whose stored annotation is missing, from another engine
 * version, or without its running words by lemma (ArticleWord).
 */
export async function annotateArticles(db: Db, slugs?: readonly string[]): Promise<string[]> {
  const articles = await db.article.findMany({
    where: slugs
      ? { slug: { in: [...slugs] } }
      : {
          OR: [
            { engineVersion: null },
            { engineVersion: { not: ENGINE_VERSION } },
            // Annotated before the library counted running words by lemma (ArticleWord): filled once.
            { wordCount: { gt: 0 }, words: { none: {} } },
          ],
        },
    select: { id: true, slug: true },
    orderBy: { slug: 'asc' },
  });
  await annotate(
    db,
    articles.map((a) => a.id),
  );
  return articles.map((a) => a.slug);
}

/**
 * The ids of the articles whose lemma index offers one of an entry's wordings (`wordings`: the
 * engine's entryKeys): an article can contain a wording only if it offers one key of every element.
 * `where` narrows the articles (the term editor's preview: published ones).
 */
export async function articlesOffering(
  db: Db,
  wordings: readonly (readonly string[])[][],
  where?: { status: string; visibility: string },
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const elements of wordings) {
    const perElement = await Promise.all(
      elements.map(async (keys) => {
        const rows = await db.articleLemma.findMany({
          where: { lemma: { in: [...keys] }, ...(where && { article: where }) },
          select: { articleId: true },
          distinct: ['articleId'],
        });
        return new Set(rows.map((r) => r.articleId));
      }),
    );
    const [first, ...rest] = perElement;
    for (const id of first ?? []) if (rest.every((ids) => ids.has(id))) found.add(id);
  }
  return found;
}

/** Texts per matching task: a few hundred milliseconds of the worker, so a publish waiting for the thread is not held long. */
const MATCH_BATCH = 1000;

/**
 * Re-annotation after a glossary change, of articles annotated by this engine version: a change alters
 * only the glossary matches (tokens, lemma index and word count depend on the lemma table alone), so
 * their texts are matched again in the worker, in a few large tasks, and only the occurrence rows that
 * differ are written, in one transaction for all of them.
 */
async function rematchArticles(db: Db, glossary: Glossary, articleIds: readonly string[]) {
  if (articleIds.length === 0) return;
  const texts: (Place & { text: string })[] = [];
  for (const ids of piecesOf(articleIds, READ_BATCH)) {
    const sentences = await db.sentence.findMany({
      where: { paragraph: { articleId: { in: ids } } },
      select: { id: true, textDe: true, paragraph: { select: { articleId: true } } },
    });
    for (const s of sentences)
      texts.push({ articleId: s.paragraph.articleId, sentenceId: s.id, sectionId: null, text: s.textDe });
    const sections = await db.section.findMany({
      where: { articleId: { in: ids }, headingDe: { not: null } },
      select: { id: true, articleId: true, headingDe: true },
    });
    for (const s of sections)
      texts.push({ articleId: s.articleId, sentenceId: null, sectionId: s.id, text: s.headingDe ?? '' });
  }
  const matches: Match[][] = [];
  for (const piece of piecesOf(texts, MATCH_BATCH)) {
    matches.push(...(await runTask('matchTexts', { glossary: glossary.entries, texts: piece.map((t) => t.text) })));
  }
  const wanted = occurrencesOf(
    glossary,
    texts.map(({ text: _, ...place }, index) => ({ ...place, matches: matches[index]! })),
  );
  // Rows already stored as wanted stay; the others go, and the wanted ones missing are added.
  const missing = new Map<string, Occurrence[]>();
  for (const occurrence of wanted) {
    const key = occurrenceKey(occurrence);
    missing.set(key, [...(missing.get(key) ?? []), occurrence]);
  }
  await db.$transaction(
    async (tx) => {
      const stored = await inBatches(
        articleIds,
        (ids) =>
          tx.termOccurrence.findMany({
            where: { articleId: { in: ids } },
            select: {
              id: true,
              termId: true,
              articleId: true,
              sentenceId: true,
              sectionId: true,
              start: true,
              end: true,
              surface: true,
              kind: true,
            },
          }),
        READ_BATCH,
      );
      const stale: string[] = [];
      for (const { id, ...occurrence } of stored.flat()) {
        const same = missing.get(occurrenceKey(occurrence));
        if (same?.length) same.pop();
        else stale.push(id);
      }
      await inBatches(stale, (ids) => tx.termOccurrence.deleteMany({ where: { id: { in: ids } } }), READ_BATCH);
      await inBatches([...missing.values()].flat(), (data) => tx.termOccurrence.createMany({ data }));
      const annotatedAt = new Date();
      await inBatches(
        articleIds,
        (ids) => tx.article.updateMany({ where: { id: { in: ids } }, data: { annotatedAt } }),
        READ_BATCH,
      );
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

/**
 * After glossary entries were added, changed or removed: re-annotates exactly the articles that held an
 * occurrence of one of them or whose lemma index offers every part of one. Returns their slugs.
 */
export async function reannotateForTerms(db: Db, lemmas: readonly string[]): Promise<string[]> {
  if (lemmas.length === 0) return [];
  const glossary = await glossaryOf(db);
  const affected = new Set<string>();
  const previous = await db.termOccurrence.findMany({
    where: { term: { lemma: { in: [...lemmas] } } },
    select: { articleId: true },
    distinct: ['articleId'],
  });
  for (const { articleId } of previous) affected.add(articleId);
  const byLemma = new Map(glossary.entries.map((entry) => [entry.lemma, entry]));
  // The keys each entry needs come from the engine in the worker thread (the one that annotates next).
  const keys = await runTask('termKeys', {
    glossary: glossary.entries,
    entries: lemmas.map((lemma) => byLemma.get(lemma) ?? { lemma }),
  });
  for (const wordings of keys) {
    for (const id of await articlesOffering(db, wordings)) affected.add(id);
  }
  const articles = await db.article.findMany({
    where: { id: { in: [...affected] } },
    select: { id: true, slug: true, engineVersion: true },
    orderBy: { slug: 'asc' },
  });
  await rematchArticles(
    db,
    glossary,
    articles.filter((a) => a.engineVersion === ENGINE_VERSION).map((a) => a.id),
  );
  // An annotation of another engine version is redone whole.
  for (const article of articles)
    if (article.engineVersion !== ENGINE_VERSION) await annotateOne(db, glossary, article.id);
  return articles.map((a) => a.slug);
}
