import 'server-only';
import { retrying, TX_OPTIONS } from '@/lib/db-retry.server';
import { db } from '@/lib/db.server';
import { ProgressBatchSchema, type ProgressBatchInput, type ProgressEventInput } from './schema';
import { assignmentOfMember, invalid, NOT_FOUND, type Tx } from './shared.server';
import { parseSeen } from './status';
import type { ClassroomFailure, ClassroomResult, ProgressReceipt } from './types';

// Reading progress, sent by the reader in small batches of events. Each event carries the client's
// id: a resent event (same user, same id) changes nothing. A batch is applied whole, in one
// transaction that first locks the student's progress row, so two concurrent batches of the same
// student run one after the other and every event is counted once.

/** Most events one student may send for one assignment in FLOOD_WINDOW_MS; more are refused. */
export const FLOOD_LIMIT = 300;
export const FLOOD_WINDOW_MS = 10 * 60_000;
/** Active time may run ahead of the clock since opening by at most this (one active event's worth). */
export const ACTIVE_MARGIN_SECONDS = 30;

const TOO_MANY: ClassroomFailure = { ok: false, error: 'classroom:errors.tooManyEvents' };

/** Thrown inside the transaction to roll back everything it wrote, with the answer to give. */
class Refusal extends Error {
  constructor(readonly failure: ClassroomResult<ProgressReceipt>) {
    super('progress batch rolled back');
  }
}

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
 * Records a batch of reading events of a member of the assignment's class. open: sets openedAt (once);
 * seen: a paragraph on screen (its position must exist in the article); active: seconds of active
 * reading, never more in total than the time since opening (plus a margin); lookup/save: a focus
 * term looked up or saved (other terms are ignored); done: sets doneAt (once). Events already
 * recorded are skipped. At most FLOOD_LIMIT events per student and assignment in ten minutes: a batch
 * that would pass it is refused whole.
 */
export async function recordProgress(
  userId: string,
  input: ProgressBatchInput,
  now: Date = new Date(),
): Promise<ClassroomResult<ProgressReceipt>> {
  const parsed = ProgressBatchSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const { assignmentId, events } = parsed.data;
  const assignment = await assignmentOfMember(userId, assignmentId);
  if (!assignment) return NOT_FOUND;

  const paragraphCount = await db.paragraph.count({ where: { articleId: assignment.articleId } });
  const badParagraph = events.findIndex((e) => e.kind === 'seen' && (e.paragraph ?? 0) >= paragraphCount);
  if (badParagraph >= 0)
    return { ok: false, error: 'classroom:errors.invalid', fieldErrors: { events: 'classroom:errors.paragraph' } };
  const focusTerms = await db.assignmentTerm.findMany({
    where: { assignmentId },
    select: { term: { select: { id: true, lemma: true } } },
  });
  const termIdOf = new Map(focusTerms.map((f) => [f.term.lemma, f.term.id]));

  // The first of several events with one id in a batch counts.
  const firstOfId = new Map<string, ProgressEventInput>();
  for (const e of events) if (!firstOfId.has(e.id)) firstOfId.set(e.id, e);
  const batch = [...firstOfId.values()];

  // A batch sent again: answered without taking the lock, so that nothing at all changes.
  const known0 = await db.progressEvent.count({ where: { userId, clientEventId: { in: batch.map((e) => e.id) } } });
  if (known0 === batch.length) return { ok: true, data: { accepted: 0, duplicates: events.length } };

  try {
    return await retrying(() =>
      db.$transaction(async (tx): Promise<ClassroomResult<ProgressReceipt>> => {
        const progress = await lockProgress(tx, assignmentId, userId, paragraphCount);
        const known = await tx.progressEvent.findMany({
          where: { userId, clientEventId: { in: batch.map((e) => e.id) } },
          select: { clientEventId: true },
        });
        const knownIds = new Set(known.map((k) => k.clientEventId));
        const fresh = batch.filter((e) => !knownIds.has(e.id));
        const receipt = { accepted: fresh.length, duplicates: events.length - fresh.length };
        // Resent meanwhile by a concurrent call: roll the lock's write back too.
        if (fresh.length === 0) throw new Refusal({ ok: true, data: receipt });

        const recent = await tx.progressEvent.count({
          where: { assignmentId, userId, createdAt: { gt: new Date(now.getTime() - FLOOD_WINDOW_MS) } },
        });
        if (recent + fresh.length > FLOOD_LIMIT) throw new Refusal(TOO_MANY);
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
        return { ok: true, data: receipt };
      }, TX_OPTIONS),
    );
  } catch (error) {
    if (error instanceof Refusal) return error.failure;
    throw error;
  }
}
