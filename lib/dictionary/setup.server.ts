import 'server-only';
import { access } from 'node:fs/promises';
import type { Db } from '@/lib/db.server';
import {
  DICTIONARY_SOURCE_ID,
  type DictionaryImportOptions,
  type DictionaryImportResult,
  fingerprintOf,
  importDictionary,
} from './import.server';

/** Where Debian's trans-de-en package installs its Ding list (`apt-get install trans-de-en`). */
export const DEFAULT_DICTIONARY_FILE = '/usr/share/trans/de-en';

export type EnsureDictionaryResult =
  /** The file was imported now: none was stored, or the stored one came from an older file or parser. */
  | { action: 'imported'; file: string; result: DictionaryImportResult }
  /** The stored dictionary is this file's, as it is now: nothing to do. */
  | { action: 'current'; file: string; senses: number }
  /** A dictionary imported by hand from another file (`npm run dict:import`) stays. */
  | { action: 'kept'; file: string; senses: number }
  /** No such file: `stored` senses remain from earlier (0: word cards show glossary meanings only). */
  | { action: 'absent'; file: string; stored: number };

/**
 * What `npm run setup` does about the general dictionary: imports `file` when it exists and the stored
 * dictionary is missing or stale (another fingerprint), and leaves everything alone otherwise. A file of
 * the same content is recognised by its hash, so a second setup costs one read of the file (~0.1 s).
 */
export async function ensureDictionary(
  db: Db,
  file: string = DEFAULT_DICTIONARY_FILE,
  options: DictionaryImportOptions = {},
): Promise<EnsureDictionaryResult> {
  const source = await db.dictionarySource.findUnique({ where: { id: DICTIONARY_SOURCE_ID } });
  if (!(await exists(file))) {
    return { action: 'absent', file, stored: source ? await db.dictionaryEntry.count() : 0 };
  }
  if (source && source.path !== file) return { action: 'kept', file: source.path, senses: source.senses };
  const fingerprint = await fingerprintOf(file);
  if (source?.fingerprint === fingerprint) return { action: 'current', file, senses: source.senses };
  return { action: 'imported', file, result: await importDictionary(db, file, options) };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
