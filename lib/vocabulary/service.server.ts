import 'server-only';
import { decodeTokens } from '@/lib/annotation/tokens';
import { getArticleWords, readableBy } from '@/lib/articles/queries.server';
import { command } from '@/lib/action.server';
import { signedIn } from '@/lib/auth/guards.server';
import { inBatches, READ_BATCH } from '@/lib/batches.server';
import { db, type Tx } from '@/lib/db.server';
import { retrying } from '@/lib/db-retry.server';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { lacksBack, REVIEWED_STATUSES } from '@/lib/review/statuses';
import { WORD_LEMMA } from '@/lib/text';
import { entryViewSelect, toEntryView } from './entry-view';
import {
  findPlace,
  type Place,
  publishedArticleId,
  suggestedTranslation,
  termAt,
  termSpanning,
  termsOf,
} from './queries.server';
import { phraseAt } from './phrase';
import {
  BulkStatusSchema,
  DeleteEntriesSchema,
  MarkRemainingKnownSchema,
  SavePhraseSchema,
  SaveTermSchema,
  SaveWordSchema,
  SetStatusSchema,
  UpdateEntrySchema,
} from './schema';
import type { VocabularyStatus } from './status';
import type { BulkStatusUpdate, SavedWord, StatusUpdate, VocabularyEntryView } from './types';

// The writes of a learner's words, as commands (lib/action.server.ts): the pipeline has proved the
// acting user and parsed the input. Every `where` holds that user's id: another learner's entry is
// indistinguishable from a missing one. Multi-step writes run in one transaction.

const INVALID = 'vocabulary:errors.invalid';
const ENTRY_NOT_FOUND = 'vocabulary:errors.notFound';
const ARTICLE_NOT_FOUND = 'vocabulary:errors.articleNotFound';
const MEANING_REQUIRED = 'vocabulary:errors.meaningRequired';

/**
 * A word being learned gets review cards, whose back is its translation ("my meaning") or its glossary
 * term's English: it is never saved with neither. Known and ignored words are not reviewed.
 */
