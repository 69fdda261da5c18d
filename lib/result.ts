/**
 * What every server action answers, and what a route handler's JSON error carries: data, or a failure
 * whose messages are i18n keys (never English text): `error` for the whole form, `fieldErrors` per
 * field. Expected failures are results; unexpected ones throw.
 */
export type Failure = { ok: false; error: string; fieldErrors?: Record<string, string> };
export type Result<T> = { ok: true; data: T } | Failure;

type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };

const I18N_KEY = /^[a-z][a-zA-Z]*:[a-zA-Z0-9.]+$/;

/**
 * The first issue of each field of a failed zod parse as i18n keys (field `form` for issues without a
 * path). A message that is not an i18n key — zod's own English — becomes `fallback`.
 */
export function fieldErrorsOf(issues: readonly Issue[], fallback: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= I18N_KEY.test(issue.message) ? issue.message : fallback;
  }
  return errors;
}
