// A learner with a realistic vocabulary for benchmarks: every word lemma of both seeded articles,
// then lemmas spread evenly over the lemma table, statuses cycling through all seven.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '@/lib/db.server';
import { REPO_ROOT } from '../tests/setup/databases';

const LEXICON = path.join(REPO_ROOT, 'node_modules/.cache/lesebruecke/lexicon-de.tsv');
const ARTICLES = ['chinas-kalkulation-waffenlieferungen', 'china-hilft-russland-aufruestung'];

/** Gives `userId` `count` vocabulary entries; returns how many the learner now has. */
export async function addVocabulary(db: Db, userId: string, count: number): Promise<number> {
  const { getArticleWords } = await import('@/lib/articles/queries.server');
  const { VOCABULARY_STATUSES } = await import('@/lib/vocabulary/status');
  const articleLemmas = new Set<string>();
  for (const slug of ARTICLES) {
    for (const tokens of Object.values((await getArticleWords(slug)) ?? {}))
      for (const token of tokens) articleLemmas.add(token[2]);
  }
  const tableLemmas = [
    ...new Set(
      fs
        .readFileSync(LEXICON, 'utf8')
        .split('\n')
        .flatMap((line) => line.split('\t')[1]?.split('|')[0] ?? []),
    ),
  ].filter((lemma) => !articleLemmas.has(lemma));
  const step = Math.max(1, Math.floor(tableLemmas.length / (count - articleLemmas.size)));
  const lemmas = [...articleLemmas];
  for (let i = 0; lemmas.length < count && i < tableLemmas.length; i += step) lemmas.push(tableLemmas[i]!);
  for (let i = 0; i < lemmas.length; i += 1000) {
    await db.vocabularyEntry.createMany({
      data: lemmas
        .slice(i, i + 1000)
        .map((lemma, j) => ({ userId, lemma, status: VOCABULARY_STATUSES[(i + j) % VOCABULARY_STATUSES.length]! })),
    });
  }
  return db.vocabularyEntry.count({ where: { userId } });
}
