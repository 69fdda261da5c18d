'use server';
import { perform } from '@/lib/action.server';
import { gradeReviewCard, updateLearnerSettings } from './service.server';

// Public endpoints: each performs its command as the user of the session cookie
// (lib/action.server.ts), which parses the untrusted input and scopes every query to that user.

export async function gradeAction(input: unknown) {
  return perform(gradeReviewCard, input);
}
export async function updateSettingsAction(input: unknown) {
  return perform(updateLearnerSettings, input);
}
