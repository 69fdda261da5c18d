import 'server-only';
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { databaseProvider, db, type Db, type Tx } from '@/lib/db.server';
import { defineJob } from '@/lib/jobs/service.server';
import { isDingComment, parseDingLine } from './ding';
import type { DictionarySense } from './types';

export type DictionaryImportResult = {
  /** Senses stored: one per German synonym of each sub-sense. */
  senses: number;
  /** Lines read from the file, comments and blank lines included. */
  lines: number;
  /** Lines that are neither comments nor blank but give no sense (malformed or without a headword). */
  skipped: number;
};

/** The one row of DictionarySource: there is one general dictionary. */
export const DICTIONARY_SOURCE_ID = 'general';
/** Bump when parseDingLine or dingKey change what is stored: setup then imports the same file again. */
export const DING_PARSER_VERSION = 2;

export type DictionaryImportProgress = { lines: number; senses: number };

export type DictionaryImportOptions = {
  /** Rows per INSERT statement (default 1 000). */
  batchSize?: number;
  /** Called after each batch is written. */
  onProgress?: (progress: DictionaryImportProgress) => void;
};

// Rows per statement: larger batches only add memory (bound parameters: 4 a row, within SQLite's
// 32 766 and PostgreSQL's 65 535 at the maximum).
const BatchSizeSchema = z.number().int().min(1).max(5_000).default(1_000);

// The whole replacement is one transaction. Measured with the full trans-de-en file (206 238 lines,
// 584 447 senses) on SQLite: 10 s of CPU (40 s with createMany), 41 s of wall time while the machine
// ran other builds (load 17). The limit leaves room for slower machines without letting a stuck import
// hold the database forever.
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;

/**
 * Replaces the dictionary with the senses of a Ding file (e.g. `/usr/share/trans/de-en`), streamed
 * line by line and written in batches. All or nothing: a missing, unreadable or empty file, or one
 * without a single valid Ding line, is refused with an Error and the stored dictionary is unchanged.
 */
export async function importDictionary(
  db: Db,
  file: string,
  options: DictionaryImportOptions = {},
): Promise<DictionaryImportResult> {
  const batchSize = BatchSizeSchema.parse(options.batchSize);
  const { onProgress } = options;
  const fingerprint = await fingerprintOf(file);
  const handle = await openDictionaryFile(file);
  try {
    return await db.$transaction(
      async (tx) => {
        await tx.dictionaryEntry.deleteMany();
        const result: DictionaryImportResult = { senses: 0, lines: 0, skipped: 0 };
        const batch: DictionarySense[] = [];
        const write = async (rows: DictionarySense[]) => {
          await insertSenses(tx, rows);
          result.senses += rows.length;
          onProgress?.({ lines: result.lines, senses: result.senses });
        };
        const lines = createInterface({
          input: handle.createReadStream({ encoding: 'utf8', autoClose: false }),
          crlfDelay: Infinity,
        });
        for await (const line of lines) {
          result.lines++;
          const senses = parseDingLine(line, result.lines);
          if (senses.length === 0 && !isDingComment(line)) result.skipped++;
          batch.push(...senses);
          while (batch.length >= batchSize) await write(batch.splice(0, batchSize));
        }
        if (batch.length > 0) await write(batch.splice(0));
        if (result.senses === 0) {
          throw new Error(
            `Not a Ding dictionary: ${file} has no valid line (${result.lines} lines read, ${result.skipped} skipped)`,
          );
        }
        const source = { path: file, fingerprint, senses: result.senses, importedAt: new Date() };
        await tx.dictionarySource.upsert({
          where: { id: DICTIONARY_SOURCE_ID },
          create: { id: DICTIONARY_SOURCE_ID, ...source },
          update: source,
        });
        return result;
      },
      { timeout: TRANSACTION_TIMEOUT_MS },
    );
  } finally {
    await handle.close();
  }
}

/**
 * The dictionary import as a job (`npm run dict:import`): the file must be readable where the job is
 * worked (the worker runs on the same host). All or nothing, so a retry starts from the stored
 * dictionary as it was. Reader pages do not hold dictionary meanings (word cards ask for them), so no
 * cached path goes stale.
 */
export const dictionaryImportJob = defineJob({
  name: 'dictionary-import',
  input: z.object({ file: z.string().min(1) }),
  run: async ({ file }, onProgress: (progress: DictionaryImportProgress) => void) => ({
    paths: [],
    ...(await importDictionary(db, file, { onProgress })),
  }),
  retryLimit: 2,
  retryDelaySeconds: 2,
  // The transaction's own limit, and the file read around it.
  expireInSeconds: TRANSACTION_TIMEOUT_MS / 1000 + 120,
});

/**
 * What identifies a file's import: the SHA-256 of its bytes (about 0.1 s for trans-de-en's 25 MB) and
 * the parser version. Its size and date would miss a file copied over with the same size and an old
 * date; its hash does not. Throws like importDictionary when the file cannot be read.
 */
export async function fingerprintOf(file: string): Promise<string> {
  const handle = await openDictionaryFile(file);
  try {
    const hash = createHash('sha256');
    for await (const chunk of handle.createReadStream({ autoClose: false })) hash.update(chunk as Buffer);
    return `sha256:${hash.digest('hex')};parser:${DING_PARSER_VERSION}`;
  } finally {
    await handle.close();
  }
}

/**
 * One multi-row INSERT: Prisma's createMany costs about 75 µs a row (44 s for trans-de-en, 6 min on a
 * busy machine), a plain statement of 1 000 rows a fraction of that. Values are bound parameters.
 */
async function insertSenses(tx: Tx, rows: readonly DictionarySense[]): Promise<void> {
  const placeholder = databaseProvider === 'postgresql' ? (index: number) => `$${index + 1}` : () => '?';
  const values = rows.map((_, row) => `(${[0, 1, 2, 3].map((column) => placeholder(row * 4 + column)).join(', ')})`);
  await tx.$executeRawUnsafe(
    `INSERT INTO "DictionaryEntry" ("key", "german", "english", "line") VALUES ${values.join(', ')}`,
    ...rows.flatMap((sense) => [sense.key, sense.german, sense.english, sense.line]),
  );
}

/** Opens the file for reading, or explains why it cannot be imported. */
async function openDictionaryFile(file: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : 'cannot be opened';
    throw new Error(`Cannot read dictionary file ${file}: ${reason}`, { cause: error });
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new Error(`Cannot read dictionary file ${file}: not a regular file`);
    if (stats.size === 0) throw new Error(`Cannot read dictionary file ${file}: the file is empty`);
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
