import 'server-only';
import { db } from '@/lib/db.server';
import { dingKey } from './ding';
import type { DictionarySense } from './types';

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

export async function dictionaryStats(): Promise<{ senses: number }> {
  return { senses: await db.dictionaryEntry.count() };
}
