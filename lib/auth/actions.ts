'use server';
import { headers } from 'next/headers';
import { perform } from '@/lib/action.server';
import { deleteAccount, updateProfileName } from './service.server';
import { approveTeacher, createInvitation, declineTeacher, revokeInvitation } from './teachers.server';

// Server actions are public endpoints: each performs its command as the user of the session
// (lib/action.server.ts).

export async function renameAction(input: unknown) {
  return perform(updateProfileName, input);
}

/** Deletes the signed-in account after its password is given again; the session cookies are expired. */
export async function deleteAccountAction(input: unknown) {
  return perform(deleteAccount(await headers()), input);
}

// Admins: who may teach (lib/auth/teachers.server.ts).

export async function approveTeacherAction(input: unknown) {
  return perform(approveTeacher, input);
}

export async function declineTeacherAction(input: unknown) {
  return perform(declineTeacher, input);
}

export async function createInvitationAction(input: unknown) {
  return perform(createInvitation, input);
}

export async function revokeInvitationAction(input: unknown) {
  return perform(revokeInvitation, input);
}
