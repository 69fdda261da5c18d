import 'server-only';
import { APIError } from 'better-auth/api';
import type { z } from 'zod';
import { fieldErrorsOf } from '@/lib/result';
import { authErrorCode } from './errors';
import { INVALID, RequestPasswordResetSchema, ResetPasswordSchema, SignInSchema, SignUpRequestSchema } from './schema';

/**
 * The app's own schema for each better-auth endpoint whose body reaches the database: sign-up (the new
 * user row) and sign-in (the e-mail keys the per-account attempt counter). better-auth itself checks
 * only the password's length and the e-mail's shape, and would store a name of any length.
 * The password-reset endpoints pass theirs too: the e-mail's address and the page its link opens, the
 * new password and the link's token. Change-password needs none here: better-auth checks both
 * passwords against PASSWORD_MIN/PASSWORD_MAX (the same limits); update-user, change-email and
 * delete-user are disabled (lib/auth/auth.server.ts).
 */
const BODIES: Partial<Record<string, z.ZodType<Record<string, unknown>>>> = {
  '/sign-up/email': SignUpRequestSchema,
  '/sign-in/email': SignInSchema,
  '/request-password-reset': RequestPasswordResetSchema,
  '/reset-password': ResetPasswordSchema,
};

/**
 * For a `before` hook: the request's body as the app's schema reads it (trimmed name, lower-case
 * e-mail, default role), to replace the one better-auth received; a 400 carrying the first refused
 * field's error code (lib/auth/errors.ts) when the schema refuses it; undefined for other endpoints.
 */
export function checkedAuthBody(
  path: string,
  body: unknown,
): { context: { body: Record<string, unknown> } } | undefined {
  const schema = BODIES[path];
  if (!schema) return undefined;
  const parsed = schema.safeParse(body);
  if (parsed.success) return { context: { body: parsed.data } };
  const [field, key] = Object.entries(fieldErrorsOf(parsed.error.issues, INVALID))[0] ?? ['form', INVALID];
  throw new APIError('BAD_REQUEST', { message: `invalid ${field}`, code: authErrorCode(key) });
}