function requireBack(status: VocabularyStatus, translation: string, hasTerm: boolean): void {
  if (lacksBack(status, translation, hasTerm)) {
    throw new InvalidInputError(MEANING_REQUIRED, { fieldErrors: { translation: MEANING_REQUIRED } });
  }
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

/**
 * Saves a word met in the reader with a status (or changes the status of the learner's entry for that
 * lemma). The context — German sentence, its English, article, anchor, the form met — comes from the
 * database; the lemma must be one of that sentence's words. An existing entry keeps its translation,
 * notes and first context.
 */
export const saveWord = command({
  input: SaveWordSchema,
  invalid: INVALID,
  guard: signedIn,
  run: async (
    { userId },
    { articleSlug, anchor, lemma, surface, status, translation: mine = '' },
  ): Promise<SavedWord> => {
    const place = await placeOrThrow(articleSlug, anchor, userId);
    const occurrences = decodeTokens(place.tokens).filter((token) => token[2] === lemma);
    if (occurrences.length === 0) throw new InvalidInputError('vocabulary:errors.lemmaNotInSentence');
    const forms = occurrences.map(([start, end]) => place.textDe.slice(start, end));
    const index = Math.max(
      0,
      forms.findIndex((f) => f === surface),
    );
    const form = forms[index]!;
    const pos = occurrences[index]![3];

    const term = (await termsOf(db, [lemma])).get(lemma) ?? null;
    const context = {
      contextDe: place.textDe,
      contextEn: place.textEn,
      articleId: place.articleId,
      anchor: place.anchor,
      surface: form,
    };
    // Looked up before the transaction, which must not wait on queries outside it; skipped when the
    // learner gives their own meaning or already has a translation.
    const prior = await db.vocabularyEntry.findUnique({
      where: { userId_lemma: { userId, lemma } },
      select: { translation: true, termId: true },
    });
    const suggestion =
      mine || prior?.translation ? '' : await suggestedTranslation({ lemma, surface: form, pos }, term);
    requireBack(status, mine || prior?.translation || suggestion, Boolean(term ?? prior?.termId));

    return retrying(() =>
      db.$transaction(async (tx): Promise<SavedWord> => {
        const entry = await lockEntry(tx, { userId, lemma });
        if (entry) {
          await applyStatus(tx, userId, entry, status);
          const current = await tx.vocabularyEntry.findUniqueOrThrow({
            where: { id: entry.id },
            select: { translation: true, contextDe: true, termId: true },
          });
          // Fill only what the entry lacks: the learner's own translation and first context stay.
          const fill = {
            ...(current.contextDe === null ? context : {}),
            ...(current.termId === null && term ? { termId: term.id } : {}),
            ...(mine
              ? { translation: mine }
              : current.translation === '' && suggestion
                ? { translation: suggestion }
                : {}),
          };
          if (Object.keys(fill).length) await tx.vocabularyEntry.update({ where: { id: entry.id }, data: fill });
          return { entryId: entry.id, lemma, status, created: false };
        }
        const now = new Date();
        const created = await tx.vocabularyEntry.create({
          data: {
            userId,
            lemma,
            status,
            translation: mine || suggestion,
            termId: term?.id ?? null,
            ...context,
            statusChangedAt: now,
          },
          select: { id: true },
        });
        await tx.statusChange.create({ data: { entryId: created.id, userId, status, changedAt: now } });
        return { entryId: created.id, lemma, status, created: true };
      }),
    );
  },
});

/**
 * Saves a term or phrase met at a place as an entry of its own lemma, status new, with the sentence as
 * context and the form met as surface; `translation` is its back. An existing entry keeps its status
 * and context; `mine` (the learner's meaning, when given) replaces its translation.
 */
async function saveFound(
  userId: string,
  place: Place,
  found: { lemma: string; surface: string; termId: string | null; translation: string; mine: string },
): Promise<SavedWord> {
  const { lemma } = found;
  return retrying(() =>
    db.$transaction(async (tx): Promise<SavedWord> => {
      const entry = await lockEntry(tx, { userId, lemma });
      if (entry) {
        const data = {
          ...(found.termId ? { termId: found.termId } : {}),
          ...(found.mine ? { translation: found.mine } : {}),
        };
        if (Object.keys(data).length) await tx.vocabularyEntry.update({ where: { id: entry.id }, data });
        return { entryId: entry.id, lemma, status: entry.status as VocabularyStatus, created: false };
      }
      const now = new Date();
      const created = await tx.vocabularyEntry.create({
        data: {
          userId,
          lemma,
          status: 'new',
          translation: found.translation,
          termId: found.termId,
          contextDe: place.textDe,
          contextEn: place.textEn,
          articleId: place.articleId,
          anchor: place.anchor,
          surface: found.surface,
          statusChangedAt: now,
        },
        select: { id: true },
      });
      await tx.statusChange.create({ data: { entryId: created.id, userId, status: 'new', changedAt: now } });
      return { entryId: created.id, lemma, status: 'new', created: true };
    }),
  );
}

/** The place an anchor names in a published article `userId` may read, or the reason it cannot be found. */
async function placeOrThrow(articleSlug: string, anchor: string, userId: string): Promise<Place> {
  const place = await findPlace(articleSlug, anchor, userId);
  if (place) return place;
  const found = await publishedArticleId(articleSlug, userId);
  throw new NotFoundError(found ? 'vocabulary:errors.anchorNotFound' : ARTICLE_NOT_FOUND);
}

/**
 * Saves a glossary term met in the reader (a word, a phrase, a part of a compound) to learn it: lemma
 * the term's ("öffentlicher Druck"), surface the text it was found as there, back the learner's meaning
 * or the term's English.
 */
export const saveTerm = command({
  input: SaveTermSchema,
  invalid: INVALID,
  guard: signedIn,
  run: async ({ userId }, { articleSlug, anchor, term: lemma, translation: mine = '' }): Promise<SavedWord> => {
    const place = await placeOrThrow(articleSlug, anchor, userId);
    const term = await termAt(place, lemma);
    if (!term) throw new InvalidInputError('vocabulary:errors.lemmaNotInSentence');
    return saveFound(userId, place, {
      lemma,
      surface: term.surface,
      termId: term.id,
      translation: mine || term.englishPreferred,
      mine,
    });
  },
});

/**
 * Saves words the learner selected in a sentence ("öffentlichen Druck") as one phrase to learn
 * (lib/vocabulary/phrase.ts: 2 to 8 words, cited as "öffentlicher Druck"). A glossary term found at
 * exactly those words is saved as that term. Its back: the learner's meaning, else the term's English,
 * else the dictionary's; a phrase none of them knows is refused until the learner gives a meaning.
 */
export const savePhrase = command({
  input: SavePhraseSchema,
  invalid: INVALID,
  guard: signedIn,
  run: async ({ userId }, { articleSlug, anchor, start, end, translation: mine = '' }): Promise<SavedWord> => {
    const place = await placeOrThrow(articleSlug, anchor, userId);
    const phrase = phraseAt(decodeTokens(place.tokens), place.textDe, start, end);
    if (!phrase)
      throw new InvalidInputError('vocabulary:errors.phrase', { fieldErrors: { phrase: 'vocabulary:errors.phrase' } });
    const term = await termSpanning(place, phrase.start, phrase.end);
    const lemma = term?.lemma ?? phrase.lemma;
    const translation =
      mine || term?.englishPreferred || (await suggestedTranslation({ lemma, surface: phrase.surface }, null));
    if (!translation) {
      throw new InvalidInputError(MEANING_REQUIRED, { fieldErrors: { translation: MEANING_REQUIRED } });
    }
    return saveFound(userId, place, { lemma, surface: phrase.surface, termId: term?.id ?? null, translation, mine });
  },
});

/** Changes the status of one of the learner's entries. */
export const setStatus = command({
  input: SetStatusSchema,
  invalid: INVALID,
  guard: signedIn,
  run: async ({ userId }, { entryId, status }): Promise<StatusUpdate> => {
    // A word taken into review without a meaning gets the dictionary's, or the change is refused.
    const current = await db.vocabularyEntry.findFirst({
      where: { id: entryId, userId },
      select: { lemma: true, surface: true, translation: true, termId: true },
    });
    if (!current) throw new NotFoundError(ENTRY_NOT_FOUND);
    const needsBack = current.translation.trim() === '' && current.termId === null;
    const suggestion =
      needsBack && (REVIEWED_STATUSES as readonly string[]).includes(status)
        ? await suggestedTranslation(current, null)
        : '';
    if (needsBack) requireBack(status, suggestion, false);
    return retrying(() =>
      db.$transaction(async (tx) => {
        const entry = await lockEntry(tx, { userId, id: entryId });
        if (!entry) throw new NotFoundError(ENTRY_NOT_FOUND);
        if (suggestion) {
          await tx.vocabularyEntry.updateMany({
            where: { id: entryId, translation: '' },
            data: { translation: suggestion },
          });
        }
        return { entryId, status, changed: await applyStatus(tx, userId, entry, status) };
      }),
    );
  },
});

/** One status for many entries; ids that are not the learner's are passed over like missing ones. */
export const bulkSetStatus = command({
  input: BulkStatusSchema,
  invalid: INVALID,
  guard: signedIn,
  run: async ({ userId }, { entryIds, status }): Promise<BulkStatusUpdate> => {
    // Words taken into review without a meaning get the dictionary's; if one has none, nothing changes.
    const fills = new Map<string, string>();
    if ((REVIEWED_STATUSES as readonly string[]).includes(status)) {
      const bare = await db.vocabularyEntry.findMany({
        where: { userId, id: { in: entryIds }, translation: '', termId: null },
        select: { id: true, lemma: true, surface: true },
      });
      for (const entry of bare) {
        const suggestion = await suggestedTranslation(entry, null);
        if (!suggestion) throw new InvalidInputError('vocabulary:errors.meaningRequiredBulk');
        fills.set(entry.id, suggestion);
      }
    }
    return retrying(() =>
      db.$transaction(async (tx) => {
        for (const [id, translation] of fills) {
          await tx.vocabularyEntry.updateMany({ where: { userId, id, translation: '' }, data: { translation } });
        }
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
          await tx.statusChange.createMany({
            data: changing.map((e) => ({ entryId: e.id, userId, status, changedAt })),
          });
        }
        return { matched: entries.length, changed: changing.length };
      }),
    );
  },
});

