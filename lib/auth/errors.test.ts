import { expect, test } from 'vitest';
import { authErrorCode, authErrorKey } from './errors';

test('known codes map to their message, throttling to its own, the rest to a generic one', () => {
  expect(authErrorKey({ status: 401, code: 'INVALID_EMAIL_OR_PASSWORD' })).toBe('account:errors.invalidCredentials');
  expect(authErrorKey({ status: 422, code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL' })).toBe(
    'account:errors.emailTaken',
  );
  expect(authErrorKey({ status: 429 })).toBe('account:errors.tooManyAttempts');
  expect(authErrorKey({ status: 500, code: 'SOMETHING_NEW' })).toBe('account:errors.unexpected');
  expect(authErrorKey(null)).toBe('account:errors.unexpected');
});

test('a field the app’s schema refuses in an auth request comes back to the form as its own message', () => {
  for (const key of [
    'account:errors.nameTooLong',
    'account:errors.nameRequired',
    'account:errors.emailInvalid',
    'account:errors.passwordTooShort',
    'account:errors.passwordTooLong',
    'account:errors.passwordRequired',
    'account:errors.roleNotAllowed',
    'account:errors.invalid',
  ])
    expect(authErrorKey({ status: 400, code: authErrorCode(key) })).toBe(key);
  expect(authErrorCode('zod English')).toBe('INVALID_INPUT');
});
