import 'server-only';
import { db } from '@/lib/db.server';
import { invitationHash } from './invitation-token.server';
import { canEditGlossary, type Role, roleOf, teachingAccess, type TeachingAccess } from './roles';
import { InvitationTokenSchema } from './schema';
import type { InvitationStatus, InvitationView, TeacherRequestView } from './types';

// Reads of accounts: the role every guard checks, the account page's profile, and what the admins'
// teacher page lists (docs/decisions/021-teacher-approval.md).

/** The role stored for a user (authorization always reads it here, never from a client); null for an unknown id. */
export async function storedRole(userId: string): Promise<Role | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  return user ? roleOf(user.role) : null;
}

/** May the user edit the glossary: an admin, or a teacher an admin made an editor (read from the database). */
export async function isGlossaryEditor(userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, glossaryEditor: true } });
  return !!user && canEditGlossary(roleOf(user.role), user.glossaryEditor);
}

/** Where a user stands towards teaching, from the stored role and request; null for an unknown id. */
export async function storedTeachingAccess(userId: string): Promise<TeachingAccess | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, teacherRequest: true } });
  return user ? teachingAccess(roleOf(user.role), user.teacherRequest) : null;
}

export type Profile = {
  id: string;
  name: string;
  email: string;
  role: Role;
  teaching: TeachingAccess;
  createdAt: Date;
};

export async function getProfile(userId: string): Promise<Profile | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, teacherRequest: true, createdAt: true },
  });
  if (!user) return null;
  const { teacherRequest, ...profile } = user;
  const role = roleOf(user.role);
  return { ...profile, role, teaching: teachingAccess(role, teacherRequest) };
}

/** Teacher sign-ups waiting for an admin, oldest first. */
export async function pendingTeacherRequests(): Promise<TeacherRequestView[]> {
  const users = await db.user.findMany({
    where: { teacherRequest: 'pending' },
    select: { id: true, name: true, email: true, createdAt: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return users.map(({ createdAt, ...user }) => ({ ...user, requestedAt: createdAt }));
}

/** Invitation links that still work at `now` (their links were shown once, when made), newest first. */
export async function openInvitations(now = new Date()): Promise<InvitationView[]> {
  const rows = await db.teacherInvitation.findMany({
    where: { usedAt: null, expiresAt: { gt: now } },
    select: { id: true, createdAt: true, expiresAt: true, createdBy: { select: { name: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  });
  return rows.map(({ createdBy, ...row }) => ({ ...row, createdBy: createdBy?.name ?? null }));
}

/** What an invitation token names: a link that still works, one already used, one past its time, or nothing. */
export async function invitationStatus(token: string, now = new Date()): Promise<InvitationStatus> {
  const found = await db.teacherInvitation.findUnique({
    where: { tokenHash: invitationHash(token) },
    select: { usedAt: true, expiresAt: true },
  });
  if (!found) return 'unknown';
  if (found.usedAt) return 'used';
  return found.expiresAt <= now ? 'expired' : 'open';
}

/** The invitation a sign-up page's `?invitation=` names: none, or its token (when well-formed) and status. */
export async function signUpInvitation(
  raw: unknown,
): Promise<{ token: string; status: 'open' } | { status: Exclude<InvitationStatus, 'open'> } | null> {
  if (raw === undefined) return null;
  const token = InvitationTokenSchema.safeParse(raw);
  if (!token.success) return { status: 'unknown' };
  const status = await invitationStatus(token.data);
  return status === 'open' ? { token: token.data, status } : { status };
}
