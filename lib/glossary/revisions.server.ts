import 'server-only';
import type { Tx } from '@/lib/db.server';
import { snapshotOf, TERM_ROW_SELECT } from './entry';
import type { RevisionAction } from './schema';

/**
 * Records the entry as it is now as its next revision (who, what, when), in the caller's transaction,
 * and returns the entry's new version. Call it after every change of a Term row.
 */
export async function recordRevision(
  tx: Tx,
  termId: string,
  action: RevisionAction,
  authorId: string | null,
): Promise<number> {
  const { version } = await tx.term.update({
    where: { id: termId },
    data: { version: { increment: 1 } },
    select: { version: true },
  });
  const row = await tx.term.findUniqueOrThrow({ where: { id: termId }, select: TERM_ROW_SELECT });
  await tx.termRevision.create({
    data: { termId, version, action, authorId, snapshot: JSON.stringify(snapshotOf(row)) },
  });
  return version;
}
