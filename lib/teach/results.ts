import { fieldErrorsOf } from '@/lib/action-result';
import type { ImportingResult } from './types';

const INVALID = 'teach:errors.invalid';

// Turning expected failures into results whose messages are i18n keys in the `import` namespace.

export function failure(error: string, fieldErrors?: Record<string, string>): ImportingResult<never> {
  return fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error };
}

/** A failed zod parse: the first issue's key as the error, each field's first key; stray messages become 'teach:errors.invalid'. */
export function invalid(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ImportingResult<never> {
  const fieldErrors = fieldErrorsOf(issues, INVALID);
  const first = issues[0]?.message ?? '';
  return failure(first.startsWith('teach:') ? first : INVALID, fieldErrors);
}
