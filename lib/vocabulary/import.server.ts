import 'server-only';
import { command } from '@/lib/action.server';
import { signedIn } from '@/lib/auth/guards.server';
import { breather, inBatches } from '@/lib/batches.server';
import { db } from '@/lib/db.server';
import { InvalidInputError } from '@/lib/errors';
import { runTask } from '@/lib/workers.server';
import type { ImportRow } from './csv';
import { articleIdsOf, type ExistingEntry, existingEntries, termsOf } from './queries.server';
import { ImportTextSchema } from './schema';
import type { ImportAction, ImportPreview, ImportSummary } from './types';

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

/** The rows of a CSV file with what importing would do to each (create, update, unchanged), and its errors. Writes nothing. */
export const previewImport = command({
  input: ImportTextSchema,
  invalid: 'vocabulary:import.notCsv',
  guard: signedIn,
  run: async ({ userId }, text): Promise<ImportPreview> => {
    const { rows, errors } = await runTask('parseVocabularyCsv', text);
    const [existing, articleIds] = await Promise.all([
      existingEntries(
        db,
        userId,
        rows.map((r) => r.lemma),
      ),
      articleIdsOf(articleSlugs(rows)),
    ]);
    return {
      rows: plan(rows, existing, articleIds).map((p) => ({
        line: p.row.line,
        lemma: p.row.lemma,
        status: p.row.status,
        action: p.action,
      })),
      errors,
    };
  },
});

/**
 * Imports a CSV file into the learner's words. A file with any error is refused whole and nothing is
 * written (the preview lists its errors); otherwise every row is created or updated in one
 * transaction (of bounded statements), with its status history.
 */
export const applyImport = command({
  input: ImportTextSchema,
  invalid: 'vocabulary:import.notCsv',
  guard: signedIn,
  run: async ({ userId }, text): Promise<ImportSummary> => {
    const { rows, errors } = await runTask('parseVocabularyCsv', text);
    if (errors.length) throw new InvalidInputError('vocabulary:import.rejected');
    const lemmas = rows.map((r) => r.lemma);
    const [articleIds, termOf] = await Promise.all([articleIdsOf(articleSlugs(rows)), termsOf(db, lemmas)]);

    return db.$transaction(
      async (tx): Promise<ImportSummary> => {
        const existing = await existingEntries(tx, userId, lemmas);
        const planned = plan(rows, existing, articleIds);
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
                translation: row.translation || termOf.get(row.lemma)?.englishPreferred || '',
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
          await tx.vocabularyEntry.update({
            where: { id },
            data: {
              status: row.status,
              ...(statusChanged ? { statusChangedAt: changedAt } : {}),
              ...(row.translation !== undefined ? { translation: row.translation } : {}),
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
