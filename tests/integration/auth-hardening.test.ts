import { afterAll, describe, expect, test, vi } from 'vitest';
import { ensureAccount } from '@/lib/auth/accounts.server';
import { auth, SESSION_CACHE_SECONDS } from '@/lib/auth/auth.server';
import { authErrorKey } from '@/lib/auth/errors';
import { AUTH_BODY_MAX_BYTES, authRequestHandler } from '@/lib/auth/handler.server';
import { PASSWORD_MAX } from '@/lib/auth/schema';
import { db } from '@/lib/db.server';

// What reaches the database through better-auth's own endpoints, through its request handler as the
// route /api/auth/[...all] serves it; runs on SQLite and PostgreSQL.
const ORIGIN = 'http://localhost:3000';
let ip = 0;
const nextIp = () => `10.13.${Math.floor(++ip / 250)}.${ip % 250}`;

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': nextIp(), ...headers },
      body: JSON.stringify(body),
    }),
  );
}
/** The i18n key the forms show for a refused auth request. */
const shownKey = async (response: Response) =>
  authErrorKey({ status: response.status, ...((await response.json()) as { code?: string }) });
const userCount = (email: string) => db.user.count({ where: { email } });

afterAll(async () => {
  await db.$disconnect();
});

describe('sign-up takes only what the forms take', () => {
  test('a 5,000,000-character name is refused with the form’s message and stores no user', async () => {
    const response = await post('/sign-up/email', {
      name: 'x'.repeat(5_000_000),
      email: 'huge-name@limits.test',
      password: 'long enough password',
    });
    expect(response.status).toBe(400);
    expect(await shownKey(response)).toBe('account:errors.nameTooLong');
    expect(await userCount('huge-name@limits.test')).toBe(0);
  });

  test('an overlong e-mail, a blank name, an image or an unknown field are refused; nothing is stored', async () => {
    const valid = { name: 'Vera', email: 'vera@limits.test', password: 'long enough password' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, email: `${'v'.repeat(250)}@limits.test` }, 'account:errors.emailInvalid'],
      [{ ...valid, name: '   ' }, 'account:errors.nameRequired'],
      [{ ...valid, name: 'x'.repeat(81) }, 'account:errors.nameTooLong'],
      [{ ...valid, password: 'p'.repeat(PASSWORD_MAX + 1) }, 'account:errors.passwordTooLong'],
      [{ ...valid, role: 'admin' }, 'account:errors.roleNotAllowed'],
      [{ ...valid, image: `https://example.test/${'i'.repeat(100_000)}` }, 'account:errors.invalid'],
      [{ ...valid, emailVerified: true }, 'account:errors.invalid'],
    ];
    for (const [body, key] of cases) {
      const response = await post('/sign-up/email', body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(await shownKey(response)).toBe(key);
    }
    expect(await db.user.count({ where: { email: { endsWith: '@limits.test' } } })).toBe(0);
  });

  test('a valid sign-up still works, stored as the form’s schema reads it', async () => {
    const response = await post('/sign-up/email', {
      name: '  Valentin Vogel  ',
      email: ' Valentin@Limits.test ',
      password: 'long enough password',
      role: 'teacher',
    });
    expect(response.status).toBe(200);
    expect(await db.user.findUniqueOrThrow({ where: { email: 'valentin@limits.test' } })).toMatchObject({
      name: 'Valentin Vogel',
      // A teacher sign-up waits for an admin (TEACHER_SIGNUP=approval, docs/decisions/021-teacher-approval.md).
      role: 'learner',
      teacherRequest: 'pending',
      image: null,
    });
    // Without a role, a learner.
    expect(
      (await post('/sign-up/email', { name: 'Lea', email: 'lea@limits.test', password: 'long enough pw' })).status,
    ).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { email: 'lea@limits.test' } })).role).toBe('learner');
  });

  test('an overlong e-mail at sign-in is refused before the per-account counter stores it', async () => {
    const email = `${'s'.repeat(100_000)}@limits.test`;
    const response = await post('/sign-in/email', { email, password: 'whatever password' });
    expect(response.status).toBe(400);
    expect(await shownKey(response)).toBe('account:errors.emailInvalid');
    expect(await db.rateLimit.count({ where: { key: { startsWith: 'account|sss' } } })).toBe(0);
  });
});

describe('the other endpoints a signed-in user may call', () => {
  test('change-password keeps the form’s password limits; update-user and update-session store nothing', async () => {
    await ensureAccount({ name: 'Lea', email: 'lea@endpoints.test', password: 'long enough pw', role: 'learner' });
    const signIn = await post('/sign-in/email', { email: 'lea@endpoints.test', password: 'long enough pw' });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const change = (newPassword: string) =>
      post('/change-password', { currentPassword: 'long enough pw', newPassword }, { cookie });
    expect(await shownKey(await change('p'.repeat(PASSWORD_MAX + 1)))).toBe('account:errors.passwordTooLong');
    expect(await shownKey(await change('short'))).toBe('account:errors.passwordTooShort');
    expect((await post('/update-user', { name: 'x'.repeat(100_000) }, { cookie })).status).toBe(404);
    expect(
      (await post('/update-session', { userAgent: 'x'.repeat(100_000), ipAddress: 'forged' }, { cookie })).status,
    ).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { email: 'lea@endpoints.test' } })).name).toBe('Lea');
    expect(await db.session.count({ where: { ipAddress: 'forged' } })).toBe(0);
  });
});

