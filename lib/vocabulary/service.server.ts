import 'server-only';
import type { z } from 'zod';
import { decodeTokens } from '@/lib/annotation/tokens';
import { getArticleWords, PUBLISHED } from '@/lib/articles/queries.server';
import { db, type Tx } from '@/lib/db.server';
import { retrying, TX_OPTIONS } from '@/lib/db-retry.server';
import { lookupWord } from '@/lib/dictionary/queries.server';
import { parseAnchor } from './anchor';
import { WORD_LEMMA } from './coverage';
import { entryViewSelect, toEntryView } from './entry-view';
import {
  BulkStatusSchema,
  type BulkStatusInput,
  DeleteEntriesSchema,
  type DeleteEntriesInput,
  fieldErrorsOf,
  MarkRemainingKnownSchema,
  type MarkRemainingKnownInput,
  SaveWordSchema,
  type SaveWordInput,
  SetStatusSchema,
  type SetStatusInput,
  TRANSLATION_MAX,
  UpdateEntrySchema,
  type UpdateEntryInput,
} from './schema';
import type { VocabularyStatus } from './status';
import type {
  BulkStatusUpdate,
  SavedWord,
  StatusUpdate,
  VocabularyEntryView,
  VocabularyFailure,
  VocabularyResult,
} from './types';

// Writes and rules of a learner's words. Every function takes the acting userId first (proved by the
// caller's guard, never sent by the client) and puts it in every `where`: another learner's entry is
// indistinguishable from a missing one. Multi-step writes run in one transaction.

const NOT_FOUND: VocabularyFailure = { ok: false, error: 'vocabulary:errors.notFound' };
// Transactions may queue behind each other (SQLite has one writer; PostgreSQL row locks).

function invalid(error: z.ZodError): VocabularyFailure {
  return { ok: false, error: 'vocabulary:errors.invalid', fieldErrors: fieldErrorsOf(error) };
}

/**
 * When a status change happens: now, but always after the entry's previous change, so that ordering
 * the history by changedAt gives the order in which the changes were applied (clocks have 1 ms steps).
 */
function changeTime(previous: Date): Date {
  const now = Date.now();
  return new Date(Math.max(now, previous.getTime() + 1));
}

type LockedEntry = { id: string; status: string; statusChangedAt: Date };

/**
 * Takes the entry's row lock (an UPDATE), then reads it: concurrent status changes of one entry run
 * one after the other, each seeing the last. Null when the learner has no such entry.
 */
async function lockEntry(
  tx: Tx,
  where: { userId: string; id: string } | { userId: string; lemma: string },
): Promise<LockedEntry | null> {
  const { count } = await tx.vocabularyEntry.updateMany({ where, data: { updatedAt: new Date() } });
  if (count === 0) return null;
  return tx.vocabularyEntry.findFirst({ where, select: { id: true, status: true, statusChangedAt: true } });
}

/** Sets a locked entry's status and records the change; nothing when it already has that status. */
async function applyStatus(tx: Tx, userId: string, entry: LockedEntry, status: VocabularyStatus): Promise<boolean> {
  if (entry.status === status) return false;
  const changedAt = changeTime(entry.statusChangedAt);
  await tx.vocabularyEntry.update({ where: { id: entry.id }, data: { status, statusChangedAt: changedAt } });
  await tx.statusChange.create({ data: { entryId: entry.id, userId, status, changedAt } });
  return true;
}

type Place = { articleId: string; anchor: string; textDe: string; textEn: string; tokens: string };

/** The sentence group or heading an anchor names in an article, from the database. */
async function findPlace(slug: string, anchor: string): Promise<Place | null> {
  const place = parseAnchor(anchor);
  if (!place) return null;
  if (place.kind === 'sentence') {
    const sentence = await db.sentence.findFirst({
      where: { position: place.sentence, paragraph: { position: place.paragraph, article: { slug, ...PUBLISHED } } },
      select: { textDe: true, textEn: true, tokens: true, paragraph: { select: { articleId: true } } },
    });
    return (
      sentence && {
        articleId: sentence.paragraph.articleId,
        anchor,
        textDe: sentence.textDe,
        textEn: sentence.textEn,
        tokens: sentence.tokens,
      }
    );
  }
  const section = await db.section.findFirst({
    where: { position: place.section, article: { slug, ...PUBLISHED }, headingDe: { not: null } },
    select: { articleId: true, headingDe: true, headingEn: true, tokens: true },
  });
  return (
    section && {
      articleId: section.articleId,
      anchor,
      textDe: section.headingDe ?? '',
      textEn: section.headingEn ?? '',
      tokens: section.tokens,
    }
  );
}

/**
 * A translation to start from: the glossary term's preferred English, else the general dictionary's
 * first senses (those written with the lemma's exact case first: Essen is not essen).
 */
