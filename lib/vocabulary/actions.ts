'use server';
import { asSignedInUser, SIGNED_OUT } from '@/lib/auth/acting-user.server';
import { getCurrentUser } from '@/lib/auth/session.server';
import { bulkSetStatus, deleteEntries, markRemainingKnown, saveWord, updateEntry } from './service.server';
import { applyImport, previewImport } from './import.server';
import type { ImportError, ImportPreview, ImportSummary, VocabularyResult } from './types';

// Server actions are public endpoints: each finds the acting user from the session cookie and hands
// the untrusted input to the service, which validates it with zod and scopes every query to that user.
export async function saveWordAction(input: unknown) {
  return asSignedInUser((userId) => saveWord(userId, input as Parameters<typeof saveWord>[1]));
}
export async function bulkSetStatusAction(input: unknown) {
  return asSignedInUser((userId) => bulkSetStatus(userId, input as Parameters<typeof bulkSetStatus>[1]));
}
export async function updateEntryAction(input: unknown) {
  return asSignedInUser((userId) => updateEntry(userId, input as Parameters<typeof updateEntry>[1]));
}
export async function deleteEntriesAction(input: unknown) {
  return asSignedInUser((userId) => deleteEntries(userId, input as Parameters<typeof deleteEntries>[1]));
}
export async function markRemainingKnownAction(input: unknown) {
  return asSignedInUser((userId) => markRemainingKnown(userId, input as Parameters<typeof markRemainingKnown>[1]));
}

/** What importing a CSV text would do, row by row, with every error; writes nothing. */
export async function previewImportAction(text: unknown): Promise<VocabularyResult<ImportPreview>> {
  return asSignedInUser(async (userId) => ({ ok: true, data: await previewImport(userId, text as string) }));
}
/** Imports a CSV text: the server parses it again, and a file with any error writes nothing. */
export async function applyImportAction(
  text: unknown,
): Promise<{ ok: true; data: ImportSummary } | { ok: false; error: string; errors: ImportError[] }> {
  const user = await getCurrentUser();
  return user ? applyImport(user.id, text as string) : { ...SIGNED_OUT, errors: [] };
}
