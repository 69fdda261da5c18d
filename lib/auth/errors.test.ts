import { expect, test } from 'vitest';
import { authErrorCode, authErrorKey, throttledMessage } from './errors';

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

test('a throttled request says how long to wait, from its Retry-After', () => {
  const wait = (headers: Record<string, string>) => throttledMessage(new Headers(headers));
  expect(wait({ 'retry-after': '1' })).toEqual({ key: 'account:errors.tryAgainInSeconds', values: { seconds: 1 } });
  expect(wait({ 'retry-after': '119' })).toEqual({ key: 'account:errors.tryAgainInSeconds', values: { seconds: 119 } });
  expect(wait({ 'retry-after': '900' })).toEqual({ key: 'account:errors.tryAgainInMinutes', values: { minutes: 15 } });
  expect(wait({ 'retry-after': '3599' })).toEqual({ key: 'account:errors.tryAgainInMinutes', values: { minutes: 60 } });
  expect(wait({ 'x-retry-after': '7' })).toEqual({ key: 'account:errors.tryAgainInSeconds', values: { seconds: 7 } });
  for (const headers of [{}, { 'retry-after': 'soon' }, { 'retry-after': '0' }] as Record<string, string>[])
    expect(wait(headers)).toEqual({ key: 'account:errors.tooManyAttempts' });
});
