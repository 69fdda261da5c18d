import 'server-only';
import { db, sqlList } from '@/lib/db.server';
import { type CoverageFigures, knownPercent } from './coverage';
import { countsAsKnown, VOCABULARY_STATUSES } from './status';

// The library's figures for a signed-in learner, for the articles of the page shown only: summed in
// SQL from each article's running words by lemma (ArticleWord, written at annotation) and the
// learner's entries of those lemmas. The same figures articleCoverage gives from the tokens
// (tests/integration/library-coverage.test.ts proves it on both databases).
// docs/decisions/039-paging-at-scale.md

const KNOWN_STATUSES = VOCABULARY_STATUSES.filter(countsAsKnown);
/** SUM is a bigint on PostgreSQL, a number on SQLite, NULL over no rows. */
type Sum = bigint | number | null;

/**
 * For the library page: the coverage of each of `slugs` (the page's articles, already read through
 * readableBy), by slug. A published article without running words (none, or not annotated yet) is
 * 100 % known, as the reader counts it.
 */
export async function libraryCoverage(userId: string, slugs: readonly string[]): Promise<Map<string, CoverageFigures>> {
  if (slugs.length === 0) return new Map();
  // LEFT JOIN ArticleWord: an article without running words still answers (NULL sums: 0).
  const rows = await db.$queryRaw<{ slug: string; total: Sum; known: Sum; unknown: Sum }[]>`
    SELECT a."slug",
      SUM(w."count") AS "total",
      SUM(CASE WHEN v."status" IN (${sqlList(KNOWN_STATUSES)}) THEN w."count" ELSE 0 END) AS "known",
      SUM(CASE WHEN w."lemma" IS NOT NULL AND v."id" IS NULL THEN 1 ELSE 0 END) AS "unknown"
    FROM "Article" a
    LEFT JOIN "ArticleWord" w ON w."articleId" = a."id"
    LEFT JOIN "VocabularyEntry" v ON v."userId" = ${userId} AND v."lemma" = w."lemma"
    WHERE a."slug" IN (${sqlList(slugs)}) AND a."status" = 'published'
    GROUP BY a."slug"`;
  return new Map(
    rows.map((row) => {
      const total = Number(row.total ?? 0);
      const known = Number(row.known ?? 0);
      return [row.slug, { total, known, percent: knownPercent(known, total), unknownLemmaCount: Number(row.unknown) }];
    }),
  );
}
