import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { performAs } from '@/lib/action.server';
import { getProfile } from '@/lib/auth/queries.server';
import { ensureAccount } from '@/lib/auth/accounts.server';
import { LIMITS } from '@/lib/auth/attempts.server';
import { auth } from '@/lib/auth/auth.server';
import { deleteAccount, updateProfileName } from '@/lib/auth/service.server';
import { db } from '@/lib/db.server';
import { env } from '@/lib/env.server';

// The whole better-auth stack (routing, origin check, rate limits, hooks, adapter) through its
// request handler, as the route /api/auth/[...all] serves it; runs on SQLite and PostgreSQL.
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
const cookieOf = (response: Response) => response.headers.get('set-cookie') ?? '';
/** The cookies a browser keeps from `response`, as its next request's Cookie header. */
const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');

async function clearLimits() {
  await db.authThrottle.deleteMany();
  await db.knownClient.deleteMany();
  await db.rateLimit.deleteMany();
}

beforeAll(async () => {
  await db.user.deleteMany();
  await clearLimits();
});
afterAll(async () => {
  await clearLimits();
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

  test('teacher may be chosen at sign-up (then waits for approval, ADR 021); admin never', async () => {
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
    expect(await db.user.findUniqueOrThrow({ where: { email: 't@example.test' } })).toMatchObject({
      role: 'learner',
      teacherRequest: 'pending',
    });
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

// The limits (lib/auth/attempts.server.ts, docs/decisions/017-client-address-and-sign-in-limits.md). The
// clock is frozen (only Date is faked), so a delay passes when a test moves the clock, never by waiting.
describe('sign-in and sign-up limits', () => {
  let now = Date.now();
  const advance = (ms: number) => vi.setSystemTime((now += ms));
  const retryAfterMs = (response: Response) => Number(response.headers.get('retry-after')) * 1000;
  const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
    post('/sign-in/email', { email, password }, headers);

  beforeEach(async () => {
    await clearLimits();
    vi.useFakeTimers({ toFake: ['Date'], now });
  });
  afterEach(async () => {
    vi.useRealTimers();
    env.TRUSTED_PROXIES = [];
    await clearLimits(); // stamped with the fake clock
  });

  test('a forged X-Forwarded-For does not defeat the per-address limit', async () => {
    // Without TRUSTED_PROXIES (the default) the header is ignored: one guess each at many accounts,
    // each under another forged address, still counts against one address.
    const statuses: number[] = [];
    for (let i = 0; i <= LIMITS.address.free; i++)
      statuses.push(
        (await signIn(`sprayed${i}@example.test`, 'password123', { 'x-forwarded-for': `203.0.113.${i}` })).status,
      );
    expect(statuses).toEqual([...Array<number>(LIMITS.address.free).fill(401), 429]);
    // A delay that grows, not a lock: after it, one more guess, and then twice as long a wait.
    const first = await signIn('sprayed-again@example.test', 'password123', { 'x-forwarded-for': '203.0.113.200' });
    expect(first.status).toBe(429);
    expect(retryAfterMs(first)).toBe(LIMITS.address.firstDelayMs);
    advance(retryAfterMs(first));
    expect((await signIn('sprayed-again@example.test', 'password123')).status).toBe(401);
    const second = await signIn('sprayed-more@example.test', 'password123', { 'x-real-ip': '203.0.113.201' });
    expect(second.status).toBe(429);
    expect(retryAfterMs(second)).toBe(2 * LIMITS.address.firstDelayMs);
  });

  test('behind a trusted proxy the right-most untrusted address is the client', async () => {
    env.TRUSTED_PROXIES = ['10.0.0.0/8'];
    // The proxy (10.0.0.1) appends the address it saw: what the client sent stays on the left.
    const from = (client: string, forged: string) => ({ 'x-forwarded-for': `${forged}, ${client}, 10.0.0.1` });
    for (let i = 0; i < LIMITS.address.free; i++)
      expect(
        (await signIn(`proxied${i}@example.test`, 'password123', from('198.51.100.7', `192.0.2.${i}`))).status,
      ).toBe(401);
    expect((await signIn('proxied@example.test', 'password123', from('198.51.100.7', '192.0.2.99'))).status).toBe(429);
    // Another client behind the same proxy has its own bucket: clients do not share one.
    expect((await signIn('proxied@example.test', 'password123', from('198.51.100.8', '198.51.100.7'))).status).toBe(
      401,
    );
    // A request with no address outside the proxies (or none at all) is not the blocked client either.
    expect((await signIn('proxied@example.test', 'password123', { 'x-forwarded-for': '10.0.0.1' })).status).toBe(401);
  });

  test('sign-ups are limited per address', async () => {
    const signUp = (i: number, headers: Record<string, string>) =>
      post('/sign-up/email', { name: `Bulk ${i}`, email: `bulk${i}@example.test`, password: 'bulk password' }, headers);
    const statuses: number[] = [];
    for (let i = 0; i <= LIMITS.signUp.free; i++)
      statuses.push((await signUp(i, { 'x-forwarded-for': `203.0.113.${i}` })).status);
    expect(statuses).toEqual([...Array<number>(LIMITS.signUp.free).fill(200), 429]);
    expect(await db.user.count({ where: { email: { startsWith: 'bulk' } } })).toBe(LIMITS.signUp.free);
    // Behind a trusted proxy, another address may sign up meanwhile; and the first after the wait.
    env.TRUSTED_PROXIES = ['10.0.0.1'];
    expect((await signUp(100, { 'x-forwarded-for': '198.51.100.9, 10.0.0.1' })).status).toBe(200);
    env.TRUSTED_PROXIES = [];
    advance(LIMITS.signUp.firstDelayMs);
    expect((await signUp(101, {})).status).toBe(200);
  });

  test('failures from other addresses do not lock the owner out', async () => {
    const email = 'owner@example.test';
    const password = 'the owner password';
    expect((await post('/sign-up/email', { name: 'Owner', email, password })).status).toBe(200);
    const browser = await signIn(email, password);
    expect(browser.status).toBe(200);
    expect(browser.headers.getSetCookie().find((line) => line.startsWith('better-auth.known_device='))).toMatch(
      /HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/i,
    );
    const cookie = cookiesOf(browser);
    // Someone guesses from many addresses until strangers must wait…
    let guesses = 0;
    while ((await signIn(email, `guess ${guesses}`, { 'x-forwarded-for': `203.0.113.${guesses}` })).status === 401)
      guesses++;
    expect(guesses).toBe(LIMITS.account.free);
    expect((await signIn(email, password)).status).toBe(429); // the right password from a stranger waits too
    expect((await signIn(email, password, { cookie: 'better-auth.known_device=made-up' })).status).toBe(429);
    // …but the owner's browser is known to the account: its own typo is a 401, its password lets it in.
    expect((await signIn(email, 'owner typo', { cookie })).status).toBe(401);
    expect((await signIn(email, password, { cookie })).status).toBe(200);

    // Behind a trusted proxy, an address the owner has signed in from is known as well (a new browser at home).
    env.TRUSTED_PROXIES = ['10.0.0.1'];
    const from = (address: string) => ({ 'x-forwarded-for': `${address}, 10.0.0.1` });
    advance(LIMITS.account.maxDelayMs);
    expect((await signIn(email, password, from('198.51.100.20'))).status).toBe(200); // home, for the first time
    advance(LIMITS.account.maxDelayMs);
    expect((await signIn(email, 'yet another guess', from('203.0.113.50'))).status).toBe(401);
    expect((await signIn(email, password, from('198.51.100.21'))).status).toBe(429);
    expect((await signIn(email, password, from('198.51.100.20'))).status).toBe(200);
  });

  test('a burst of parallel guesses cannot pass the limit together', async () => {
    env.TRUSTED_PROXIES = ['10.0.0.1'];
    const burst = await Promise.all(
      Array.from({ length: LIMITS.account.free + 5 }, (_, i) =>
        signIn('t@example.test', `parallel guess ${i}`, { 'x-forwarded-for': `198.51.100.${100 + i}, 10.0.0.1` }),
      ),
    );
    const statuses = burst.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array<number>(LIMITS.account.free).fill(401), ...Array<number>(5).fill(429)]);
  });

  test('an account’s delays grow with each failure, and end: no lock-out', async () => {
    env.TRUSTED_PROXIES = ['10.0.0.1'];
    await ensureAccount({ name: 'Target', email: 'target@example.test', password: 'target password', role: 'learner' });
    let address = 0;
    const guess = (password: string) =>
      signIn('target@example.test', password, { 'x-forwarded-for': `198.51.100.${++address}, 10.0.0.1` });
    for (let i = 0; i < LIMITS.account.free; i++) expect((await guess(`guess ${i}`)).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const refused = await guess('one more guess');
      expect(refused.status).toBe(429);
      waits.push(retryAfterMs(refused));
      advance(retryAfterMs(refused));
      expect((await guess('one more guess')).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8].map((factor) => factor * LIMITS.account.firstDelayMs));
    // The right password from anywhere gets in once its wait has passed.
    const refused = await guess('target password');
    expect(refused.status).toBe(429);
    advance(retryAfterMs(refused));
    expect((await guess('target password')).status).toBe(200);
  });
});

describe('without trusted proxies', () => {
  beforeEach(clearLimits);
  afterEach(clearLimits);

  test("one client's requests do not use up better-auth's limit for every client", async () => {
    // No address is known, so better-auth would put all clients in one bucket per path (3 per 10 s
    // on /change-password): a stranger's three requests would refuse the owner's password change.
    for (let i = 0; i < 3; i++) {
      const stranger = await post('/change-password', { currentPassword: 'x', newPassword: 'y-new-password' });
      expect(stranger.status).toBe(401);
    }
    await ensureAccount({ name: 'Ole', email: 'ole@example.test', password: 'ole password one', role: 'learner' });
    const signIn = await post('/sign-in/email', { email: 'ole@example.test', password: 'ole password one' });
    expect(signIn.status).toBe(200);
    const change = await post(
      '/change-password',
      { currentPassword: 'ole password one', newPassword: 'ole password two' },
      { cookie: cookiesOf(signIn) },
    );
    expect(change.status).toBe(200);
  });
});

describe('checks of the current password (change-password, account deletion)', () => {
  let now = Date.now();
  const advance = (ms: number) => vi.setSystemTime((now += ms));
  const retryAfterMs = (response: Response) => Number(response.headers.get('retry-after')) * 1000;
  let address = 0;
  // Behind a trusted proxy, each guess from another address: better-auth's own per-address limit on
  // /change-password (3 per 10 s) never sees two of them; only a per-account limit can.
  const fromElsewhere = () => ({ 'x-forwarded-for': `198.51.100.${(++address % 250) + 1}, 10.0.0.1` });

  async function signedIn(email: string, password: string): Promise<string> {
    await ensureAccount({ name: 'Pia', email, password, role: 'learner' });
    const response = await post('/sign-in/email', { email, password }, fromElsewhere());
    expect(response.status).toBe(200);
    return cookiesOf(response);
  }

  beforeEach(async () => {
    await clearLimits();
    env.TRUSTED_PROXIES = ['10.0.0.1'];
    vi.useFakeTimers({ toFake: ['Date'], now });
  });
  afterEach(async () => {
    vi.useRealTimers();
    env.TRUSTED_PROXIES = [];
    await clearLimits();
  });

  test('guessing the current password through change-password slows down per account, and ends: no lock-out', async () => {
    const cookie = await signedIn('pia@example.test', 'pia password one');
    // Each guess 11 s after the last, from another address: better-auth's own limit on /change-password
    // (3 per 10 s per address) never refuses one; only a per-account limit can.
    const change = (currentPassword: string) => {
      advance(11_000);
      return post(
        '/change-password',
        { currentPassword, newPassword: 'pia password two' },
        { cookie, ...fromElsewhere() },
      );
    };
    // 5 free guesses, then waits of 1, 2, 4 and 8 s, which the 11 s between guesses cover…
    for (let i = 0; i < LIMITS.account.free + 4; i++) expect((await change(`guess ${i}`)).status).toBe(400);
    // …but not the next one, 16 s: the right password too must wait the 5 s left.
    const refused = await change('pia password one');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { code: string }).code).toBe('TOO_MANY_ATTEMPTS');
    expect(retryAfterMs(refused)).toBe(16 * LIMITS.account.firstDelayMs - 11_000);
    // A wait, not a lock-out: after it the right password gets through.
    vi.setSystemTime((now += retryAfterMs(refused) - 11_000));
    expect((await change('pia password one')).status).toBe(200);
  });

  test('account deletion counts in the same bucket, and tells the form to wait', async () => {
    const cookie = await signedIn('paul@example.test', 'paul password one');
    const headers = new Headers({ cookie, origin: ORIGIN, ...fromElsewhere() });
    const id = (await db.user.findUniqueOrThrow({ where: { email: 'paul@example.test' } })).id;
    for (let i = 0; i < LIMITS.account.free; i++)
      expect(await performAs({ userId: id }, deleteAccount(headers), { password: `guess ${i}` })).toMatchObject({
        ok: false,
        fieldErrors: { password: 'account:errors.wrongPassword' },
      });
    expect(await performAs({ userId: id }, deleteAccount(headers), { password: 'paul password one' })).toEqual({
      ok: false,
      error: 'account:errors.tooManyAttempts',
    });
    const change = await post(
      '/change-password',
      { currentPassword: 'paul password one', newPassword: 'paul password two' },
      { cookie, ...fromElsewhere() },
    );
    expect(change.status).toBe(429);
    expect(await db.user.count({ where: { id } })).toBe(1);
  });

  test('only a wrong current password counts: a refused new one, or the right one, gives the attempt back', async () => {
    const cookie = await signedIn('pit@example.test', 'pit password one');
    for (let i = 0; i < 3 * LIMITS.account.free; i++) {
      advance(11_000); // past better-auth's own limit, 3 per 10 s
      const tooShort = await post(
        '/change-password',
        { currentPassword: 'pit password one', newPassword: 'short' },
        { cookie, ...fromElsewhere() },
      );
      expect(tooShort.status).toBe(400);
    }
    advance(11_000);
    const changed = await post(
      '/change-password',
      { currentPassword: 'pit password one', newPassword: 'pit password two' },
      { cookie, ...fromElsewhere() },
    );
    expect(changed.status).toBe(200);
  });
});
