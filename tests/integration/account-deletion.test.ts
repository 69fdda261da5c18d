import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { performAs } from '@/lib/action.server';
import { auth } from '@/lib/auth/auth.server';
import { ensureAccount } from '@/lib/auth/accounts.server';
import { deleteAccount } from '@/lib/auth/service.server';
import { createClass, joinClass } from '@/lib/classroom/classes.server';
import { db } from '@/lib/db.server';
import { createDraft } from '@/lib/teach/import.server';
import { updateLearnerSettings } from '@/lib/review/service.server';

// Deleting one's own account: always with the password, and it takes exactly what was only theirs.
// Runs on SQLite and PostgreSQL (the cascades are the databases' own).
const PASSWORD = 'deletion test password';
const ORIGIN = 'http://localhost:3000';
let ip = 0;

/** The request headers of a browser signed in as `email` (its session cookies). */
async function signedIn(email: string): Promise<Headers> {
  const response = await auth.handler(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': `10.77.0.${++ip}` },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
  );
  expect(response.status).toBe(200);
  return new Headers({
    cookie: response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; '),
    origin: ORIGIN,
  });
}

const account = (name: string, role: 'learner' | 'teacher') =>
  ensureAccount({ name, email: `${name.toLowerCase()}@deletion.test`, password: PASSWORD, role });
const ok = <T>(result: { ok: true; data: T } | { ok: false }) => {
  if (!result.ok) throw new Error(`expected ok: ${JSON.stringify(result)}`);
  return result.data;
};

beforeAll(async () => {
  await db.user.deleteMany({ where: { email: { endsWith: '@deletion.test' } } });
});
afterAll(async () => {
  await db.$disconnect();
});

