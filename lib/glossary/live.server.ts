import 'server-only';
import { reannotateForTerms } from '@/lib/annotation/service.server';
import { z } from 'zod';
import { db, type Db } from '@/lib/db.server';
import { locales } from '@/lib/i18n/settings';
import { defineJob, runJob } from '@/lib/jobs/service.server';
import { paths } from '@/lib/paths';
import { articlePaths } from '@/lib/teach/revalidate';

// A glossary change is live at once (docs/decisions/032-glossary-editor-and-live-refresh.md): the
// articles that can contain the changed entries are annotated again, and every cached page that shows
// them is dropped, so the next request renders it afresh. No rebuild, no restart.

const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * The re-annotation job: re-annotates the articles that can contain `lemmas` and returns their slugs
 * with the cached paths they and the entries' pages make stale. Run again, it finds nothing more to
 * change (only occurrence rows that differ are written).
 */
export const glossaryRefreshJob = defineJob({
  name: 'glossary-refresh',
  input: z.object({ lemmas: z.array(z.string().min(1)).min(1) }),
  run: async ({ lemmas }) => {
    const slugs = await reannotateForTerms(db, lemmas);
    return { paths: glossaryPaths(lemmas, slugs), slugs };
  },
  retryLimit: 3,
  retryDelaySeconds: 5,
  // Whole re-annotations of old-engine articles, each up to a thread task's 180 s, are the long case.
  expireInSeconds: 600,
});

/**
 * After entries were approved, retired, renamed or got other wordings: re-annotates exactly the
 * articles that held one of `lemmas` or whose lemma index offers one (lib/annotation's
 * reannotateForTerms decides which), as a job, and returns their slugs. Pass a renamed entry's old and
 * new lemma. `db` is the app's database: a job is worked wherever the queue says.
 */
export async function refreshAfterGlossaryChange(lemmas: readonly string[]): Promise<string[]> {
  if (lemmas.length === 0) return [];
  return (await runJob(glossaryRefreshJob, { lemmas: unique(lemmas) })).slugs;
}

/**
 * The articles whose pages show the entries without their matches changing (a new definition or
 * translation travels in the reader page's term cards): those holding an occurrence of one of them.
 */
export async function articlesShowing(db: Db, lemmas: readonly string[]): Promise<string[]> {
  if (lemmas.length === 0) return [];
  const rows = await db.article.findMany({
    where: { occurrences: { some: { term: { lemma: { in: [...lemmas] } } } } },
    select: { slug: true },
    orderBy: { slug: 'asc' },
  });
  return rows.map((row) => row.slug);
}

/** The lemmas of the entries whose related entries name one of `lemmas` (their pages link to them). */
export async function entriesRelatedTo(db: Db, lemmas: readonly string[]): Promise<string[]> {
  const wanted = new Set(lemmas);
  if (wanted.size === 0) return [];
  // `related` is a JSON array: a lemma in it is the lemma in quotes; the parse below makes it exact.
  const rows = await db.term.findMany({
    where: { OR: lemmas.map((lemma) => ({ related: { contains: JSON.stringify(lemma) } })) },
    select: { lemma: true, related: true },
  });
  return rows
    .filter((row) => (JSON.parse(row.related) as string[]).some((lemma) => wanted.has(lemma)))
    .map((row) => row.lemma);
}

/**
 * The cached paths a change of the entries `lemmas` touches, given the articles `slugs` re-annotated
 * or showing them: each reader page and its words (articlePaths), the term pages, the glossary index
 * and the library, in both languages. Nothing when nothing public changed.
 */
export function glossaryPaths(lemmas: readonly string[], slugs: readonly string[]): string[] {
  if (lemmas.length === 0 && slugs.length === 0) return [];
  return unique([
    ...slugs.flatMap(articlePaths),
    ...locales.flatMap((locale) => [
      paths.glossary(locale),
      paths.library(locale),
      ...lemmas.map((lemma) => paths.term(locale, lemma)),
    ]),
  ]);
}
