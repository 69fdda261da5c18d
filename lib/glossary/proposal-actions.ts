'use server';
import { perform } from '@/lib/action.server';
import { proposeTerms } from './proposals.server';

// Server actions are public endpoints: each performs its command as the user of the session.

export async function proposeTermsAction(input: unknown) {
  return perform(proposeTerms, input);
}