describe('deleting an account', () => {
  test('needs the account’s own password, and a session', async () => {
    const { id } = await account('Wrong', 'learner');
    const headers = await signedIn('wrong@deletion.test');
    const actor = { userId: id };
    expect(await performAs(actor, deleteAccount(headers), { password: 'not the password' })).toEqual({
      ok: false,
      error: 'account:errors.invalid',
      fieldErrors: { password: 'account:errors.wrongPassword' },
    });
    expect(await performAs(actor, deleteAccount(headers), { password: '' })).toEqual({
      ok: false,
      error: 'account:errors.invalid',
      fieldErrors: { password: 'account:errors.passwordRequired' },
    });
    expect(await performAs(actor, deleteAccount(headers), {})).toEqual({
      ok: false,
      error: 'account:errors.invalid',
      fieldErrors: { password: 'account:errors.passwordRequired' },
    });
    // Without a session on the request better-auth refuses, whoever claims to act.
    expect(await performAs(actor, deleteAccount(new Headers({ origin: ORIGIN })), { password: PASSWORD })).toEqual({
      ok: false,
      error: 'account:errors.signedOut',
    });
    expect(await performAs(null, deleteAccount(headers), { password: PASSWORD })).toEqual({
      ok: false,
      error: 'account:errors.signedOut',
    });
    expect(await db.user.findUnique({ where: { id } })).not.toBeNull();
  });

  test('better-auth’s own delete-user endpoint is closed (it would accept a fresh session without a password)', async () => {
    await account('Endpoint', 'learner');
    const headers = await signedIn('endpoint@deletion.test');
    const response = await auth.handler(
      new Request(`${ORIGIN}/api/auth/delete-user`, {
        method: 'POST',
        headers: { ...Object.fromEntries(headers), 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(response.status).toBe(404);
    expect(await db.user.findUnique({ where: { email: 'endpoint@deletion.test' } })).not.toBeNull();
  });

  test('a learner’s words, cards, settings, sessions and memberships go; the class and other people stay', async () => {
    const teacher = await account('Teacher', 'teacher');
    const learner = await account('Learner', 'learner');
    const other = await account('Other', 'learner');
    const klass = ok(await performAs({ userId: teacher.id }, createClass, { name: 'Kurs', description: '' }));
    for (const user of [learner, other]) ok(await performAs({ userId: user.id }, joinClass, { code: klass.joinCode }));
    for (const user of [learner, other]) {
      const entry = await db.vocabularyEntry.create({
        data: { userId: user.id, lemma: 'Krieg', statusChanges: { create: { userId: user.id, status: 'new' } } },
      });
      await db.reviewCard.create({ data: { userId: user.id, entryId: entry.id, direction: 'de-en', due: new Date() } });
      ok(
        await performAs({ userId: user.id }, updateLearnerSettings, {
          newCardsPerDay: 5,
          reviewsPerDay: 50,
          timeZone: 'Europe/Berlin',
        }),
      );
    }
    const headers = await signedIn('learner@deletion.test');

    expect(await performAs({ userId: learner.id }, deleteAccount(headers), { password: PASSWORD })).toEqual({
      ok: true,
      data: null,
    });
    const left = async (userId: string) => ({
      user: await db.user.count({ where: { id: userId } }),
      sessions: await db.session.count({ where: { userId } }),
      accounts: await db.account.count({ where: { userId } }),
      words: await db.vocabularyEntry.count({ where: { userId } }),
      statusChanges: await db.statusChange.count({ where: { userId } }),
      cards: await db.reviewCard.count({ where: { userId } }),
      settings: await db.learnerSettings.count({ where: { userId } }),
      memberships: await db.classMembership.count({ where: { userId } }),
    });
    expect(await left(learner.id)).toEqual({
      user: 0,
      sessions: 0,
      accounts: 0,
      words: 0,
      statusChanges: 0,
      cards: 0,
      settings: 0,
      memberships: 0,
    });
    expect(await left(other.id)).toMatchObject({
      user: 1,
      accounts: 1,
      words: 1,
      statusChanges: 1,
      cards: 1,
      settings: 1,
      memberships: 1,
    });
    expect(await db.classroom.count({ where: { id: klass.id } })).toBe(1);
    // The deleted account cannot sign in again.
    const again = await auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-forwarded-for': '10.77.1.1' },
        body: JSON.stringify({ email: 'learner@deletion.test', password: PASSWORD }),
      }),
    );
    expect(again.status).toBe(401);
  });

  test('a teacher’s classes and unpublished imports go; a published import stays, without an owner', async () => {
    const teacher = await account('Leaving', 'teacher');
    const student = await account('Student', 'learner');
    const klass = ok(await performAs({ userId: teacher.id }, createClass, { name: 'Abschied', description: '' }));
    ok(await performAs({ userId: student.id }, joinClass, { code: klass.joinCode }));
    const draft = ok(
      await performAs({ userId: teacher.id }, createDraft, {
        format: 'txt',
        text: 'Ein Entwurf. Er bleibt unveröffentlicht.',
      }),
    );
    const published = ok(
      await performAs({ userId: teacher.id }, createDraft, {
        format: 'txt',
        text: 'Ein veröffentlichter Text. Er bleibt in der Bibliothek.',
      }),
    );
    await db.article.update({ where: { slug: published.slug }, data: { status: 'published' } });

    const leaving = deleteAccount(await signedIn('leaving@deletion.test'));
    expect(await performAs({ userId: teacher.id }, leaving, { password: PASSWORD })).toEqual({
      ok: true,
      data: null,
    });
    expect(await db.classroom.count({ where: { id: klass.id } })).toBe(0);
    expect(await db.classMembership.count({ where: { classId: klass.id } })).toBe(0);
    expect(await db.user.count({ where: { id: student.id } })).toBe(1);
    expect(await db.article.count({ where: { slug: draft.slug } })).toBe(0);
    expect(
      await db.article.findUnique({ where: { slug: published.slug }, select: { status: true, ownerId: true } }),
    ).toEqual({ status: 'published', ownerId: null });
  });
});