async function suggestedTranslation(lemma: string, term: { englishPreferred: string } | null): Promise<string> {
  if (term?.englishPreferred) return term.englishPreferred;
  const senses = await lookupWord(lemma);
  const exact = senses.filter((s) => s.german.includes(lemma));
  const english = [...new Set((exact.length ? exact : senses).map((s) => s.english))].slice(0, 2);
  return english.join('; ').slice(0, TRANSLATION_MAX);
}

/**
 * Saves a word met in the reader with a status (or changes the status of the learner's entry for that
 * lemma). The context — German sentence, its English, article, anchor, the form met — comes from the
 * database; the lemma must be one of that sentence's words. An existing entry keeps its translation,
 * notes and first context.
 */
export async function saveWord(userId: string, input: SaveWordInput): Promise<VocabularyResult<SavedWord>> {
  const parsed = SaveWordSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { articleSlug, anchor, lemma, surface, status } = parsed.data;

  const place = await findPlace(articleSlug, anchor);
  if (!place) {
    const article = await db.article.findFirst({ where: { slug: articleSlug, ...PUBLISHED }, select: { id: true } });
    return { ok: false, error: article ? 'vocabulary:errors.anchorNotFound' : 'vocabulary:errors.articleNotFound' };
  }
  const occurrences = decodeTokens(place.tokens).filter((token) => token[2] === lemma);
  if (occurrences.length === 0) return { ok: false, error: 'vocabulary:errors.lemmaNotInSentence' };
  const forms = occurrences.map(([start, end]) => place.textDe.slice(start, end));
  const form = forms.find((f) => f === surface) ?? forms[0]!;

  const term = await db.term.findUnique({ where: { lemma }, select: { id: true, englishPreferred: true } });
  const context = {
    contextDe: place.textDe,
    contextEn: place.textEn,
    articleId: place.articleId,
    anchor: place.anchor,
    surface: form,
  };
  // Looked up before the transaction, which must not wait on queries outside it; skipped when the
  // learner already has a translation.
  const prior = await db.vocabularyEntry.findUnique({
    where: { userId_lemma: { userId, lemma } },
    select: { translation: true },
  });
  const suggestion = prior?.translation ? '' : await suggestedTranslation(lemma, term);

  return retrying(() =>
    db.$transaction(async (tx): Promise<VocabularyResult<SavedWord>> => {
      const entry = await lockEntry(tx, { userId, lemma });
      if (entry) {
        const changed = await applyStatus(tx, userId, entry, status);
        const current = await tx.vocabularyEntry.findUniqueOrThrow({
          where: { id: entry.id },
          select: { translation: true, contextDe: true, termId: true },
        });
        // Fill only what the entry lacks: the learner's own translation and first context stay.
        const fill = {
          ...(current.contextDe === null ? context : {}),
          ...(current.termId === null && term ? { termId: term.id } : {}),
          ...(current.translation === '' && suggestion ? { translation: suggestion } : {}),
        };
        if (Object.keys(fill).length) await tx.vocabularyEntry.update({ where: { id: entry.id }, data: fill });
        return { ok: true, data: { entryId: entry.id, lemma, status, created: false } };
      }
      const now = new Date();
      const created = await tx.vocabularyEntry.create({
        data: {
          userId,
          lemma,
          status,
          translation: suggestion,
          termId: term?.id ?? null,
          ...context,
          statusChangedAt: now,
        },
        select: { id: true },
      });
      await tx.statusChange.create({ data: { entryId: created.id, userId, status, changedAt: now } });
      return { ok: true, data: { entryId: created.id, lemma, status, created: true } };
    }, TX_OPTIONS),
  );
}

/** Changes the status of one of the learner's entries. */
export async function setStatus(userId: string, input: SetStatusInput): Promise<VocabularyResult<StatusUpdate>> {
  const parsed = SetStatusSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { entryId, status } = parsed.data;
  return retrying(() =>
    db.$transaction(async (tx): Promise<VocabularyResult<StatusUpdate>> => {
      const entry = await lockEntry(tx, { userId, id: entryId });
      if (!entry) return NOT_FOUND;
      return { ok: true, data: { entryId, status, changed: await applyStatus(tx, userId, entry, status) } };
    }, TX_OPTIONS),
  );
}

