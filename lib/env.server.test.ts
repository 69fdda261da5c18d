import { expect, test } from 'vitest';
import { parseEnv } from './env.server';
import { redisSettings } from './page-cache/settings.mjs';

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

test('SMTP_URL: an smtp:// or smtps:// URL, and then MAIL_FROM is required', () => {
  const from = 'Lesebrücke <no-reply@reader.example.org>';
  expect(parseEnv({ SMTP_URL: 'smtp://mail.example.org:587', MAIL_FROM: from }).SMTP_URL).toBe(
    'smtp://mail.example.org:587',
  );
  expect(parseEnv({ SMTP_URL: 'smtps://u:p@mail.example.org', MAIL_FROM: 'a@b.example' }).MAIL_FROM).toBe(
    'a@b.example',
  );
  expect(() => parseEnv({ SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL: must be an smtp/);
  expect(() => parseEnv({ SMTP_URL: 'smtp://mail.example.org' })).toThrow(/MAIL_FROM: is required with SMTP_URL/);
  expect(() => parseEnv({ MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM: must be an address/);
  expect(() => parseEnv({ MAIL_FROM: 'x <a@b.example>\r\nBcc: c@d.example' })).toThrow(/MAIL_FROM/);
  expect(parseEnv({}).SMTP_URL).toBeUndefined();
});

test('REDIS_URL: a redis:// or rediss:// URL, read the same way by the page cache outside the bundle', () => {
  expect(parseEnv({ REDIS_URL: 'redis://127.0.0.1:6379/0' })).toMatchObject({
    REDIS_URL: 'redis://127.0.0.1:6379/0',
    REDIS_PREFIX: 'lesebruecke:',
  });
  expect(parseEnv({ REDIS_URL: 'rediss://u:p@cache.example.org', REDIS_PREFIX: 'school:' }).REDIS_PREFIX).toBe(
    'school:',
  );
  expect(() => parseEnv({ REDIS_URL: 'http://cache.example.org' })).toThrow(/REDIS_URL: must be a redis/);
  expect(() => redisSettings({ REDIS_URL: 'http://cache.example.org' })).toThrow(/REDIS_URL: must be a redis/);
  expect(redisSettings({ REDIS_URL: 'redis://cache.example.org' })).toEqual({
    url: 'redis://cache.example.org',
    prefix: 'lesebruecke:',
  });
  expect(parseEnv({}).REDIS_URL).toBeUndefined();
  expect(redisSettings({})).toBeNull();
});

test('JOB_WORKER: embedded unless a deployment runs an external worker', () => {
  expect(parseEnv({}).JOB_WORKER).toBe('embedded');
  expect(parseEnv({ JOB_WORKER: 'external' }).JOB_WORKER).toBe('external');
  expect(() => parseEnv({ JOB_WORKER: 'elsewhere' })).toThrow(/JOB_WORKER: must be embedded or external/);
});

test('DATABASE_POOL_SIZE: node-postgres’s default unless set to a whole number', () => {
  expect(parseEnv({}).DATABASE_POOL_SIZE).toBeUndefined();
  expect(parseEnv({ DATABASE_POOL_SIZE: '30' }).DATABASE_POOL_SIZE).toBe(30);
  for (const bad of ['0', '2.5', 'many'])
    expect(() => parseEnv({ DATABASE_POOL_SIZE: bad })).toThrow(/DATABASE_POOL_SIZE: must be a whole number/);
});

test('IMPORT_FETCH_ALLOW_HOSTS: none unless set, and then exact host:port pairs only', () => {
  expect(parseEnv({}).IMPORT_FETCH_ALLOW_HOSTS).toEqual([]);
  expect(
    parseEnv({ IMPORT_FETCH_ALLOW_HOSTS: '127.0.0.1:4711, Pages.Test:80,[::1]:8080' }).IMPORT_FETCH_ALLOW_HOSTS,
  ).toEqual(['127.0.0.1:4711', 'pages.test:80', '[::1]:8080']);
  for (const bad of [
    '127.0.0.1',
    '127.0.0.1:*',
    '10.0.0.0/8:80',
    'http://127.0.0.1:4711',
    '127.0.0.1:0',
    '127.0.0.1:65536',
    '*:80',
  ])
    expect(() => parseEnv({ IMPORT_FETCH_ALLOW_HOSTS: bad }), bad).toThrow(
      /IMPORT_FETCH_ALLOW_HOSTS.*: must be host:port pairs/,
    );
});
