import { fieldErrorsOf, type Failure } from './result';

/**
 * The expected failures of the app, shared by every domain. A service throws one (inside a
 * transaction it rolls the transaction back); the action pipeline (lib/action.server.ts) turns it
 * into a Failure and a route handler (lib/route.server.ts) into a JSON answer with `status`. `key` is
 * the i18n key the user is shown. Anything else that is thrown is a bug and stays an exception.
 */
export class AppError extends Error {
  constructor(
    readonly key: string,
    readonly status: number,
    options?: ErrorOptions & { fieldErrors?: Record<string, string> },
  ) {
    super(key, options);
    this.name = new.target.name;
    this.fieldErrors = options?.fieldErrors;
  }
  readonly fieldErrors: Record<string, string> | undefined;
}

/** The one key for "there is no session": signed out, or the session expired or was revoked. */
export const SIGNED_OUT = 'account:errors.signedOut';

export class SignedOutError extends AppError {
  constructor(options?: ErrorOptions) {
    super(SIGNED_OUT, 401, options);
  }
}

/** Input that its schema refuses: `key` for the form, the first problem of each field in `fieldErrors`. */
export class InvalidInputError extends AppError {
  constructor(key = 'errors:action.invalid', options?: ErrorOptions & { fieldErrors?: Record<string, string> }) {
    super(key, 400, options);
  }
  /**
   * A failed zod parse. The form's key is that of an issue about the whole input (no path), else
   * `key`; each field keeps its first key. Messages that are not i18n keys become `key`.
   */
  static of(issues: Parameters<typeof fieldErrorsOf>[0], key = 'errors:action.invalid'): InvalidInputError {
    const { form, ...fieldErrors } = fieldErrorsOf(issues, key);
    return new InvalidInputError(form ?? key, { fieldErrors });
  }
}

/** Signed in, but the role does not allow it (a learner importing articles). */
export class ForbiddenError extends AppError {
  constructor(key = 'errors:action.forbidden', options?: ErrorOptions) {
    super(key, 403, options);
  }
}

/** Missing — or someone else's, which must look exactly the same. */
export class NotFoundError extends AppError {
  constructor(key = 'errors:action.notFound', options?: ErrorOptions) {
    super(key, 404, options);
  }
}

/** The request is valid but the current state refuses it (an archived class, a stale edit). */
export class ConflictError extends AppError {
  constructor(key = 'errors:action.conflict', options?: ErrorOptions) {
    super(key, 409, options);
  }
}

/** A limit on how often something may be done was reached. */
export class TooManyRequestsError extends AppError {
  constructor(key = 'errors:action.tooMany', options?: ErrorOptions) {
    super(key, 429, options);
  }
}

/** An expected failure as the Failure an action answers. */
export function failureOf(error: AppError): Failure {
  return error.fieldErrors
    ? { ok: false, error: error.key, fieldErrors: error.fieldErrors }
    : { ok: false, error: error.key };
}
