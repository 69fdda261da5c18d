'use server';
import { revalidatePath } from 'next/cache';
import { getCurrentUser } from '@/lib/auth/session.server';
import { gradeReviewCard } from './queue.server';
import { updateLearnerSettings } from './settings.server';
import type { GradeResult, SettingsResult } from './types';

// Public endpoints: each finds the acting user from the session; the services validate the input
// and scope every query to that user.

export async function gradeAction(
  input: unknown,
): Promise<GradeResult | { ok: false; reason: 'signed-out'; formError: 'account:errors.signedOut' }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, reason: 'signed-out', formError: 'account:errors.signedOut' };
  return gradeReviewCard(user.id, input);
}

export async function updateSettingsAction(
  input: unknown,
): Promise<SettingsResult | { ok: false; formError: 'account:errors.signedOut' }> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, formError: 'account:errors.signedOut' };
  const result = await updateLearnerSettings(user.id, input);
  if (result.ok) revalidatePath('/[locale]', 'layout');
  return result;
}
