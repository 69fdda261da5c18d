import 'server-only';
import { reannotateForTerms } from '@/lib/annotation/service.server';
import type { Db } from '@/lib/db.server';
import { locales } from '@/lib/i18n/settings';
import { paths } from '@/lib/paths';
import { articlePaths } from '@/lib/teach/revalidate';

// A glossary change is live at once (docs/decisions/032-glossary-editor-and-live-refresh.md): the
// articles that can contain the changed entries are annotated again, and every cached page that shows
// them is dropped, so the next request renders it afresh. No rebuild, no restart.

const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * After entries were approved, retired, renamed or got other wordings: re-annotates exactly the
 * articles that held one of `lemmas` or whose lemma index offers one (lib/annotation's
 * reannotateForTerms decides which) and returns their slugs. Pass a renamed entry's old and new lemma.
 */
export async function refreshAfterGlossaryChange(db: Db, lemmas: readonly string[]): Promise<string[]> {
  return reannotateForTerms(db, unique(lemmas));
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
