import 'server-only';
import { db } from '@/lib/db.server';
import { runServiceTask } from '@/lib/task-service.server';
import type { PartOfSpeech } from '@/lib/text';
import { dingKey } from './ding';
import { isProperNoun } from './meaning';
import type { DictionarySense, WordMeaning } from './types';

/**
 * The dictionary's senses for a German word, in the dictionary's own order. Matches the whole headword
 * (`Maschine`, `Werkzeugmaschinen`, `den Rubikon überschreiten`), in any case: the word is normalised
 * exactly as the keys were at import.
 */
export async function lookupWord(lemma: string, limit = 8): Promise<DictionarySense[]> {
  const key = dingKey(lemma);
  if (key === '') return [];
  return db.dictionaryEntry.findMany({
    where: { key },
    select: { key: true, german: true, english: true, line: true },
    orderBy: [{ line: 'asc' }, { id: 'asc' }],
    take: limit,
  });
}

/** Rows read per lookup query: enough for the senses of every candidate key of one word. */
const ROWS_PER_QUERY = 400;

/**
 * What a word of a text means in the general dictionary: the senses of the first headword that has any
 * (lib/dictionary/meaning.ts: its lemma, forms and readings, then its compound heads), those written
 * with the headword's own case first (Essen is not essen), and whether it is a name.
 */
export async function meaningOf(
  word: { surface: string; lemma: string; pos?: PartOfSpeech },
  limit = 8,
): Promise<WordMeaning> {
  const steps = await runServiceTask('meaningSteps', { surface: word.surface, lemma: word.lemma });
  const found = { senses: [] as DictionarySense[], step: steps[0] };
  // The word's own headwords first; its compound heads only when those have nothing (one query each).
  for (const via of ['word', 'compound'] as const) {
    const candidates = steps.filter((s) => s.via === via);
    if (candidates.length === 0) continue;
    const rows = await db.dictionaryEntry.findMany({
      where: { key: { in: candidates.map((s) => s.key) } },
      select: { key: true, german: true, english: true, line: true },
      orderBy: [{ line: 'asc' }, { id: 'asc' }],
      take: ROWS_PER_QUERY,
    });
    const step = candidates.find((s) => rows.some((row) => row.key === s.key));
    if (!step) continue;
    const own = rows.filter((row) => row.key === step.key);
    const exact = own.filter((row) => row.german.includes(step.headword));
    found.senses = [...exact, ...own.filter((row) => !exact.includes(row))].slice(0, limit);
    found.step = step;
    break;
  }
  // A word the dictionary lists only in phrases ("sowohl … als auch", "zwar … aber"): those phrases.
  // Lowercase words only: a prefix search reads the whole table (about 0.1 s), names would only pay it.
  if (found.senses.length === 0 && steps[0] && /^\p{Ll}/u.test(word.lemma)) {
    found.senses = await db.dictionaryEntry.findMany({
      where: { key: { startsWith: `${steps[0].key} ` } },
      select: { key: true, german: true, english: true, line: true },
      orderBy: [{ line: 'asc' }, { id: 'asc' }],
      take: limit,
    });
  }
  const step = found.step;
  return {
    senses: found.senses.map(({ german, english }) => ({ german, english })),
    via: step && found.senses.length ? step.via : null,
    headword: step && found.senses.length ? step.headword : null,
    properNoun: isProperNoun(word, found.senses),
  };
}

export async function dictionaryStats(): Promise<{ senses: number }> {
  return { senses: await db.dictionaryEntry.count() };
}
