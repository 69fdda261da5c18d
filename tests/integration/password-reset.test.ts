import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { beginResetMail, LIMITS } from '@/lib/auth/attempts.server';
import { auth } from '@/lib/auth/auth.server';
import { db } from '@/lib/db.server';

// Password reset through better-auth's handler, as /api/auth/[...all] serves it
// (docs/decisions/029-password-reset-and-mail.md). Without SMTP_URL, tests (like development) get each
// e-mail on the server console (lib/mail/service.server.ts): the mails are read from there. The SMTP
// transport itself is tested against a real SMTP server in lib/mail/service.server.test.ts.
const ORIGIN = 'http://localhost:3000';

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
      body: JSON.stringify(body),
    }),
  );
}

let mails: string[] = [];
beforeEach(async () => {
  mails = [];
  vi.spyOn(console, 'info').mockImplementation((...args: unknown[]) => {
    mails.push(args.map(String).join(' '));
  });
  await db.authThrottle.deleteMany();
  await db.rateLimit.deleteMany();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const EMAIL = 'reset-owner@example.test';
const OLD = 'old password 123';
beforeAll(async () => {
  await db.user.deleteMany({ where: { email: EMAIL } });
  const response = await post('/sign-up/email', { name: 'Rosa', email: EMAIL, password: OLD });
  expect(response.status).toBe(200);
});
afterAll(async () => {
  await db.user.deleteMany({ where: { email: EMAIL } });
  await db.authThrottle.deleteMany();
  await db.verification.deleteMany();
});

/** The link of the one mail sent to `email` (waits for it: the mail is sent after the answer). */
async function linkMailedTo(email: string): Promise<{ mail: string; url: URL }> {
  await expect.poll(() => mails.filter((mail) => mail.includes(`to ${email}`)).length).toBe(1);
  const mail = mails.find((line) => line.includes(`to ${email}`)) ?? '';
  const url = /https?:\/\/\S+/.exec(mail)?.[0];
  if (!url) throw new Error(`no link in ${mail}`);
  return { mail, url: new URL(url) };
}

describe('password reset', () => {
  test('the link opens the asking page’s locale, in its language; the token works once; sessions end', async () => {
    const signedIn = await post('/sign-in/email', { email: EMAIL, password: OLD });
    expect(signedIn.status).toBe(200);
    const user = await db.user.findUniqueOrThrow({ where: { email: EMAIL } });
    expect(await db.session.count({ where: { userId: user.id } })).toBeGreaterThan(0);

    const asked = await post('/request-password-reset', { email: EMAIL, redirectTo: '/de/reset-password' });
    expect(asked.status).toBe(200);
    const { mail, url } = await linkMailedTo(EMAIL);
    expect(mail).toContain('Neues Passwort für Lesebrücke');
    expect(mail).toContain('Hallo Rosa');
    expect(mail).toContain('60 Minuten');
    expect(url.origin).toBe(ORIGIN);
    expect(url.pathname).toBe('/de/reset-password');
    const token = url.searchParams.get('token') ?? '';
    expect(token).toMatch(/^[A-Za-z0-9]{24}$/);

    const reset = await post('/reset-password', { newPassword: 'brand new password', token });
    expect(reset.status).toBe(200);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await post('/sign-in/email', { email: EMAIL, password: OLD })).status).toBe(401);
    expect((await post('/sign-in/email', { email: EMAIL, password: 'brand new password' })).status).toBe(200);

    const again = await post('/reset-password', { newPassword: 'yet another password', token });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 'INVALID_TOKEN' });
  });

  test('an English page gets an English e-mail', async () => {
    expect((await post('/request-password-reset', { email: EMAIL, redirectTo: '/en/reset-password' })).status).toBe(
      200,
    );
    const { mail, url } = await linkMailedTo(EMAIL);
    expect(mail).toContain('Set a new password for Lesebrücke');
    expect(url.pathname).toBe('/en/reset-password');
  });

  test('an unknown address gets the same answer and no e-mail', async () => {
    const asked = await post('/request-password-reset', {
      email: 'nobody@example.test',
      redirectTo: '/en/reset-password',
    });
    expect(asked.status).toBe(200);
    const known = await post('/request-password-reset', { email: EMAIL, redirectTo: '/en/reset-password' });
    expect(await asked.json()).toEqual(await known.json());
    await linkMailedTo(EMAIL);
    expect(mails.some((mail) => mail.includes('nobody@example.test'))).toBe(false);
  });

  test('an expired link is refused', async () => {
    await post('/request-password-reset', { email: EMAIL, redirectTo: '/en/reset-password' });
    const token = (await linkMailedTo(EMAIL)).url.searchParams.get('token') ?? '';
    await db.verification.updateMany({
      where: { identifier: `reset-password:${token}` },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const reset = await post('/reset-password', { newPassword: 'too late password', token });
    expect(reset.status).toBe(400);
    expect(await reset.json()).toMatchObject({ code: 'INVALID_TOKEN' });
  });

  test('the link can point only to the app’s own reset page, and a short new password is refused', async () => {
    // Another origin: better-auth's origin check (403); another page of ours: the app's schema (400).
    for (const redirectTo of ['https://evil.example/en/reset-password', '//evil.example/en/reset-password']) {
      const refused = await post('/request-password-reset', { email: EMAIL, redirectTo });
      expect(refused.status).toBe(403);
    }
    for (const redirectTo of ['/en/account', '/fr/reset-password', '/en/reset-password?x=1']) {
      const refused = await post('/request-password-reset', { email: EMAIL, redirectTo });
      expect(refused.status).toBe(400);
    }
    const short = await post('/reset-password', { newPassword: 'short', token: 'a'.repeat(24) });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ code: 'PASSWORD_TOO_SHORT' });
    expect(mails).toEqual([]);
  });

  test('reset e-mails to one address are limited, whoever asks, with Retry-After', async () => {
    const ask = (address: string) =>
      post(
        '/request-password-reset',
        { email: 'Limited@Example.test', redirectTo: '/en/reset-password' },
        {
          'x-forwarded-for': address,
        },
      );
    for (let sent = 0; sent < LIMITS.resetMailAccount.free; sent++)
      expect((await ask(`192.0.2.${sent}`)).status).toBe(200);
    const refused = await ask('192.0.2.200');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('requests from one known address are limited; while addresses are unknown, one client cannot block everyone', async () => {
    const known = { address: '192.0.2.9', device: undefined };
    for (let request = 0; request < LIMITS.resetMailAddress.free; request++)
      expect(await beginResetMail(db, `someone-${request}@example.test`, known)).toEqual({ allowed: true });
    expect(await beginResetMail(db, 'one-more@example.test', known)).toMatchObject({ allowed: false });
    // Without TRUSTED_PROXIES (as here) every client shares the unknown address's bucket.
    for (let request = 0; request <= LIMITS.resetMailAddress.free; request++) {
      const asked = await post('/request-password-reset', {
        email: `stranger-${request}@example.test`,
        redirectTo: '/en/reset-password',
      });
      expect(asked.status).toBe(200);
    }
  });
});