/** The learner's translation, notes and tags of an entry (tags replaced as given). */
export const updateEntry = command({
  input: UpdateEntrySchema,
  invalid: INVALID,
  guard: signedIn,
  run: async ({ userId }, { entryId, translation, notes, tags }): Promise<VocabularyEntryView> => {
    await db.$transaction(async (tx) => {
      const entry = await tx.vocabularyEntry.findFirst({
        where: { id: entryId, userId },
        select: { status: true, termId: true },
      });
      if (!entry) throw new NotFoundError(ENTRY_NOT_FOUND);
      // Emptying "my meaning" of a word being learned would leave its review cards without a back.
      requireBack(entry.status as VocabularyStatus, translation, entry.termId !== null);
      const { count } = await tx.vocabularyEntry.updateMany({
        where: { id: entryId, userId },
        data: { translation, notes },
      });
      if (count === 0) throw new NotFoundError(ENTRY_NOT_FOUND);
      await tx.vocabularyTag.deleteMany({ where: { entryId } });
      if (tags.length) await tx.vocabularyTag.createMany({ data: tags.map((name) => ({ entryId, name })) });
    });
    // Read after the transaction: Prisma loads relations in parallel, which a transaction's one
    // PostgreSQL connection would have to queue (pg warns about that).
    const row = await db.vocabularyEntry.findFirst({ where: { id: entryId, userId }, select: entryViewSelect });
    if (!row) throw new NotFoundError(ENTRY_NOT_FOUND);
    return toEntryView(row);
  },
});

