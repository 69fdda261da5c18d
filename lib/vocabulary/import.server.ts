import 'server-only';
import { db } from '@/lib/db.server';
import { type ImportRow, parseVocabularyCsv } from './csv';
import { ImportTextSchema } from './schema';
import type { VocabularyStatus } from './status';
import type { ImportAction, ImportError, ImportPreview, ImportSummary } from './types';

// Import of a learner's words from CSV: a preview that writes nothing, and an apply that parses the
// file again (never trusting a preview the client sends back) and writes all rows or none.

export type ImportResult = { ok: true; data: ImportSummary } | { ok: false; error: string; errors: ImportError[] };

type Existing = {
  id: string;
  lemma: string;
  status: string;
  translation: string;
  notes: string;
  contextDe: string | null;
  contextEn: string | null;
  articleId: string | null;
  statusChangedAt: Date;
  tags: { name: string }[];
};

const existingSelect = {
  id: true,
  lemma: true,
  status: true,
  translation: true,
  notes: true,
  contextDe: true,
  contextEn: true,
  articleId: true,
  statusChangedAt: true,
} as const;

/**
 * The learner's entries of these lemmas with their tags. Tags are a second query, not a nested select:
 * Prisma runs nested reads in parallel, which a transaction's one PostgreSQL connection must queue.
 */
async function existingEntries(
  client: Pick<typeof db, 'vocabularyEntry' | 'vocabularyTag'>,
  userId: string,
  lemmas: string[],
): Promise<Existing[]> {
  const entries = await client.vocabularyEntry.findMany({
    where: { userId, lemma: { in: lemmas } },
    select: existingSelect,
  });
  const tags = entries.length
    ? await client.vocabularyTag.findMany({
        where: { entryId: { in: entries.map((e) => e.id) } },
        select: { entryId: true, name: true },
      })
    : [];
  return entries.map((e) => ({ ...e, tags: tags.filter((t) => t.entryId === e.id) }));
}

type Planned = {
  row: ImportRow;
  action: ImportAction;
  existing: Existing | null;
  articleId: string | null | undefined;
};

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** What applying each row would do. A column the file lacks leaves that field as it is; an unknown article slug is passed over. */
function plan(
  rows: readonly ImportRow[],
  existing: readonly Existing[],
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

type Parsed = { ok: true; rows: ImportRow[] } | { ok: false; errors: ImportError[] };

function parse(csvText: string): Parsed {
  const text = ImportTextSchema.safeParse(csvText);
  if (!text.success)
    return {
      ok: false,
      errors: [{ line: 1, messageKey: text.error.issues[0]?.message ?? 'vocabulary:import.notCsv' }],
    };
  const { rows, errors } = parseVocabularyCsv(text.data);
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

async function articleIdsOf(rows: readonly ImportRow[]): Promise<Map<string, string>> {
  const slugs = [...new Set(rows.flatMap((r) => (r.article ? [r.article] : [])))];
  if (slugs.length === 0) return new Map();
  const articles = await db.article.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  return new Map(articles.map((a) => [a.slug, a.id]));
}

/** The rows of a CSV file with what importing would do to each (create, update, unchanged), and its errors. Writes nothing. */
export async function previewImport(userId: string, csvText: string): Promise<ImportPreview> {
  const text = ImportTextSchema.safeParse(csvText);
  if (!text.success)
    return { rows: [], errors: [{ line: 1, messageKey: text.error.issues[0]?.message ?? 'vocabulary:import.notCsv' }] };
  const { rows, errors } = parseVocabularyCsv(text.data);
  const [existing, articleIds] = await Promise.all([
    existingEntries(
      db,
      userId,
      rows.map((r) => r.lemma),
    ),
    articleIdsOf(rows),
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
}

/**
 * Imports a CSV file into the learner's words. A file with any error is refused whole and nothing is
 * written; otherwise every row is created or updated in one transaction, with its status history.
 */
export async function applyImport(userId: string, csvText: string): Promise<ImportResult> {
  const parsed = parse(csvText);
  if (!parsed.ok) return { ok: false, error: 'vocabulary:import.rejected', errors: parsed.errors };
  const { rows } = parsed;
  const lemmas = rows.map((r) => r.lemma);
  const [articleIds, terms] = await Promise.all([
    articleIdsOf(rows),
    db.term.findMany({ where: { lemma: { in: lemmas } }, select: { id: true, lemma: true, englishPreferred: true } }),
  ]);
  const termOf = new Map(terms.map((t) => [t.lemma, t]));

  const data = await db.$transaction(
    async (tx): Promise<ImportSummary> => {
      const existing = await existingEntries(tx, userId, lemmas);
      const planned = plan(rows, existing, articleIds);
      const now = new Date();
      const creates = planned.filter((p) => p.action === 'create');
      if (creates.length) {
        const created = await tx.vocabularyEntry.createManyAndReturn({
          data: creates.map(({ row, articleId }) => ({
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
        });
        const idOf = new Map(created.map((c) => [c.lemma, c.id]));
        await tx.statusChange.createMany({
          data: creates.map(({ row }) => ({
            entryId: idOf.get(row.lemma)!,
            userId,
            status: row.status,
            changedAt: now,
          })),
        });
        const tags = creates.flatMap(({ row }) =>
          (row.tags ?? []).map((name) => ({ entryId: idOf.get(row.lemma)!, name })),
        );
        if (tags.length) await tx.vocabularyTag.createMany({ data: tags });
      }
      const updates = planned.filter((p) => p.action === 'update');
      for (const { row, existing: entry, articleId } of updates) {
        const id = entry!.id;
        const statusChanged = entry!.status !== row.status;
        const changedAt = new Date(Math.max(now.getTime(), entry!.statusChangedAt.getTime() + 1));
        await tx.vocabularyEntry.update({
          where: { id },
          data: {
            status: row.status as VocabularyStatus,
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
  return { ok: true, data };
}