describe('the session cookie cache', () => {
  const cookiesOf = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]!);
  /** Every readable form of a cookie value: as sent, and each base64url part decoded. */
  const readable = (value: string) => [
    value,
    ...decodeURIComponent(value)
      .split(/[.~]/)
      .map((part) => Buffer.from(part, 'base64url').toString('utf8')),
  ];

  test('does not carry the name, e-mail or role readable to the browser', async () => {
    await ensureAccount({
      name: 'Clara Cookie',
      email: 'clara@cookie.test',
      password: 'long enough pw',
      role: 'teacher',
    });
    const signIn = await post('/sign-in/email', { email: 'clara@cookie.test', password: 'long enough pw' });
    expect(signIn.status).toBe(200);
    const cache = cookiesOf(signIn).find((cookie) => cookie.startsWith('better-auth.session_data='));
    expect(cache).toBeDefined();
    for (const text of readable(cache!.slice(cache!.indexOf('=') + 1))) {
      expect(text).not.toContain('clara@cookie.test');
      expect(text).not.toContain('Clara Cookie');
      expect(text).not.toContain('teacher');
    }
    // …and the server still reads it: the session comes from the cache alone, without its row.
    const cookie = cookiesOf(signIn).join('; ');
    await db.session.deleteMany({ where: { user: { email: 'clara@cookie.test' } } });
    expect((await auth.api.getSession({ headers: new Headers({ cookie }) }))?.user.email).toBe('clara@cookie.test');
  });

  test('keeps a revoked session valid for SESSION_CACHE_SECONDS at most', async () => {
    await ensureAccount({ name: 'Rolf', email: 'rolf@cookie.test', password: 'long enough pw', role: 'learner' });
    const signIn = await post('/sign-in/email', { email: 'rolf@cookie.test', password: 'long enough pw' });
    const cookie = cookiesOf(signIn).join('; ');
    await db.session.deleteMany({ where: { user: { email: 'rolf@cookie.test' } } });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + (SESSION_CACHE_SECONDS + 1) * 1000);
      expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
    } finally {
      vi.useRealTimers();
    }
    expect(SESSION_CACHE_SECONDS).toBeLessThanOrEqual(60);
  });
});

describe('request bodies to /api/auth are capped', () => {
  /** A body of `totalBytes` streamed in chunks only as they are read; says how much was read and whether it was cancelled. */
  function streamedBody(totalBytes: number, chunkBytes = 64 * 1024) {
    const stats = { read: 0, cancelled: false };
    const chunk = new Uint8Array(chunkBytes).fill(0x61);
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (stats.read >= totalBytes) return controller.close();
          stats.read += chunkBytes;
          controller.enqueue(chunk);
        },
        cancel() {
          stats.cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    return { body, stats };
  }
  const request = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request(`${ORIGIN}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': nextIp(), ...headers },
      body,
      duplex: 'half',
    } as RequestInit);

  test('a 5 MB body gets 413 once the cap is passed, and the rest is never read', async () => {
    const { body, stats } = streamedBody(5 * 1024 * 1024);
    const response = await authRequestHandler(request(body));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
    expect(stats.read).toBeLessThanOrEqual(AUTH_BODY_MAX_BYTES + 64 * 1024);
    expect(stats.cancelled).toBe(true);
  });

  test('a body that says it is too large is refused before a byte is read', async () => {
    const { body, stats } = streamedBody(5 * 1024 * 1024);
    const response = await authRequestHandler(request(body, { 'content-length': String(5 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(stats.read).toBe(0);
  });

  test('a body within the cap reaches better-auth as it was sent', async () => {
    const valid = { name: 'Carla Cap', email: 'carla@cap.test', password: 'long enough password' };
    const padded = JSON.stringify(valid).padEnd(AUTH_BODY_MAX_BYTES, ' ');
    expect(Buffer.byteLength(padded)).toBe(AUTH_BODY_MAX_BYTES);
    expect((await authRequestHandler(request(padded))).status).toBe(200);
    expect(await userCount('carla@cap.test')).toBe(1);
    // One byte more, and it is refused; nothing is stored.
    const over = JSON.stringify({ ...valid, email: 'carlo@cap.test' }).padEnd(AUTH_BODY_MAX_BYTES + 1, ' ');
    expect((await authRequestHandler(request(over))).status).toBe(413);
    expect(await userCount('carlo@cap.test')).toBe(0);
  });
});
