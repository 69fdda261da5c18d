'use server';
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import type { ActionResult } from '@/lib/action-result';
import { deleteAccount, updateProfileName } from './accounts.server';
import { getCurrentUser } from './session.server';

// Server actions are public endpoints: each one finds the acting user itself and validates its input.

export async function renameAction(input: unknown): Promise<ActionResult<{ name: string }>> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, formError: 'account:errors.signedOut' };
  const result = await updateProfileName(user.id, input);
  if (result.ok) revalidatePath('/[locale]/account', 'page');
  return result;
}

/** Deletes the signed-in account after its password is given again; the session cookies are expired. */
export async function deleteAccountAction(input: unknown): Promise<ActionResult<null>> {
  return deleteAccount(await headers(), input);
}
