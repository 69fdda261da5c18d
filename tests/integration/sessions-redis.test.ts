import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ensureAccount } from '@/lib/auth/accounts.server';
import { createAuth, SESSION_CACHE_SECONDS, userChanged } from '@/lib/auth/auth.server';
import { LIMITS } from '@/lib/auth/attempts.server';
import { redisSecondaryStorage } from '@/lib/auth/secondary-storage.server';
import { db } from '@/lib/db.server';
import { sharedRedis } from '@/lib/page-cache/redis.mjs';
import { redisAvailable, REDIS_TEST_URL, useTestRedis } from '@/tests/setup/redis';

// Sessions and rate limits with REDIS_URL (docs/decisions/037-sessions-across-instances.md). Two
// better-auth objects made as the app makes its one are two instances: they share nothing but the
// database and Redis. Runs on SQLite and PostgreSQL.
const ORIGIN = 'http://localhost:3000';
type Auth = ReturnType<typeof createAuth>;

const post = (instance: Auth, path: string, body: unknown, headers: Record<string, string> = {}) =>
  instance.handler(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
      body: JSON.stringify(body),
    }),
  );
const cookiesOf = (response: Response) => response.headers.getSetCookie().map((line) => line.split(';')[0]!);
/** The session cookie alone: what a browser sends once the cookie cache has expired. */
const tokenOnly = (cookies: string[]) => cookies.filter((cookie) => cookie.startsWith('better-auth.session_token='));
const sessionOf = (instance: Auth, cookies: string[]) =>
  instance.api.getSession({ headers: new Headers({ cookie: cookies.join('; ') }) });

afterAll(async () => {
  await db.$disconnect();
});

describe.runIf(await redisAvailable())('sessions shared through Redis', () => {
  const { prefix } = useTestRedis('sessions');
  const redis = createClient({ url: REDIS_TEST_URL });
  let a: Auth;
  let b: Auth;
  beforeAll(async () => {
    await redis.connect();
    [a, b] = [createAuth(sharedRedis()), createAuth(sharedRedis())];
  });
  afterAll(async () => {
    await redis.close();
  });

  async function signedIn(email: string, role: 'learner' | 'teacher' = 'learner') {
    const { id } = await ensureAccount({ name: 'Rita Redis', email, password: 'long enough pw', role });
    const response = await post(a, '/sign-in/email', { email, password: 'long enough pw' });
    expect(response.status).toBe(200);
    return { id, cookies: cookiesOf(response) };
  }

  test('a session made on one instance is read on another from Redis, and kept in the database', async () => {
    const { id, cookies } = await signedIn('rita@redis.test');
    const token = decodeURIComponent(tokenOnly(cookies)[0]!.split('=')[1]!).split('.')[0]!;
    expect(await redis.exists(`${prefix}auth:${token}`)).toBe(1);
    expect(await db.session.count({ where: { userId: id, token } })).toBe(1);
    expect((await sessionOf(b, tokenOnly(cookies)))?.user.email).toBe('rita@redis.test');
  });

  test('a session ended on one instance is refused on all; its cookie cache lasts SESSION_CACHE_SECONDS', async () => {
    const { cookies } = await signedIn('sven@redis.test');
    expect((await sessionOf(b, tokenOnly(cookies)))?.user.email).toBe('sven@redis.test');
    expect((await post(a, '/sign-out', {}, { cookie: cookies.join('; ') })).status).toBe(200);

    // At once on the other instance, for any request past the cookie cache…
    expect(await sessionOf(b, tokenOnly(cookies))).toBeNull();
    // …while a browser's cookie cache (signed, not looked up) still stands, until it expires.
    expect((await sessionOf(b, cookies))?.user.email).toBe('sven@redis.test');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + (SESSION_CACHE_SECONDS + 1) * 1000);
      expect(await sessionOf(b, cookies)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  test('a role changed in the database reaches the sessions in Redis through userChanged', async () => {
    const { id, cookies } = await signedIn('tara@redis.test');
    await db.user.update({ where: { id }, data: { role: 'teacher' } });
    // Redis holds the user with the session: stale until it is rewritten.
    expect((await sessionOf(b, tokenOnly(cookies)))?.user.role).toBe('learner');
    await userChanged(id, a);
    expect((await sessionOf(b, tokenOnly(cookies)))?.user.role).toBe('teacher');
  });

  test('failed sign-ins to one account share one budget across instances (it is in the database)', async () => {
    await signedIn('budget@redis.test');
    // The clock stands still: past the free attempts the next one waits firstDelayMs (1 s), which a
    // busy machine's password hashing alone could outlast, and the test is about the budget, not time.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const statuses: number[] = [];
      for (let guess = 0; guess <= LIMITS.account.free; guess++) {
        const instance = guess % 2 ? b : a;
        statuses.push(
          (await post(instance, '/sign-in/email', { email: 'budget@redis.test', password: `guess ${guess}` })).status,
        );
      }
      expect(statuses).toEqual([...Array<number>(LIMITS.account.free).fill(401), 429]);
    } finally {
      vi.useRealTimers();
    }
  });

  test("better-auth's rate-limit counters are one count for all instances, in a window set once", async () => {
    const [first, second] = [redisSecondaryStorage(sharedRedis()!), redisSecondaryStorage(sharedRedis()!)];
    expect(await first.increment('rate|/change-password|x', 10)).toBe(1);
    expect(await second.increment('rate|/change-password|x', 10)).toBe(2);
    const ttl = await redis.ttl(`${prefix}auth:rate|/change-password|x`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(10);
  });
});

describe('while Redis does not answer', () => {
  // Nothing listens on port 9 (discard) here: connections are refused at once.
  useTestRedis('sessions-outage', 'redis://127.0.0.1:9/0');
  let instance: Auth;
  beforeAll(() => {
    vi.mocked(console.warn).mockImplementationOnce((message: string) => {
      expect(message).toMatch(/^Redis at 127\.0\.0\.1:9 does not answer/);
    });
    instance = createAuth(sharedRedis());
  });

  test('sign-in, sessions and sign-out work from the database', async () => {
    await ensureAccount({ name: 'Otto', email: 'otto@outage.test', password: 'long enough pw', role: 'learner' });
    const response = await post(instance, '/sign-in/email', { email: 'otto@outage.test', password: 'long enough pw' });
    expect(response.status).toBe(200);
    const cookies = tokenOnly(cookiesOf(response));
    expect((await sessionOf(instance, cookies))?.user.email).toBe('otto@outage.test');
    expect((await post(instance, '/sign-out', {}, { cookie: cookies.join('; ') })).status).toBe(200);
    expect(await sessionOf(instance, cookies)).toBeNull();
    // The session's key waits to be deleted from Redis when it answers again.
    expect(sharedRedis()?.pendingDeletes.size).toBeGreaterThan(0);
  });
});