/** Deletes entries of the learner's (with their tags, history and review cards); others' ids count as missing. */
export const deleteEntries = command({
  input: DeleteEntriesSchema,
  invalid: INVALID,
  guard: signedIn,
  run: async ({ userId }, { entryIds }): Promise<{ deleted: number }> => {
    const { count } = await db.vocabularyEntry.deleteMany({ where: { userId, id: { in: entryIds } } });
    return { deleted: count };
  },
});

/**
 * "Mark all remaining words as known": every word lemma of the article (from its stored tokens, not
 * the lemma index, which also holds compound parts and other readings) that has no entry yet gets one
 * with status known, linked to the article (first occurrence). Glossary terms are left alone (they stay
 * unsaved, to be learned), and words being learned keep their status.
 */
export const markRemainingKnown = command({
  input: MarkRemainingKnownSchema,
  invalid: INVALID,
  guard: signedIn,
  run: async ({ userId }, { articleSlug }): Promise<{ created: number }> => {
    const [articleId, words] = await Promise.all([
      publishedArticleId(articleSlug, userId),
      readableBy(userId).then((readable) => getArticleWords(articleSlug, readable)),
    ]);
    if (!articleId || !words) throw new NotFoundError(ARTICLE_NOT_FOUND);
    const firstAnchor = new Map<string, string>();
    for (const [anchor, tokens] of Object.entries(words)) {
      for (const token of tokens)
        if (WORD_LEMMA.test(token[2]) && !firstAnchor.has(token[2])) firstAnchor.set(token[2], anchor);
    }
    const lemmas = [...firstAnchor.keys()];
    const created = await retrying(() =>
      db.$transaction(async (tx) => {
        // A long article has thousands of lemmas: reads and writes go in bounded batches.
        const existing = await inBatches(
          lemmas,
          (batch) => tx.vocabularyEntry.findMany({ where: { userId, lemma: { in: batch } }, select: { lemma: true } }),
          READ_BATCH,
        );
        const have = new Set(existing.flat().map((e) => e.lemma));
        const unsaved = lemmas.filter((lemma) => !have.has(lemma));
        if (unsaved.length === 0) return 0;
        // Glossary terms are what the article is for: they stay unsaved, to be learned.
        const terms = await termsOf(tx, unsaved);
        const missing = unsaved.filter((lemma) => !terms.has(lemma));
        if (missing.length === 0) return 0;
        const now = new Date();
        const rows = (
          await inBatches(missing, (batch) =>
            tx.vocabularyEntry.createManyAndReturn({
              data: batch.map((lemma) => ({
                userId,
                lemma,
                status: 'known',
                statusChangedAt: now,
                articleId,
                anchor: firstAnchor.get(lemma)!,
                translation: '',
              })),
              select: { id: true },
            }),
          )
        ).flat();
        await inBatches(rows, (batch) =>
          tx.statusChange.createMany({
            data: batch.map((row) => ({ entryId: row.id, userId, status: 'known', changedAt: now })),
          }),
        );
        return rows.length;
      }),
    );
    return { created };
  },
});
