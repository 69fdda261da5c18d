/** better-auth's error codes, as the i18n keys the forms show; anything else is a generic failure. */
const MESSAGES: Record<string, string> = {
  INVALID_EMAIL_OR_PASSWORD: 'account:errors.invalidCredentials',
  INVALID_PASSWORD: 'account:errors.wrongPassword',
  USER_ALREADY_EXISTS: 'account:errors.emailTaken',
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: 'account:errors.emailTaken',
  PASSWORD_TOO_SHORT: 'account:errors.passwordTooShort',
  PASSWORD_TOO_LONG: 'account:errors.passwordTooLong',
  INVALID_EMAIL: 'account:errors.emailInvalid',
  ROLE_NOT_ALLOWED: 'account:errors.roleNotAllowed',
};

export function authErrorKey(error: { status?: number; code?: string } | null | undefined): string {
  if (!error) return 'account:errors.unexpected';
  if (error.status === 429) return 'account:errors.tooManyAttempts';
  return (error.code && MESSAGES[error.code]) || 'account:errors.unexpected';
}
