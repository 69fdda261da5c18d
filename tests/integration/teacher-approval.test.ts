import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { performAs } from '@/lib/action.server';
import { setAdmin } from '@/lib/auth/accounts.server';
import { auth } from '@/lib/auth/auth.server';
import { authErrorKey } from '@/lib/auth/errors';
import { TEACHER_PENDING } from '@/lib/auth/guards.server';
import { INVITATION_DAYS } from '@/lib/auth/invitation-token.server';
import { invitationStatus, openInvitations, pendingTeacherRequests } from '@/lib/auth/queries.server';
import { approveTeacher, createInvitation, declineTeacher, revokeInvitation } from '@/lib/auth/teachers.server';
import { createClass } from '@/lib/classroom/classes.server';
import { db } from '@/lib/db.server';
import { env } from '@/lib/env.server';
import type { Result } from '@/lib/result';
import { createDraft } from '@/lib/teach/import.server';

// Who may teach (docs/decisions/021-teacher-approval.md), through better-auth's request handler as the
// route /api/auth/[...all] serves it, and the admins' commands; runs on SQLite and PostgreSQL. The test
// app runs with TEACHER_SIGNUP's default outside development: approval.
const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'long enough password';

function signUp(body: Record<string, unknown>): Promise<Response> {
  return auth.handler(
    new Request(`${ORIGIN}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ password: PASSWORD, ...body }),
    }),
  );
}
const shownKey = async (response: Response) =>
  authErrorKey({ status: response.status, ...((await response.json()) as { code?: string }) });
const stored = (email: string) =>
  db.user.findUnique({ where: { email }, select: { id: true, role: true, teacherRequest: true } });
const idOf = async (email: string) => (await stored(email))!.id;
const ok = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.data;
};
const draftInput = { format: 'paste', text: 'Ein Satz für den Unterricht.' };

let admin = '';
let learner = '';

beforeAll(async () => {
  await db.user.deleteMany({ where: { email: { endsWith: '@approval.test' } } });
  await db.teacherInvitation.deleteMany();
  // Sign-ups here share one address bucket (no trusted proxy): start it afresh.
  await db.authThrottle.deleteMany();
  admin = (await db.user.create({ data: { name: 'Ada Admin', email: 'admin@approval.test', role: 'admin' } })).id;
  learner = (await db.user.create({ data: { name: 'Lena', email: 'lena@approval.test' } })).id;
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await db.authThrottle.deleteMany();
  await db.$disconnect();
});

describe('a teacher sign-up waits for approval', () => {
  test('TEACHER_SIGNUP is approval outside development', () => {
    expect(env.NODE_ENV).toBe('test');
    expect(env.TEACHER_SIGNUP).toBe('approval');
  });

  test('signs up as a learner with a pending request, and cannot import or run classes', async () => {
    expect((await signUp({ name: 'Paula Pending', email: 'paula@approval.test', role: 'teacher' })).status).toBe(200);
    expect(await stored('paula@approval.test')).toMatchObject({ role: 'learner', teacherRequest: 'pending' });
    const paula = await idOf('paula@approval.test');
    expect(await performAs({ userId: paula }, createClass, { name: 'Klasse 9b' })).toEqual({
      ok: false,
      error: TEACHER_PENDING,
    });
    expect(await performAs({ userId: paula }, createDraft, draftInput)).toEqual({ ok: false, error: TEACHER_PENDING });
    expect(await db.classroom.count({ where: { teacherId: paula } })).toBe(0);
    expect((await pendingTeacherRequests()).map((request) => request.email)).toContain('paula@approval.test');
  });

  test('with TEACHER_SIGNUP=open a teacher sign-up teaches at once', async () => {
    env.TEACHER_SIGNUP = 'open';
    try {
      expect((await signUp({ name: 'Olga', email: 'olga@approval.test', role: 'teacher' })).status).toBe(200);
    } finally {
      env.TEACHER_SIGNUP = 'approval';
    }
    const olga = await stored('olga@approval.test');
    expect(olga).toMatchObject({ role: 'teacher', teacherRequest: null });
    ok(await performAs({ userId: olga!.id }, createClass, { name: 'Klasse 7d' }));
  });

  test('a learner sign-up is a learner with no request', async () => {
    expect((await signUp({ name: 'Lukas', email: 'lukas@approval.test' })).status).toBe(200);
    expect(await stored('lukas@approval.test')).toMatchObject({ role: 'learner', teacherRequest: null });
  });

  test('only an admin approves; then the teacher imports and runs classes', async () => {
    await signUp({ name: 'Theo', email: 'theo@approval.test', role: 'teacher' });
    const theo = await idOf('theo@approval.test');
    for (const actor of [learner, theo])
      expect(await performAs({ userId: actor }, approveTeacher, { userId: theo })).toEqual({
        ok: false,
        error: 'admin:errors.forbidden',
      });
    expect(await stored('theo@approval.test')).toMatchObject({ role: 'learner', teacherRequest: 'pending' });

    expect(ok(await performAs({ userId: admin }, approveTeacher, { userId: theo }))).toEqual({ userId: theo });
    expect(await stored('theo@approval.test')).toMatchObject({ role: 'teacher', teacherRequest: null });
    expect((await pendingTeacherRequests()).map((request) => request.email)).not.toContain('theo@approval.test');
    ok(await performAs({ userId: theo }, createClass, { name: 'Klasse 10a' }));
    expect(ok(await performAs({ userId: theo }, createDraft, draftInput))).toHaveProperty('slug');
    // Deciding again, or about someone who never asked, changes nothing.
    for (const userId of [theo, learner])
      expect(await performAs({ userId: admin }, approveTeacher, { userId })).toEqual({
        ok: false,
        error: 'admin:errors.notPending',
      });
    expect(await stored('lena@approval.test')).toMatchObject({ role: 'learner' });
  });

  test('a declined request stays a learner and cannot be approved afterwards by a stale page', async () => {
    await signUp({ name: 'Dora', email: 'dora@approval.test', role: 'teacher' });
    const dora = await idOf('dora@approval.test');
    ok(await performAs({ userId: admin }, declineTeacher, { userId: dora }));
    expect(await stored('dora@approval.test')).toMatchObject({ role: 'learner', teacherRequest: 'declined' });
    expect(await performAs({ userId: admin }, approveTeacher, { userId: dora })).toMatchObject({ ok: false });
    expect(await performAs({ userId: dora }, createClass, { name: 'Nein' })).toEqual({
      ok: false,
      error: 'classroom:errors.forbidden',
    });
  });

  test('two admins approving at once approve once', async () => {
    await signUp({ name: 'Zoe', email: 'zoe@approval.test', role: 'teacher' });
    const zoe = await idOf('zoe@approval.test');
    const results = await Promise.all([
      performAs({ userId: admin }, approveTeacher, { userId: zoe }),
      performAs({ userId: admin }, declineTeacher, { userId: zoe }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect((await stored('zoe@approval.test'))!.teacherRequest).not.toBe('pending');
  });
});

describe('invitation links', () => {
  const invite = async () => ok(await performAs({ userId: admin }, createInvitation, {}));

  test('only admins make them; the token is stored only as its hash', async () => {
    expect(await performAs({ userId: learner }, createInvitation, {})).toEqual({
      ok: false,
      error: 'admin:errors.forbidden',
    });
    const { token, expiresAt } = await invite();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan((INVITATION_DAYS - 1) * 86_400_000);
    const rows = await db.teacherInvitation.findMany();
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(await invitationStatus(token)).toBe('open');
  });

  test('a sign-up through one is a teacher at once; the link then refuses a second sign-up', async () => {
    const { token } = await invite();
    // Even a sign-up that did not pick the teacher role: the link is for teaching.
    expect((await signUp({ name: 'Ina', email: 'ina@approval.test', invitation: token })).status).toBe(200);
    const ina = await stored('ina@approval.test');
    expect(ina).toMatchObject({ role: 'teacher', teacherRequest: null });
    ok(await performAs({ userId: ina!.id }, createClass, { name: 'Klasse 8c' }));
    const used = await db.teacherInvitation.findUniqueOrThrow({
      where: { tokenHash: (await db.teacherInvitation.findFirstOrThrow({ where: { usedById: ina!.id } })).tokenHash },
    });
    expect(used.usedAt).not.toBeNull();
    expect(await invitationStatus(token)).toBe('used');

    const again = await signUp({ name: 'Ivo', email: 'ivo@approval.test', role: 'teacher', invitation: token });
    expect(again.status).toBe(400);
    expect(await shownKey(again)).toBe('account:errors.invitationUsed');
    expect(await stored('ivo@approval.test')).toBeNull();
  });

  test('an expired, withdrawn or made-up link is refused with its own message, and no account is made', async () => {
    const expired = await invite();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + INVITATION_DAYS * 86_400_000 + 1000 });
    expect(await invitationStatus(expired.token)).toBe('expired');
    const late = await signUp({ name: 'Eva', email: 'eva@approval.test', role: 'teacher', invitation: expired.token });
    expect(late.status).toBe(400);
    expect(await shownKey(late)).toBe('account:errors.invitationExpired');
    vi.useRealTimers();

    const withdrawn = await invite();
    const [open] = await openInvitations();
    expect(await performAs({ userId: learner }, revokeInvitation, { invitationId: open!.id })).toMatchObject({
      ok: false,
    });
    ok(await performAs({ userId: admin }, revokeInvitation, { invitationId: open!.id }));
    for (const token of [withdrawn.token, 'made-up-token-made-up-token-made-up-tokenxx']) {
      const refused = await signUp({ name: 'Udo', email: 'udo@approval.test', role: 'teacher', invitation: token });
      expect(refused.status).toBe(400);
      expect(await shownKey(refused)).toBe('account:errors.invitationUnknown');
    }
    const malformed = await signUp({ name: 'Udo', email: 'udo@approval.test', invitation: 'x'.repeat(10_000) });
    expect(await shownKey(malformed)).toBe('account:errors.invitationUnknown');
    expect(await stored('eva@approval.test')).toBeNull();
    expect(await stored('udo@approval.test')).toBeNull();
  });

  test('two sign-ups racing with one link: one teacher, one refused', async () => {
    const { token } = await invite();
    const responses = await Promise.all(
      ['ron', 'rut'].map((name) =>
        signUp({ name, email: `${name}@approval.test`, role: 'teacher', invitation: token }),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 400]);
    const accounts = await db.user.findMany({ where: { email: { in: ['ron@approval.test', 'rut@approval.test'] } } });
    expect(accounts.map((account) => account.role)).toEqual(['teacher']);
  });
});

describe('the first admin', () => {
  test('admin:grant makes an existing account an admin, admin:revoke a teacher again', async () => {
    await signUp({ name: 'Gisela', email: 'gisela@approval.test', role: 'teacher' });
    expect(await setAdmin(' Gisela@Approval.test ')).toEqual({ name: 'Gisela', role: 'admin' });
    // Her own pending request is settled: an admin teaches.
    expect(await stored('gisela@approval.test')).toMatchObject({ role: 'admin', teacherRequest: null });
    const gisela = await idOf('gisela@approval.test');
    ok(await performAs({ userId: gisela }, createInvitation, {}));
    expect(await setAdmin('gisela@approval.test', true)).toEqual({ name: 'Gisela', role: 'teacher' });
    expect(await performAs({ userId: gisela }, createInvitation, {})).toMatchObject({ ok: false });
    await expect(setAdmin('nobody@approval.test')).rejects.toThrow(/sign up first/);
    await expect(setAdmin('lena@approval.test', true)).rejects.toThrow(/not an admin/);
  });
});
