'use server';
import { perform } from '@/lib/action.server';
import {
  deleteGroup,
  joinGroups,
  joinParagraphs,
  splitGroup,
  splitParagraph,
  updateGroup,
  updateHeading,
  updateNote,
  updateSource,
  updateTitle,
} from './editor.server';
import { createDraft, importLink } from './import.server';
import { unpublish, updateVisibility } from './publish.server';
import { machineTranslate } from './translate.server';

// Server actions are public endpoints: each performs its command as the user of the session
// (lib/action.server.ts). Publishing streams its progress and is the route /api/teach/articles/<slug>/publish.

export async function createDraftAction(input: unknown) {
  return perform(createDraft, input);
}
export async function importLinkAction(input: unknown) {
  return perform(importLink, input);
}
export async function updateGroupAction(input: unknown) {
  return perform(updateGroup, input);
}
export async function updateNoteAction(input: unknown) {
  return perform(updateNote, input);
}
export async function splitGroupAction(input: unknown) {
  return perform(splitGroup, input);
}
export async function joinGroupsAction(input: unknown) {
  return perform(joinGroups, input);
}
export async function splitParagraphAction(input: unknown) {
  return perform(splitParagraph, input);
}
export async function joinParagraphsAction(input: unknown) {
  return perform(joinParagraphs, input);
}
export async function updateTitleAction(input: unknown) {
  return perform(updateTitle, input);
}
export async function updateHeadingAction(input: unknown) {
  return perform(updateHeading, input);
}
export async function machineTranslateAction(input: unknown) {
  return perform(machineTranslate(), input);
}
export async function unpublishAction(input: unknown) {
  return perform(unpublish, input);
}
export async function deleteGroupAction(input: unknown) {
  return perform(deleteGroup, input);
}
export async function updateSourceAction(input: unknown) {
  return perform(updateSource, input);
}
export async function updateVisibilityAction(input: unknown) {
  return perform(updateVisibility, input);
}
