import type { ImportingResult } from './types';

// Turning expected failures into results whose messages are i18n keys in the `import` namespace.

export function failure(error: string, fieldErrors?: Record<string, string>): ImportingResult<never> {
  return fieldErrors ? { ok: false, error, fieldErrors } : { ok: false, error };
}

/** A failed zod parse: the first issue's key as the error, each field's first key; stray messages become 'import:errors.invalid'. */
export function invalid(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ImportingResult<never> {
  const key = (message: string) => (message.startsWith('import:') ? message : 'import:errors.invalid');
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) fieldErrors[String(issue.path[0] ?? 'form')] ??= key(issue.message);
  return failure(key(issues[0]?.message ?? ''), fieldErrors);
}
