import 'server-only';
import type { Db } from '@/lib/db.server';
import { createGermanEngine, ENGINE_VERSION, type GermanEngine, type SentenceAnnotation } from '@/lib/text';
import { loadLexicon } from './lexicon.server';
import { encodeTokens } from './tokens';

// Annotation runs once, when content is seeded or imported, and is stored: the reader never tokenizes
// or matches at read time. A glossary change re-annotates only the articles that can contain the term.

async function engineFor(db: Db): Promise<GermanEngine> {
  const terms = await db.term.findMany({ select: { lemma: true }, orderBy: { lemma: 'asc' } });
  return createGermanEngine(loadLexicon(), terms);
}

function flatten(annotations: SentenceAnnotation[]) {
  return { tokens: annotations.flatMap((a) => a.tokens), matches: annotations.flatMap((a) => a.matches) };
}

async function annotateOne(db: Db, engine: GermanEngine, articleId: string, termIds: ReadonlyMap<string, string>) {
  const sentences = await db.sentence.findMany({
    where: { paragraph: { articleId } },
    select: { id: true, textDe: true },
  });
  const headings = await db.section.findMany({ where: { articleId }, select: { headingDe: true } });
  const lemmaIndex = new Set<string>();
  const updates = sentences.map((sentence) => {
    const { tokens, matches } = flatten(engine.annotate(sentence.textDe));
    for (const key of engine.lemmaIndex(sentence.textDe)) lemmaIndex.add(key);
    return { sentence, tokens, matches };
  });
  for (const heading of headings) if (heading.headingDe) for (const key of engine.lemmaIndex(heading.headingDe)) lemmaIndex.add(key);

  await db.$transaction(async (tx) => {
    await tx.termOccurrence.deleteMany({ where: { articleId } });
    await tx.articleLemma.deleteMany({ where: { articleId } });
    for (const { sentence, tokens } of updates) {
      await tx.sentence.update({ where: { id: sentence.id }, data: { tokens: encodeTokens(tokens) } });
    }
    const occurrences = updates.flatMap(({ sentence, matches }) =>
      matches.flatMap((m) => {
        const termId = termIds.get(m.term);
        return termId ? [{ termId, articleId, sentenceId: sentence.id, start: m.start, end: m.end, surface: m.surface, kind: m.kind }] : [];
      }),
    );
    if (occurrences.length) await tx.termOccurrence.createMany({ data: occurrences });
    await tx.articleLemma.createMany({ data: [...lemmaIndex].sort().map((lemma) => ({ articleId, lemma })) });
    await tx.article.update({ where: { id: articleId }, data: { engineVersion: ENGINE_VERSION, annotatedAt: new Date() } });
  });
}

async function annotate(db: Db, articleIds: readonly string[]): Promise<void> {
  if (articleIds.length === 0) return;
  const engine = await engineFor(db);
  const termIds = new Map((await db.term.findMany({ select: { id: true, lemma: true } })).map((t) => [t.lemma, t.id]));
  for (const id of articleIds) await annotateOne(db, engine, id, termIds);
}

/** Annotates the given articles, or every article whose stored annotation is missing or from another engine version. */
export async function annotateArticles(db: Db, slugs?: readonly string[]): Promise<string[]> {
  const articles = await db.article.findMany({
    where: slugs ? { slug: { in: [...slugs] } } : { OR: [{ engineVersion: null }, { engineVersion: { not: ENGINE_VERSION } }] },
    select: { id: true, slug: true },
    orderBy: { slug: 'asc' },
  });
  await annotate(db, articles.map((a) => a.id));
  return articles.map((a) => a.slug);
}

/**
 * After glossary entries were added, changed or removed: re-annotates exactly the articles that held an
 * occurrence of one of them or whose lemma index offers every part of one. Returns their slugs.
 */
export async function reannotateForTerms(db: Db, lemmas: readonly string[]): Promise<string[]> {
  if (lemmas.length === 0) return [];
  const engine = await engineFor(db);
  const affected = new Set<string>();
  const previous = await db.termOccurrence.findMany({ where: { term: { lemma: { in: [...lemmas] } } }, select: { articleId: true }, distinct: ['articleId'] });
  for (const { articleId } of previous) affected.add(articleId);
  for (const lemma of lemmas) {
    const elements = engine.entryKeys({ lemma });
    if (elements.length === 0) continue;
    // An article can contain the entry only if its lemma index offers one key of every element.
    const perElement = await Promise.all(
      elements.map(async (keys) => {
        const rows = await db.articleLemma.findMany({ where: { lemma: { in: keys } }, select: { articleId: true }, distinct: ['articleId'] });
        return new Set(rows.map((r) => r.articleId));
      }),
    );
    const [first, ...rest] = perElement;
    for (const id of first ?? []) if (rest.every((ids) => ids.has(id))) affected.add(id);
  }
  const articles = await db.article.findMany({ where: { id: { in: [...affected] } }, select: { id: true, slug: true }, orderBy: { slug: 'asc' } });
  const termIds = new Map((await db.term.findMany({ select: { id: true, lemma: true } })).map((t) => [t.lemma, t.id]));
  for (const article of articles) await annotateOne(db, engine, article.id, termIds);
  return articles.map((a) => a.slug);
}
