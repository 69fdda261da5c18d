import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { performAs } from '@/lib/action.server';
import { getProfile } from '@/lib/auth/queries.server';
import { ensureAccount } from '@/lib/auth/accounts.server';
import { ACCOUNT_ATTEMPTS } from '@/lib/auth/attempts.server';
import { auth } from '@/lib/auth/auth.server';
import { updateProfileName } from '@/lib/auth/service.server';
import { db } from '@/lib/db.server';

// The whole better-auth stack (routing, origin check, rate limits, hooks, adapter) through its
// request handler, as the route /api/auth/[...all] serves it; runs on SQLite and PostgreSQL.
const ORIGIN = 'http://localhost:3000';
let ip = 0;
const nextIp = () => `10.9.${Math.floor(++ip / 250)}.${ip % 250}`;

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': nextIp(), ...headers },
      body: JSON.stringify(body),
    }),
  );
}
const cookieOf = (response: Response) => response.headers.get('set-cookie') ?? '';

beforeAll(async () => {
  await db.user.deleteMany();
  await db.rateLimit.deleteMany();
});
afterAll(async () => {
  await db.$disconnect();
});

describe('accounts', () => {
  test('sign-up creates a learner with a hashed password and an HTTP-only session cookie', async () => {
    const response = await post('/sign-up/email', {
      name: 'Ada',
      email: 'Ada@Example.test',
      password: 'correct horse battery',
    });
    expect(response.status).toBe(200);
    expect(cookieOf(response)).toMatch(/better-auth\.session_token=[^;]+;.*HttpOnly/i);
    expect(cookieOf(response)).toMatch(/SameSite=Lax/i);
    const user = await db.user.findUniqueOrThrow({ where: { email: 'ada@example.test' }, include: { accounts: true } });
    expect(user.role).toBe('learner');
    const hash = user.accounts[0]?.password ?? '';
    expect(hash).not.toContain('correct horse');
    expect(hash).toMatch(/^[0-9a-f]+:[0-9a-f]+$/); // scrypt salt:key
  });

  test('teacher may be chosen at sign-up; admin never', async () => {
    expect(
      (
        await post('/sign-up/email', {
          name: 'T',
          email: 't@example.test',
          password: 'long enough pw',
          role: 'teacher',
        })
      ).status,
    ).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { email: 't@example.test' } })).role).toBe('teacher');
    const refused = await post('/sign-up/email', {
      name: 'M',
      email: 'm@example.test',
      password: 'long enough pw',
      role: 'admin',
    });
    expect(refused.status).toBe(400);
    expect(await db.user.findUnique({ where: { email: 'm@example.test' } })).toBeNull();
  });

  test('short passwords and duplicate e-mail addresses are refused', async () => {
    expect((await post('/sign-up/email', { name: 'S', email: 's@example.test', password: 'short' })).status).toBe(400);
    const again = await post('/sign-up/email', {
      name: 'Ada 2',
      email: 'ada@example.test',
      password: 'another long one',
    });
    expect(again.status).toBe(422);
  });

  test('sign-in with the right password gives a session the server recognises; a wrong one does not', async () => {
    const wrong = await post('/sign-in/email', { email: 'ada@example.test', password: 'wrong password!' });
    expect(wrong.status).toBe(401);
    expect(cookieOf(wrong)).toBe('');
    const right = await post('/sign-in/email', { email: 'ada@example.test', password: 'correct horse battery' });
    expect(right.status).toBe(200);
    const cookie = cookieOf(right).split(';')[0]!;
    const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(session?.user.email).toBe('ada@example.test');
  });

  test('a signed-in request from another origin is refused (CSRF)', async () => {
    const signIn = await post('/sign-in/email', { email: 'ada@example.test', password: 'correct horse battery' });
    const cookie = cookieOf(signIn).split(';')[0]!;
    const logged = vi.mocked(console.error);
    logged.mockImplementationOnce(() => undefined); // better-auth logs the refusal: expected here
    const response = await post(
      '/change-password',
      { currentPassword: 'correct horse battery', newPassword: 'hijacked password' },
      { cookie, origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
    expect(String(logged.mock.lastCall)).toMatch(/Invalid origin/);
    expect(
      (await post('/sign-in/email', { email: 'ada@example.test', password: 'correct horse battery' })).status,
    ).toBe(200);
  });

  test('role cannot be changed through better-auth: update-user is disabled', async () => {
    const signIn = await post('/sign-in/email', { email: 'ada@example.test', password: 'correct horse battery' });
    const cookie = cookieOf(signIn).split(';')[0]!;
    const response = await post('/update-user', { role: 'admin' }, { cookie });
    expect(response.status).toBe(404);
    expect((await db.user.findUniqueOrThrow({ where: { email: 'ada@example.test' } })).role).toBe('learner');
  });

  test('sign-in attempts are limited per client address…', async () => {
    const address = '192.0.2.77';
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (
          await post(
            '/sign-in/email',
            { email: `nobody${i}@example.test`, password: 'whatever12' },
            { 'x-forwarded-for': address },
          )
        ).status,
      );
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  test('…and per account, from any number of addresses', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < ACCOUNT_ATTEMPTS.max + 2; i++)
      statuses.push((await post('/sign-in/email', { email: 't@example.test', password: `guess number ${i}` })).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(ACCOUNT_ATTEMPTS.max);
    expect(statuses.slice(-2)).toEqual([429, 429]);
    // …which also stops the right password until the window passes.
    expect((await post('/sign-in/email', { email: 't@example.test', password: 'long enough pw' })).status).toBe(429);
  });

  test('ensureAccount (seed, fixtures) is idempotent and may create any role', async () => {
    const first = await ensureAccount({
      name: 'Root',
      email: 'root@example.test',
      password: 'root password 1',
      role: 'admin',
    });
    const second = await ensureAccount({
      name: 'Root',
      email: 'root@example.test',
      password: 'root password 1',
      role: 'admin',
    });
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect((await getProfile(first.id))?.role).toBe('admin');
  });

  test('renaming validates the name and touches only the acting user', async () => {
    const { id } = await ensureAccount({
      name: 'Rename Me',
      email: 'rename@example.test',
      password: 'rename password',
      role: 'learner',
    });
    expect(await performAs({ userId: id }, updateProfileName, { name: '  ' })).toEqual({
      ok: false,
      error: 'account:errors.invalid',
      fieldErrors: { name: 'account:errors.nameRequired' },
    });
    expect(await performAs({ userId: id }, updateProfileName, { name: 'Renamed' })).toEqual({
      ok: true,
      data: { name: 'Renamed' },
    });
    expect((await getProfile(id))?.name).toBe('Renamed');
    expect((await db.user.findUniqueOrThrow({ where: { email: 'ada@example.test' } })).name).toBe('Ada');
  });
});
