import { WORD_LEMMA } from '@/lib/text/words';
import { countsAsKnown, type VocabularyStatus } from './status';

export type ArticleCoverage = {
  /** Running words: every word token of the article (headings included), repeats counted. */
  total: number;
  /** Those whose lemma the learner has as known or ignored. */
  known: number;
  /** known / total in whole per cent, rounded down so that 100 means every word; 100 for no words. */
  percent: number;
  /** Lemmas without any entry yet, once each, in order of first occurrence: "mark the rest as known". */
  unknownLemmas: string[];
};

/** How much of an article the learner knows, from its word lemmas (one per running word, in order). */
export function articleCoverage(
  lemmas: Iterable<string>,
  statuses: Readonly<Record<string, VocabularyStatus>>,
): ArticleCoverage {
  let total = 0;
  let known = 0;
  const unknown = new Set<string>();
  for (const lemma of lemmas) {
    if (!WORD_LEMMA.test(lemma)) continue;
    total++;
    const status = Object.hasOwn(statuses, lemma) ? statuses[lemma] : undefined;
    if (countsAsKnown(status)) known++;
    else if (status === undefined) unknown.add(lemma);
  }
  return { total, known, percent: knownPercent(known, total), unknownLemmas: [...unknown] };
}

/** The library's figures of an article: its coverage with the number of lemmas without an entry. */
export type CoverageFigures = Omit<ArticleCoverage, 'unknownLemmas'> & { unknownLemmaCount: number };

/** known / total in whole per cent, rounded down; 100 for no words. */
export function knownPercent(known: number, total: number): number {
  return total === 0 ? 100 : Math.floor((100 * known) / total);
}
