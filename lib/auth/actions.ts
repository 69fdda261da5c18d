'use server';
import { headers } from 'next/headers';
import { perform } from '@/lib/action.server';
import { deleteAccount, updateProfileName } from './service.server';

// Server actions are public endpoints: each performs its command as the user of the session
// (lib/action.server.ts).

export async function renameAction(input: unknown) {
  return perform(updateProfileName, input);
}

/** Deletes the signed-in account after its password is given again; the session cookies are expired. */
export async function deleteAccountAction(input: unknown) {
  return perform(deleteAccount(await headers()), input);
}
