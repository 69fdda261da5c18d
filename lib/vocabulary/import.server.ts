import 'server-only';
import { command } from '@/lib/action.server';
import { signedIn } from '@/lib/auth/guards.server';
import { breather, inBatches } from '@/lib/batches.server';
import { db } from '@/lib/db.server';
import { InvalidInputError } from '@/lib/errors';
import { lacksBack } from '@/lib/review/statuses';
import { runServiceTask } from '@/lib/task-service.server';
import type { ImportRow } from './csv';
import { articleIdsOf, type ExistingEntry, existingEntries, suggestedTranslation, termsOf } from './queries.server';
import { ImportTextSchema } from './schema';
import type { ImportAction, ImportError, ImportPreview, ImportSummary } from './types';

// Import of a learner's words from CSV, as two commands: a preview that writes nothing and lists
// every row with what importing would do and every error, and an apply that parses the file again
// (never trusting a preview the client sends back) and writes all rows or none. Parsing runs in a
// worker thread; reads and writes go in bounded batches (lib/batches.server.ts).

type Planned = {
  row: ImportRow;
  action: ImportAction;
  existing: ExistingEntry | null;
  articleId: string | null | undefined;
};

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** What applying each row would do. A column the file lacks leaves that field as it is; an unknown article slug is passed over. */
function plan(
  rows: readonly ImportRow[],
  existing: readonly ExistingEntry[],
  articleIds: ReadonlyMap<string, string>,
): Planned[] {
  const byLemma = new Map(existing.map((e) => [e.lemma, e]));
  return rows.map((row) => {
    const articleId = row.article === undefined ? undefined : row.article === null ? null : articleIds.get(row.article);
    const entry = byLemma.get(row.lemma) ?? null;
    if (!entry) return { row, action: 'create', existing: null, articleId };
    const unchanged =
      entry.status === row.status &&
      (row.translation === undefined || row.translation === entry.translation) &&
      (row.notes === undefined || row.notes === entry.notes) &&
      (row.tags === undefined ||
        sameTags(
          row.tags,
          entry.tags.map((t) => t.name),
        )) &&
      (row.contextDe === undefined || row.contextDe === entry.contextDe) &&
      (row.contextEn === undefined || row.contextEn === entry.contextEn) &&
      (articleId === undefined || articleId === entry.articleId);
    return { row, action: unchanged ? 'unchanged' : 'update', existing: entry, articleId };
  });
}

const articleSlugs = (rows: readonly ImportRow[]) => rows.flatMap((r) => (r.article ? [r.article] : []));

type Terms = ReadonlyMap<string, { id: string; englishPreferred: string }>;

/** The translation a created entry starts with: the row's, else its glossary term's English. */
const createdTranslation = (row: ImportRow, termOf: Terms) =>
  row.translation || termOf.get(row.lemma)?.englishPreferred || '';

/** Whether a row might leave its word in review with an empty back: a reviewed status and no translation of its own. */
const mayNeedMeaning = (row: ImportRow) => lacksBack(row.status, row.translation ?? '', false);

/**
 * Whether applying a row would leave its word in review with an empty back (lib/review/statuses.ts):
 * no translation written or kept, no glossary term. An unchanged row writes nothing and is left alone.
 */
function needsMeaning({ row, action, existing }: Planned, termOf: Terms): boolean {
  if (action === 'unchanged') return false;
  return existing
    ? lacksBack(row.status, row.translation ?? existing.translation, existing.termId !== null)
    : lacksBack(row.status, createdTranslation(row, termOf), termOf.has(row.lemma));
}

const MEANING_MISSING = 'vocabulary:import.meaningMissing';
/** Most rows without any meaning one check reports: a lookup that finds nothing costs up to 0.1 s (lib/dictionary). */
const MISSING_MEANINGS_MAX = 50;
/** Rows whose meaning is looked up at once. */
const LOOKUP_BATCH = 20;

/**
 * The meaning each row that needs one gets, by lemma, as the reader's saves take it (the glossary's,
 * else the dictionary's), and an error for each row that has none: an import never makes a review card
 * with an empty back. Looks up only those rows, LOOKUP_BATCH at a time, and stops after
 * MISSING_MEANINGS_MAX errors (the file is refused whole anyway).
 */
async function meaningsFor(
  planned: readonly Planned[],
  termOf: Terms,
): Promise<{ fills: Map<string, string>; errors: ImportError[] }> {
  const fills = new Map<string, string>();
  const errors: ImportError[] = [];
  const needing = planned.filter((p) => needsMeaning(p, termOf));
  await inBatches(
    needing,
    async (batch) => {
      if (errors.length >= MISSING_MEANINGS_MAX) return;
      const found = await Promise.all(
        batch.map(({ row }) => suggestedTranslation({ lemma: row.lemma }, termOf.get(row.lemma) ?? null)),
      );
      batch.forEach(({ row }, i) => {
        if (found[i]) fills.set(row.lemma, found[i]);
        else errors.push({ line: row.line, field: 'translation', messageKey: MEANING_MISSING, lemma: row.lemma });
      });
    },
    LOOKUP_BATCH,
  );
  return { fills, errors: errors.slice(0, MISSING_MEANINGS_MAX) };
}

