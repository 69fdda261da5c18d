/**
 * What a server action answers: data, or errors as i18n keys (never English text), per field and/or
 * for the whole form. Expected failures are results; unexpected ones throw.
 */
export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; formError?: string; fieldErrors?: Record<string, string> };

/**
 * The first issue of each field of a failed zod parse, as i18n keys. With `fallback` (a key such as
 * 'classroom:errors.invalid'), a message outside its namespace — zod's own text — becomes `fallback`.
 */
export function fieldErrorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  fallback?: string,
): Record<string, string> {
  const namespace = fallback ? fallback.slice(0, fallback.indexOf(':') + 1) : '';
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= fallback && !issue.message.startsWith(namespace) ? fallback : issue.message;
  }
  return errors;
}
