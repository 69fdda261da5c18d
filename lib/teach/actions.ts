'use server';
import { asSignedInUser } from '@/lib/auth/acting-user.server';
import {
  joinGroups,
  joinParagraphs,
  splitGroup,
  splitParagraph,
  updateGroup,
  updateHeading,
  updateTitle,
} from './editor.server';
import { createDraft } from './import.server';
import { unpublishArticle } from './publish.server';
import { revalidateArticle } from './revalidate';
import { machineTranslate } from './translate.server';
import type { ImportingResult } from './types';

// Server actions are public endpoints: each finds the acting user from the session cookie and hands
// the untrusted input to the importing services, which validate it with zod, check the role and
// scope every query to articles the user owns (someone else's slug behaves like a missing one).
/** Creates a draft from pasted text or a file's text; all or nothing. */
export async function createDraftAction(input: unknown) {
  return asSignedInUser((userId) => createDraft(userId, input));
}
export async function updateGroupAction(input: unknown) {
  return asSignedInUser((userId) => updateGroup(userId, input));
}
export async function splitGroupAction(input: unknown) {
  return asSignedInUser((userId) => splitGroup(userId, input));
}
export async function joinGroupsAction(input: unknown) {
  return asSignedInUser((userId) => joinGroups(userId, input));
}
export async function splitParagraphAction(input: unknown) {
  return asSignedInUser((userId) => splitParagraph(userId, input));
}
export async function joinParagraphsAction(input: unknown) {
  return asSignedInUser((userId) => joinParagraphs(userId, input));
}
export async function updateTitleAction(input: unknown) {
  return asSignedInUser((userId) => updateTitle(userId, input));
}
export async function updateHeadingAction(input: unknown) {
  return asSignedInUser((userId) => updateHeading(userId, input));
}
export async function machineTranslateAction(input: unknown) {
  return asSignedInUser((userId) => machineTranslate(userId, input as Parameters<typeof machineTranslate>[1]));
}

/** Takes an article out of the library; its reader page and words are dropped from Next's cache. */
export async function unpublishAction(input: unknown) {
  return asSignedInUser(async (userId) => {
    const result = await unpublishArticle(userId, input as Parameters<typeof unpublishArticle>[1]);
    if (result.ok) revalidateArticle(result.data.slug);
    return result;
  });
}
