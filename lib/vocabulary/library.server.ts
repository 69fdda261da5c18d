import 'server-only';
import { decodeTokens } from '@/lib/annotation/tokens';
import { readableBy } from '@/lib/articles/queries.server';
import { db } from '@/lib/db.server';
import { type ArticleCoverage, articleCoverage } from './coverage';
import type { VocabularyStatus } from './status';

// The library's figures for a signed-in learner: per article, the share of its running words the
// learner knows and how many of its words they have not met. The same sums as the reader's
// (articleCoverage), from the same data, for every article at once: one query for the learner's
// statuses (whatever the number of articles), and the articles' word lemmas, which change only when an
// article is annotated again (that also moves its updatedAt), from a small per-process cache.

type Lemmas = { version: number; lemmas: string[] };
const LEMMA_CACHE_SIZE = 500;
const lemmaCache = new Map<string, Lemmas>();

/** Each published article's running word lemmas, in order, by article id (cached by updatedAt). */
async function articleLemmas(articles: { id: string; updatedAt: Date }[]): Promise<Map<string, string[]>> {
  const missing = articles.filter((a) => lemmaCache.get(a.id)?.version !== a.updatedAt.getTime());
  if (missing.length) {
    const rows = await db.article.findMany({
      where: { id: { in: missing.map((a) => a.id) } },
      select: {
        id: true,
        updatedAt: true,
        sections: {
          orderBy: { position: 'asc' },
          select: {
            headingDe: true,
            tokens: true,
            paragraphs: {
              orderBy: { position: 'asc' },
              select: { sentences: { orderBy: { position: 'asc' }, select: { tokens: true } } },
            },
          },
        },
      },
    });
    for (const row of rows) {
      const lemmas: string[] = [];
      for (const section of row.sections) {
        if (section.headingDe) for (const token of decodeTokens(section.tokens)) lemmas.push(token[2]);
        for (const paragraph of section.paragraphs)
          for (const sentence of paragraph.sentences)
            for (const token of decodeTokens(sentence.tokens)) lemmas.push(token[2]);
      }
      lemmaCache.delete(row.id);
      lemmaCache.set(row.id, { version: row.updatedAt.getTime(), lemmas });
    }
    // Oldest first out (a Map keeps insertion order).
    for (const id of lemmaCache.keys()) {
      if (lemmaCache.size <= LEMMA_CACHE_SIZE) break;
      lemmaCache.delete(id);
    }
  }
  return new Map(articles.flatMap((a) => (lemmaCache.has(a.id) ? [[a.id, lemmaCache.get(a.id)!.lemmas]] : [])));
}

/** For the library: the coverage of each article this learner may read (ADR 028), by slug. */
export async function libraryCoverage(userId: string): Promise<Map<string, ArticleCoverage>> {
  const [articles, rows] = await Promise.all([
    readableBy(userId).then((where) =>
      db.article.findMany({ where, select: { id: true, slug: true, updatedAt: true } }),
    ),
    // The learner's entries of any lemma of a published article: one query, joined through the lemma index.
    db.$queryRaw<{ lemma: string; status: string }[]>`
      SELECT DISTINCT v."lemma", v."status"
      FROM "VocabularyEntry" v
      JOIN "ArticleLemma" l ON l."lemma" = v."lemma"
      JOIN "Article" a ON a."id" = l."articleId"
      WHERE v."userId" = ${userId} AND a."status" = 'published'`,
  ]);
  const statuses: Record<string, VocabularyStatus> = {};
  for (const row of rows) statuses[row.lemma] = row.status as VocabularyStatus;
  const lemmas = await articleLemmas(articles);
  return new Map(
    articles.flatMap((a) => {
      const list = lemmas.get(a.id);
      return list ? [[a.slug, articleCoverage(list, statuses)] as const] : [];
    }),
  );
}
