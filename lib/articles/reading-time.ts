/**
 * Learners read a foreign-language news text far slower than natives (~230 wpm); 150 words per
 * minute is a fair pace for an advanced learner reading with the translation beside it.
 */
export const LEARNER_WORDS_PER_MINUTE = 150;

export function readingMinutes(wordCount: number): number {
  if (!Number.isFinite(wordCount) || wordCount <= 0) return 0;
  return Math.max(1, Math.round(wordCount / LEARNER_WORDS_PER_MINUTE));
}
