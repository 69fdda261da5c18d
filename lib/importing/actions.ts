'use server';
import { getCurrentUser } from '@/lib/auth/session.server';
import { joinGroups, joinParagraphs, splitGroup, splitParagraph, updateGroup, updateHeading, updateTitle } from './editor.server';
import { createDraft } from './import.server';
import { unpublishArticle } from './publish.server';
import { revalidateArticle } from './revalidate';
import { machineTranslate } from './translate.server';
import type { ImportingResult } from './types';

// Server actions are public endpoints: each finds the acting user from the session cookie and hands
// the untrusted input to the importing services, which validate it with zod, check the role and
// scope every query to articles the user owns (someone else's slug behaves like a missing one).
const SIGNED_OUT = { ok: false, error: 'account:errors.signedOut' } as const;

async function asUser<T>(run: (userId: string) => Promise<ImportingResult<T>>): Promise<ImportingResult<T>> {
  const user = await getCurrentUser();
  return user ? run(user.id) : SIGNED_OUT;
}

/** Creates a draft from pasted text or a file's text; all or nothing. */
export async function createDraftAction(input: unknown) {
  return asUser((userId) => createDraft(userId, input));
}
export async function updateGroupAction(input: unknown) {
  return asUser((userId) => updateGroup(userId, input));
}
export async function splitGroupAction(input: unknown) {
  return asUser((userId) => splitGroup(userId, input));
}
export async function joinGroupsAction(input: unknown) {
  return asUser((userId) => joinGroups(userId, input));
}
export async function splitParagraphAction(input: unknown) {
  return asUser((userId) => splitParagraph(userId, input));
}
export async function joinParagraphsAction(input: unknown) {
  return asUser((userId) => joinParagraphs(userId, input));
}
export async function updateTitleAction(input: unknown) {
  return asUser((userId) => updateTitle(userId, input));
}
export async function updateHeadingAction(input: unknown) {
  return asUser((userId) => updateHeading(userId, input));
}
export async function machineTranslateAction(input: unknown) {
  return asUser((userId) => machineTranslate(userId, input as Parameters<typeof machineTranslate>[1]));
}

/** Takes an article out of the library; its reader page and words are dropped from Next's cache. */
export async function unpublishAction(input: unknown) {
  return asUser(async (userId) => {
    const result = await unpublishArticle(userId, input as Parameters<typeof unpublishArticle>[1]);
    if (result.ok) revalidateArticle(result.data.slug);
    return result;
  });
}
