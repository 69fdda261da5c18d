import 'server-only';
import { command } from '@/lib/action.server';
import { retrying } from '@/lib/db-retry.server';
import { db, type Tx } from '@/lib/db.server';
import { InvalidInputError, NotFoundError, TooManyRequestsError } from '@/lib/errors';
import { memberOfAssignment } from './policy.server';
import { MarkDoneSchema, ProgressBatchSchema, type ProgressEventInput } from './schema';
import { parseSeen } from './status';
import type { ProgressReceipt } from './types';

// Reading progress, sent by the reader in small batches of events. Each event carries the client's
// id: a resent event (same user, same id) changes nothing. A batch is applied whole, in one
// transaction that first locks the student's progress row, so two concurrent batches of the same
// student run one after the other and every event is counted once.

/** Most events one student may send for one assignment in FLOOD_WINDOW_MS; more are refused. */
export const FLOOD_LIMIT = 300;
export const FLOOD_WINDOW_MS = 10 * 60_000;
/** Active time may run ahead of the clock since opening by at most this (one active event's worth). */
export const ACTIVE_MARGIN_SECONDS = 30;

/** Locks the student's progress row (creating it first if needed) and reads it. */
async function lockProgress(tx: Tx, assignmentId: string, userId: string, paragraphCount: number) {
  const where = { assignmentId, userId };
  const { count } = await tx.assignmentProgress.updateMany({ where, data: { paragraphCount } });
  // A concurrent first batch may create the row first: P2002, and the whole transaction runs again.
  if (count === 0) await tx.assignmentProgress.create({ data: { ...where, paragraphCount } });
  return tx.assignmentProgress.findUniqueOrThrow({ where: { assignmentId_userId: where } });
}

function payloadOf(event: ProgressEventInput): string {
  const { paragraph, seconds, term } = event;
  return JSON.stringify({ paragraph, seconds, term });
}

/**
 * Records a batch of reading events of a member of the assignment's class (proved by the guard).
 * open: sets openedAt (once); seen: a paragraph on screen (its position must exist in the article);
 * active: seconds of active reading, never more in total than the time since opening (plus a margin);
 * lookup/save: a focus term looked up or saved (other terms are ignored); done: sets doneAt (once).
 * Events already recorded are skipped. At most FLOOD_LIMIT events per student and assignment in ten
 * minutes: a batch that would pass it is refused whole.
 */
async function record(
  userId: string,
  assignmentId: string,
  events: readonly ProgressEventInput[],
  now: Date,
): Promise<ProgressReceipt> {
  const assignment = await db.assignment.findUnique({ where: { id: assignmentId }, select: { articleId: true } });
  if (!assignment) throw new NotFoundError('classroom:errors.notFound');
  const paragraphCount = await db.paragraph.count({ where: { articleId: assignment.articleId } });
  if (events.some((e) => e.kind === 'seen' && (e.paragraph ?? 0) >= paragraphCount))
    throw new InvalidInputError('classroom:errors.invalid', { fieldErrors: { events: 'classroom:errors.paragraph' } });
  const focusTerms = await db.assignmentTerm.findMany({
    where: { assignmentId },
    select: { term: { select: { id: true, lemma: true } } },
  });
  const termIdOf = new Map(focusTerms.map((f) => [f.term.lemma, f.term.id]));

  // The first of several events with one id in a batch counts.
  const firstOfId = new Map<string, ProgressEventInput>();
  for (const e of events) if (!firstOfId.has(e.id)) firstOfId.set(e.id, e);
  const batch = [...firstOfId.values()];

  // The events not yet recorded are written in one transaction. One recorded meanwhile by a concurrent
  // call of the same student makes the insert fail (P2002, the events' unique ids): the transaction
  // rolls back and all this runs again, now with that event among the known ones.
  return retrying(async () => {
    const known = await db.progressEvent.findMany({
      where: { userId, clientEventId: { in: batch.map((e) => e.id) } },
      select: { clientEventId: true },
    });
    const knownIds = new Set(known.map((k) => k.clientEventId));
    const fresh = batch.filter((e) => !knownIds.has(e.id));
    const receipt = { accepted: fresh.length, duplicates: events.length - fresh.length };
    // A batch sent again: answered without writing, so that nothing at all changes.
    if (fresh.length === 0) return receipt;

    await db.$transaction(async (tx) => {
      const progress = await lockProgress(tx, assignmentId, userId, paragraphCount);
      await tx.progressEvent.createMany({
        data: fresh.map((e) => ({
          assignmentId,
          userId,
          clientEventId: e.id,
          kind: e.kind,
          payload: payloadOf(e),
          createdAt: now,
        })),
      });
      // Counted with the batch just written: a flood rolls it back.
      const recent = await tx.progressEvent.count({
        where: { assignmentId, userId, createdAt: { gt: new Date(now.getTime() - FLOOD_WINDOW_MS) } },
      });
      if (recent > FLOOD_LIMIT) throw new TooManyRequestsError('classroom:errors.tooManyEvents');

      let openedAt = progress.openedAt;
      let doneAt = progress.doneAt;
      const seen = new Set(parseSeen(progress.paragraphsSeen));
      let seconds = 0;
      const lookups = new Map<string, { termId: string; kind: 'lookup' | 'save'; count: number }>();
      for (const e of fresh) {
        if (e.kind === 'open') openedAt ??= now;
        else if (e.kind === 'done') doneAt ??= now;
        else if (e.kind === 'seen') seen.add(e.paragraph!);
        else if (e.kind === 'active') seconds += e.seconds!;
        else {
          const termId = termIdOf.get(e.term!);
          if (!termId) continue;
          const key = `${termId}\u0000${e.kind}`;
          const entry = lookups.get(key) ?? { termId, kind: e.kind, count: 0 };
          entry.count++;
          lookups.set(key, entry);
        }
      }
      // Active time counts only after opening, and never more than the clock allows since then.
      let activeSeconds = progress.activeSeconds;
      if (openedAt && seconds > 0) {
        const cap = Math.floor((now.getTime() - openedAt.getTime()) / 1000) + ACTIVE_MARGIN_SECONDS;
        activeSeconds = Math.max(activeSeconds, Math.min(activeSeconds + seconds, cap));
      }
      await tx.assignmentProgress.update({
        where: { assignmentId_userId: { assignmentId, userId } },
        data: {
          openedAt,
          doneAt,
          activeSeconds,
          paragraphsSeen: JSON.stringify([...seen].sort((a, b) => a - b)),
          paragraphCount,
        },
      });
      for (const { termId, kind, count } of lookups.values()) {
        const id = { assignmentId, userId, termId, kind };
        const { count: updated } = await tx.termLookup.updateMany({
          where: id,
          data: { count: { increment: count }, lastAt: now },
        });
        if (updated === 0) await tx.termLookup.create({ data: { ...id, count, firstAt: now, lastAt: now } });
      }
    });
    return receipt;
  });
}

/** A batch of the student's reading events (the reader's tracking island, by the progress route). */
export const recordProgress = command({
  input: ProgressBatchSchema,
  invalid: 'classroom:errors.invalid',
  guard: memberOfAssignment,
  run: ({ userId }, { assignmentId, events }) => record(userId, assignmentId, events, new Date()),
});

/** The student marks an assignment done: one 'done' progress event (idempotent by its id). */
export const markDone = command({
  input: MarkDoneSchema,
  invalid: 'classroom:errors.invalid',
  guard: memberOfAssignment,
  run: ({ userId }, { assignmentId, eventId }) =>
    record(userId, assignmentId, [{ id: eventId, kind: 'done' }], new Date()),
});
