'use server';
import { perform } from '@/lib/action.server';
import {
  approveTerm,
  createTerm,
  grantEditor,
  lookUpGrammar,
  previewTerm,
  rejectTerm,
  restoreRevision,
  retireTerm,
  revokeEditor,
  updateTerm,
} from './editing.server';

// Server actions are public endpoints: each performs its command as the user of the session
// (lib/action.server.ts). The glossary editor's (./editing.server.ts).

export async function createTermAction(input: unknown) {
  return perform(createTerm, input);
}
export async function updateTermAction(input: unknown) {
  return perform(updateTerm, input);
}
export async function approveTermAction(input: unknown) {
  return perform(approveTerm, input);
}
export async function rejectTermAction(input: unknown) {
  return perform(rejectTerm, input);
}
export async function retireTermAction(input: unknown) {
  return perform(retireTerm, input);
}
export async function restoreRevisionAction(input: unknown) {
  return perform(restoreRevision, input);
}
export async function previewTermAction(input: unknown) {
  return perform(previewTerm, input);
}
export async function lookUpGrammarAction(input: unknown) {
  return perform(lookUpGrammar, input);
}
export async function grantEditorAction(input: unknown) {
  return perform(grantEditor, input);
}
export async function revokeEditorAction(input: unknown) {
  return perform(revokeEditor, input);
}
