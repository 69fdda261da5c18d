import 'server-only';
import { command } from '@/lib/action.server';
import { db } from '@/lib/db.server';
import { NotFoundError } from '@/lib/errors';
import { userChanged } from './auth.server';
import { admin } from './guards.server';
import { invitationExpiry, invitationHash, newInvitationToken } from './invitation-token.server';
import { CreateInvitationSchema, INVALID, RevokeInvitationSchema, TeacherRequestSchema } from './schema';

// What admins do about who may teach (docs/decisions/021-teacher-approval.md): approve or decline a
// teacher sign-up that waits, and make (or withdraw) invitation links for sign-ups that teach at once.

const FORBIDDEN = 'admin:errors.forbidden';
const NOT_PENDING = 'admin:errors.notPending';
const INVITATION_GONE = 'admin:errors.invitationGone';

/**
 * Settles a teacher sign-up that still waits (compare-and-set on `teacherRequest = pending`), so two
 * admins deciding at once, or a stale page, decide once; anything else is not found.
 */
async function settle(userId: string, data: { role?: 'teacher'; teacherRequest: 'declined' | null }) {
  const { count } = await db.user.updateMany({ where: { id: userId, teacherRequest: 'pending' }, data });
  if (count !== 1) throw new NotFoundError(NOT_PENDING);
  await userChanged(userId);
  return { userId };
}

/** Makes a waiting teacher sign-up a teacher. */
export const approveTeacher = command({
  input: TeacherRequestSchema,
  invalid: INVALID,
  guard: admin(FORBIDDEN),
  run: (_actor, { userId }) => settle(userId, { role: 'teacher', teacherRequest: null }),
});

/** Declines a waiting teacher sign-up: the account stays a learner, and is told so on the teaching page. */
export const declineTeacher = command({
  input: TeacherRequestSchema,
  invalid: INVALID,
  guard: admin(FORBIDDEN),
  run: (_actor, { userId }) => settle(userId, { teacherRequest: 'declined' }),
});

/**
 * A new invitation link for one teacher sign-up. The token is returned this once and stored only as
 * its hash; the link works once, until `expiresAt`.
 */
export const createInvitation = command({
  input: CreateInvitationSchema,
  invalid: INVALID,
  guard: admin(FORBIDDEN),
  run: async ({ userId }) => {
    const token = newInvitationToken();
    const now = new Date();
    const { expiresAt } = await db.teacherInvitation.create({
      data: { tokenHash: invitationHash(token), createdById: userId, createdAt: now, expiresAt: invitationExpiry(now) },
      select: { expiresAt: true },
    });
    return { token, expiresAt: expiresAt.toISOString() };
  },
});

/** Withdraws an invitation link nobody has used: the link then names nothing. */
export const revokeInvitation = command({
  input: RevokeInvitationSchema,
  invalid: INVALID,
  guard: admin(FORBIDDEN),
  run: async (_actor, { invitationId }) => {
    const { count } = await db.teacherInvitation.deleteMany({ where: { id: invitationId, usedAt: null } });
    if (count !== 1) throw new NotFoundError(INVITATION_GONE);
    return { invitationId };
  },
});
