import 'server-only';
import { db } from '@/lib/db.server';
import { invitationHash } from './invitation-token.server';
import { invitationStatus } from './queries.server';
import type { InvitationStatus } from './types';

// Using an invitation link up at sign-up (lib/auth/auth.server.ts): single-use by compare-and-set on
// usedAt, and only before it expires.

/**
 * Uses the invitation of `token` up, if it is still open at `now`: of two sign-ups racing with one
 * link, exactly one gets 'open'; the other learns why it cannot ('used', 'expired' or 'unknown').
 */
export async function redeemInvitation(token: string, now = new Date()): Promise<InvitationStatus> {
  const { count } = await db.teacherInvitation.updateMany({
    where: { tokenHash: invitationHash(token), usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count === 1) return 'open';
  const status = await invitationStatus(token, now);
  return status === 'open' ? 'used' : status;
}

/** Records which account used the invitation of `token`, once the account exists. */
export async function recordInvitationUse(token: string, userId: string): Promise<void> {
  await db.teacherInvitation.updateMany({
    where: { tokenHash: invitationHash(token), usedById: null },
    data: { usedById: userId },
  });
}
