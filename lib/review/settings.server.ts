import 'server-only';
import { fieldErrorsOf } from '@/lib/action-result';
import { db } from '@/lib/db.server';
import { isValidTimeZone } from './day';
import { SettingsInputSchema } from './schema';
import type { LearnerSettingsView, SettingsResult } from './types';

export const DEFAULT_SETTINGS: LearnerSettingsView = { newCardsPerDay: 20, reviewsPerDay: 200, timeZone: 'UTC' };

/** The learner's settings; the defaults until they save their own. */
export async function getLearnerSettings(userId: string): Promise<LearnerSettingsView> {
  const row = await db.learnerSettings.findUnique({
    where: { userId },
    select: { newCardsPerDay: true, reviewsPerDay: true, timeZone: true },
  });
  if (!row) return { ...DEFAULT_SETTINGS };
  // A zone this runtime does not know (stored by a newer one) must not break every day computation.
  return { ...row, timeZone: isValidTimeZone(row.timeZone) ? row.timeZone : DEFAULT_SETTINGS.timeZone };
}

export async function updateLearnerSettings(userId: string, input: unknown): Promise<SettingsResult> {
  const parsed = SettingsInputSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, formError: 'review:errors.invalidInput', fieldErrors: fieldErrorsOf(parsed.error.issues) };
  }
  const data = await db.learnerSettings.upsert({
    where: { userId },
    create: { userId, ...parsed.data },
    update: parsed.data,
    select: { newCardsPerDay: true, reviewsPerDay: true, timeZone: true },
  });
  return { ok: true, data };
}
