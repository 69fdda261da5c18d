import { expect, test } from 'vitest';
import { parseEnv } from './env.server';

test('TEACHER_SIGNUP: open in development, approval elsewhere, or as a deployment sets it', () => {
  expect(parseEnv({ NODE_ENV: 'development' }).TEACHER_SIGNUP).toBe('open');
  expect(parseEnv({ NODE_ENV: 'test' }).TEACHER_SIGNUP).toBe('approval');
  const secret = 'x'.repeat(32);
  expect(parseEnv({ NODE_ENV: 'production', BETTER_AUTH_SECRET: secret }).TEACHER_SIGNUP).toBe('approval');
  expect(parseEnv({ NODE_ENV: 'production', BETTER_AUTH_SECRET: secret, TEACHER_SIGNUP: 'open' }).TEACHER_SIGNUP).toBe(
    'open',
  );
  expect(parseEnv({ NODE_ENV: 'development', TEACHER_SIGNUP: 'approval' }).TEACHER_SIGNUP).toBe('approval');
  expect(() => parseEnv({ TEACHER_SIGNUP: 'anyone' })).toThrow(/TEACHER_SIGNUP: must be open or approval/);
});
