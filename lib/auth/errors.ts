/**
 * better-auth's error codes, and ours for the fields the app's schema refuses before better-auth
 * sees them (lib/auth/input.server.ts), as the i18n keys the forms show; anything else is a generic
 * failure.
 */
const MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'account:errors.invalidCredentials',
  INVALID_PASSWORD: 'account:errors.wrongPassword',
  USER_ALREADY_EXISTS: 'account:errors.emailTaken',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'account:errors.emailTaken',
  PASSWORD_TOO_SHORT: 'account:errors.passwordTooShort',
  PASSWORD_TOO_LONG: 'account:errors.passwordTooLong',
  PASSWORD_REQUIRED: 'account:errors.passwordRequired',
  INVALID_EMAIL: 'account:errors.emailInvalid',
  NAME_REQUIRED: 'account:errors.nameRequired',
  NAME_TOO_LONG: 'account:errors.nameTooLong',
  ROLE_NOT_ALLOWED: 'account:errors.roleNotAllowed',
  INVITATION_USED: 'account:errors.invitationUsed',
  INVITATION_EXPIRED: 'account:errors.invitationExpired',
  INVITATION_UNKNOWN: 'account:errors.invitationUnknown',
  INVALID_TOKEN: 'account:errors.resetLinkInvalid',
  RESET_PASSWORD_DISABLED: 'account:errors.resetUnavailable',
  INVALID_INPUT: 'account:errors.invalid',
  PAYLOAD_TOO_LARGE: 'account:errors.invalid',
};

export function authErrorKey(error: { status?: number; code?: string } | null | undefined): string {
  if (!error) return 'account:errors.unexpected';
  if (error.status === 429) return 'account:errors.tooManyAttempts';
  return (error.code && MESSAGES[error.code]) || 'account:errors.unexpected';
}

/** The error code an auth request answers for a refused field's i18n key: the one authErrorKey maps back. */
export function authErrorCode(key: string): string {
  return Object.keys(MESSAGES).find((code) => MESSAGES[code] === key) ?? 'INVALID_INPUT';
}

/**
 * What a form shows for a throttled auth request (429): how long to wait, from its Retry-After header
 * (ours) or X-Retry-After (better-auth's own limiter), in seconds, or in minutes from two minutes on.
 */
export function throttledMessage(headers: Headers): { key: string; values?: Record<string, number> } {
  const seconds = Number(headers.get('retry-after') ?? headers.get('x-retry-after'));
  if (!Number.isFinite(seconds) || seconds <= 0) return { key: 'account:errors.tooManyAttempts' };
  if (seconds < 120) return { key: 'account:errors.tryAgainInSeconds', values: { seconds: Math.ceil(seconds) } };
  return { key: 'account:errors.tryAgainInMinutes', values: { minutes: Math.ceil(seconds / 60) } };
}
