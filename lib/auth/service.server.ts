import 'server-only';
import { isAPIError } from 'better-auth/api';
import { command } from '@/lib/action.server';
import { db } from '@/lib/db.server';
import { ConflictError, InvalidInputError, SignedOutError, TooManyRequestsError } from '@/lib/errors';
import { auth, userChanged } from './auth.server';
import { authErrorKey } from './errors';
import { signedIn } from './guards.server';
import { mailTransport } from '@/lib/mail/service.server';
import { DeleteAccountSchema, INVALID, ProfileNameSchema, ResetTokenSchema } from './schema';

export { RESET_LINK_MINUTES } from './reset-mail.server';

/** Whether the app can send password-reset e-mail (not in production without SMTP_URL). */
export const passwordResetAvailable = mailTransport !== null;

/** A reset page's `token` query parameter, if it has the form of one (the server checks it when used). */
export function resetTokenOf(value: string | string[] | undefined): string | null {
  const parsed = ResetTokenSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

// What a signed-in user changes about their own account. Sign-up, sign-in and the password go through
// better-auth's own endpoints (/api/auth); these are the two things it must not do alone.

/** Renames the acting user (better-auth's update-user is disabled: it would also take `role`). */
export const updateProfileName = command({
  input: ProfileNameSchema,
  invalid: INVALID,
  guard: signedIn,
  run: async ({ userId }, { name }) => {
    await db.user.update({ where: { id: userId }, data: { name } });
    await userChanged(userId);
    return { name };
  },
});

/**
 * Deletes the account signed in on `headers` (the request's own cookies), after checking its password
 * again: its sessions end and the response expires its cookies (see deleteOwnDrafts for what goes).
 * Without a session on `headers` better-auth refuses, as signed out.
 */
export function deleteAccount(headers: Headers) {
  return command({
    input: DeleteAccountSchema,
    invalid: INVALID,
    guard: signedIn,
    run: async (_actor, { password }) => {
      try {
        await auth.api.deleteUser({ body: { password }, headers });
      } catch (error) {
        if (!isAPIError(error)) throw error;
        if (error.status === 'UNAUTHORIZED') throw new SignedOutError({ cause: error });
        // Password checks are throttled per account and address (lib/auth/attempts.server.ts).
        if (error.status === 'TOO_MANY_REQUESTS')
          throw new TooManyRequestsError('account:errors.tooManyAttempts', { cause: error });
        const key = authErrorKey({ code: (error.body as { code?: string } | undefined)?.code });
        throw key === 'account:errors.wrongPassword'
          ? new InvalidInputError(INVALID, { cause: error, fieldErrors: { password: key } })
          : new ConflictError(key, { cause: error });
      }
      return null;
    },
  });
}