/** The rows of a CSV file with what importing would do to each (create, update, unchanged), and its errors. Writes nothing. */
export const previewImport = command({
  input: ImportTextSchema,
  invalid: 'vocabulary:import.notCsv',
  guard: signedIn,
  run: async ({ userId }, text): Promise<ImportPreview> => {
    const { rows, errors } = await runServiceTask('parseVocabularyCsv', text);
    const [existing, articleIds, termOf] = await Promise.all([
      existingEntries(
        db,
        userId,
        rows.map((r) => r.lemma),
      ),
      articleIdsOf(articleSlugs(rows)),
      termsOf(
        db,
        rows.filter(mayNeedMeaning).map((r) => r.lemma),
      ),
    ]);
    const planned = plan(rows, existing, articleIds);
    const missing = await meaningsFor(planned, termOf);
    return {
      rows: planned.map((p) => ({
        line: p.row.line,
        lemma: p.row.lemma,
        status: p.row.status,
        action: p.action,
      })),
      errors: [...errors, ...missing.errors].sort((a, b) => a.line - b.line),
    };
  },
});

/**
 * Imports a CSV file into the learner's words. A file with any error (a word to learn that has no
 * meaning among them) is refused whole and nothing is written (the preview lists its errors); otherwise
 * every row is created or updated in one transaction (of bounded statements), with its status history.
 */
export const applyImport = command({
  input: ImportTextSchema,
  invalid: 'vocabulary:import.notCsv',
  guard: signedIn,
  run: async ({ userId }, text): Promise<ImportSummary> => {
    const { rows, errors } = await runServiceTask('parseVocabularyCsv', text);
    if (errors.length) throw new InvalidInputError('vocabulary:import.rejected');
    const lemmas = rows.map((r) => r.lemma);
    const [articleIds, termOf] = await Promise.all([articleIdsOf(articleSlugs(rows)), termsOf(db, lemmas)]);
    // Meanings are looked up before the transaction, which lookups would hold open: for the rows that
    // may need one, against their entries as they are now.
    const candidates = rows.filter(mayNeedMeaning);
    const current = await existingEntries(
      db,
      userId,
      candidates.map((r) => r.lemma),
    );
    const { fills, errors: missing } = await meaningsFor(plan(candidates, current, articleIds), termOf);
    if (missing.length) throw new InvalidInputError('vocabulary:import.rejected');

    return db.$transaction(
      async (tx): Promise<ImportSummary> => {
        const existing = await existingEntries(tx, userId, lemmas);
        const planned = plan(rows, existing, articleIds);
        // The meaning of each row that needs one; an entry changed since the lookup may need one more.
        const meaningOf = new Map<string, string>();
        for (const p of planned) {
          if (!needsMeaning(p, termOf)) continue;
          const fill = fills.get(p.row.lemma);
          if (!fill) throw new InvalidInputError('vocabulary:import.rejected');
          meaningOf.set(p.row.lemma, fill);
        }
        const now = new Date();
        const creates = planned.filter((p) => p.action === 'create');
        if (creates.length) {
          const created = await inBatches(creates, (batch) =>
            tx.vocabularyEntry.createManyAndReturn({
              data: batch.map(({ row, articleId }) => ({
                userId,
                lemma: row.lemma,
                status: row.status,
                statusChangedAt: now,
                translation: meaningOf.get(row.lemma) ?? createdTranslation(row, termOf),
                notes: row.notes ?? '',
                contextDe: row.contextDe ?? null,
                contextEn: row.contextEn ?? null,
                articleId: articleId ?? null,
                termId: termOf.get(row.lemma)?.id ?? null,
              })),
              select: { id: true, lemma: true },
            }),
          );
          const idOf = new Map(created.flat().map((c) => [c.lemma, c.id]));
          await inBatches(creates, (batch) =>
            tx.statusChange.createMany({
              data: batch.map(({ row }) => ({
                entryId: idOf.get(row.lemma)!,
                userId,
                status: row.status,
                changedAt: now,
              })),
            }),
          );
          const tags = creates.flatMap(({ row }) =>
            (row.tags ?? []).map((name) => ({ entryId: idOf.get(row.lemma)!, name })),
          );
          await inBatches(tags, (data) => tx.vocabularyTag.createMany({ data }));
        }
        const updates = planned.filter((p) => p.action === 'update');
        const breathe = breather();
        for (const { row, existing: entry, articleId } of updates) {
          await breathe();
          const id = entry!.id;
          const statusChanged = entry!.status !== row.status;
          const changedAt = new Date(Math.max(now.getTime(), entry!.statusChangedAt.getTime() + 1));
          const translation = meaningOf.get(row.lemma) ?? row.translation;
          await tx.vocabularyEntry.update({
            where: { id },
            data: {
              status: row.status,
              ...(statusChanged ? { statusChangedAt: changedAt } : {}),
              ...(translation !== undefined ? { translation } : {}),
              ...(row.notes !== undefined ? { notes: row.notes } : {}),
              ...(row.contextDe !== undefined ? { contextDe: row.contextDe } : {}),
              ...(row.contextEn !== undefined ? { contextEn: row.contextEn } : {}),
              ...(articleId !== undefined ? { articleId } : {}),
            },
          });
          if (statusChanged)
            await tx.statusChange.create({ data: { entryId: id, userId, status: row.status, changedAt } });
          if (
            row.tags !== undefined &&
            !sameTags(
              row.tags,
              entry!.tags.map((t) => t.name),
            )
          ) {
            await tx.vocabularyTag.deleteMany({ where: { entryId: id } });
            if (row.tags.length)
              await tx.vocabularyTag.createMany({ data: row.tags.map((name) => ({ entryId: id, name })) });
          }
        }
        return {
          created: creates.length,
          updated: updates.length,
          unchanged: planned.length - creates.length - updates.length,
        };
      },
      { maxWait: 15_000, timeout: 120_000 },
    );
  },
});
