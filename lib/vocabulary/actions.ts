'use server';
import { perform } from '@/lib/action.server';
import { applyImport, previewImport } from './import.server';
import {
  bulkSetStatus,
  deleteEntries,
  markRemainingKnown,
  savePhrase,
  saveTerm,
  saveWord,
  updateEntry,
} from './service.server';

// Server actions are public endpoints: each performs its command as the user of the session cookie
// (lib/action.server.ts), which parses the untrusted input and scopes every query to that user.

export async function saveWordAction(input: unknown) {
  return perform(saveWord, input);
}
export async function saveTermAction(input: unknown) {
  return perform(saveTerm, input);
}
export async function savePhraseAction(input: unknown) {
  return perform(savePhrase, input);
}
export async function bulkSetStatusAction(input: unknown) {
  return perform(bulkSetStatus, input);
}
export async function updateEntryAction(input: unknown) {
  return perform(updateEntry, input);
}
export async function deleteEntriesAction(input: unknown) {
  return perform(deleteEntries, input);
}
export async function markRemainingKnownAction(input: unknown) {
  return perform(markRemainingKnown, input);
}
/** What importing a CSV text would do, row by row, with every error; writes nothing. */
export async function previewImportAction(text: unknown) {
  return perform(previewImport, text);
}
/** Imports a CSV text: the server parses it again, and a file with any error writes nothing. */
export async function applyImportAction(text: unknown) {
  return perform(applyImport, text);
}