/** One status for many entries; ids that are not the learner's are passed over like missing ones. */
export async function bulkSetStatus(
  userId: string,
  input: BulkStatusInput,
): Promise<VocabularyResult<BulkStatusUpdate>> {
  const parsed = BulkStatusSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { entryIds, status } = parsed.data;
  const data = await retrying(() =>
    db.$transaction(async (tx) => {
      const where = { userId, id: { in: entryIds } };
      await tx.vocabularyEntry.updateMany({ where, data: { updatedAt: new Date() } }); // row locks, as lockEntry
      const entries = await tx.vocabularyEntry.findMany({
        where,
        select: { id: true, status: true, statusChangedAt: true },
        orderBy: { id: 'asc' },
      });
      const changing = entries.filter((e) => e.status !== status);
      if (changing.length) {
        const changedAt = changeTime(new Date(Math.max(...changing.map((e) => e.statusChangedAt.getTime()))));
        await tx.vocabularyEntry.updateMany({
          where: { userId, id: { in: changing.map((e) => e.id) } },
          data: { status, statusChangedAt: changedAt },
        });
        await tx.statusChange.createMany({ data: changing.map((e) => ({ entryId: e.id, userId, status, changedAt })) });
      }
      return { matched: entries.length, changed: changing.length };
    }, TX_OPTIONS),
  );
  return { ok: true, data };
}

/** The learner's translation, notes and tags of an entry (tags replaced as given). */
export async function updateEntry(
  userId: string,
  input: UpdateEntryInput,
): Promise<VocabularyResult<VocabularyEntryView>> {
  const parsed = UpdateEntrySchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { entryId, translation, notes, tags } = parsed.data;
  const found = await db.$transaction(async (tx) => {
    const { count } = await tx.vocabularyEntry.updateMany({
      where: { id: entryId, userId },
      data: { translation, notes },
    });
    if (count === 0) return false;
    await tx.vocabularyTag.deleteMany({ where: { entryId } });
    if (tags.length) await tx.vocabularyTag.createMany({ data: tags.map((name) => ({ entryId, name })) });
    return true;
  }, TX_OPTIONS);
  if (!found) return NOT_FOUND;
  // Read after the transaction: Prisma loads relations in parallel, which a transaction's one
  // PostgreSQL connection would have to queue (pg warns about that).
  const row = await db.vocabularyEntry.findFirst({ where: { id: entryId, userId }, select: entryViewSelect });
  return row ? { ok: true, data: toEntryView(row) } : NOT_FOUND;
}

/** Deletes entries of the learner's (with their tags, history and review cards); others' ids count as missing. */
export async function deleteEntries(
  userId: string,
  input: DeleteEntriesInput,
): Promise<VocabularyResult<{ deleted: number }>> {
  const parsed = DeleteEntriesSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { count } = await db.vocabularyEntry.deleteMany({ where: { userId, id: { in: parsed.data.entryIds } } });
  return { ok: true, data: { deleted: count } };
}

/**
 * "Mark all remaining words as known": every word lemma of the article (from its stored tokens, not
 * the lemma index, which also holds compound parts and other readings) that has no entry yet gets one
 * with status known, linked to the article (first occurrence) and to a glossary term of that lemma.
 * Words being learned keep their status.
 */
export async function markRemainingKnown(
  userId: string,
  input: MarkRemainingKnownInput,
): Promise<VocabularyResult<{ created: number }>> {
  const parsed = MarkRemainingKnownSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const slug = parsed.data.articleSlug;
  const [article, words] = await Promise.all([
    db.article.findFirst({ where: { slug, ...PUBLISHED }, select: { id: true } }),
    getArticleWords(slug),
  ]);
  if (!article || !words) return { ok: false, error: 'vocabulary:errors.articleNotFound' };
  const firstAnchor = new Map<string, string>();
  for (const [anchor, tokens] of Object.entries(words)) {
    for (const token of tokens)
      if (WORD_LEMMA.test(token[2]) && !firstAnchor.has(token[2])) firstAnchor.set(token[2], anchor);
  }
  const lemmas = [...firstAnchor.keys()];
  const created = await retrying(() =>
    db.$transaction(async (tx) => {
      const existing = await tx.vocabularyEntry.findMany({
        where: { userId, lemma: { in: lemmas } },
        select: { lemma: true },
      });
      const have = new Set(existing.map((e) => e.lemma));
      const missing = lemmas.filter((lemma) => !have.has(lemma));
      if (missing.length === 0) return 0;
      const terms = await tx.term.findMany({
        where: { lemma: { in: missing } },
        select: { id: true, lemma: true, englishPreferred: true },
      });
      const termOf = new Map(terms.map((t) => [t.lemma, t]));
      const now = new Date();
      const rows = await tx.vocabularyEntry.createManyAndReturn({
        data: missing.map((lemma) => ({
          userId,
          lemma,
          status: 'known',
          statusChangedAt: now,
          articleId: article.id,
          anchor: firstAnchor.get(lemma)!,
          termId: termOf.get(lemma)?.id ?? null,
          translation: termOf.get(lemma)?.englishPreferred ?? '',
        })),
        select: { id: true },
      });
      await tx.statusChange.createMany({
        data: rows.map((row) => ({ entryId: row.id, userId, status: 'known', changedAt: now })),
      });
      return rows.length;
    }, TX_OPTIONS),
  );
  return { ok: true, data: { created } };
}
