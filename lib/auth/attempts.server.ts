import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db.server';
import { prismaErrorCode, retrying } from '@/lib/db-retry.server';
import { env } from '@/lib/env.server';

// Sign-in and sign-up limits that slow an attacker without locking the owner out
// (docs/decisions/017-client-address-and-sign-in-limits.md). A sign-in from a client the account
// knows (a browser holding its device cookie, or an address it signed in from, where addresses can be
// known) counts only in that client's own bucket, so no failure from elsewhere can hold it back. Any
// other sign-in counts per address (all such clients share one bucket while addresses cannot be
// known) and per account, from any number of addresses. Only failures count: each attempt is counted
// before the password is checked (so that a burst cannot pass a check together), and given back when it
// succeeds.

/**
 * How a bucket slows attempts down: the first `free` pass at once, then each must wait `firstDelayMs`
 * after the previous one, twice as long with each further attempt, up to `maxDelayMs`. A bucket that
 * has seen no attempt for `forgetAfterMs` starts afresh.
 */
type Throttle = { free: number; firstDelayMs: number; maxDelayMs: number; forgetAfterMs: number };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const LIMITS = {
  /** Failed sign-ins to one account from clients it does not know, whatever their addresses. */
  account: { free: 5, firstDelayMs: SECOND, maxDelayMs: 15 * MINUTE, forgetAfterMs: DAY },
  /** Failed sign-ins from one address, to any accounts. */
  address: { free: 20, firstDelayMs: SECOND, maxDelayMs: 15 * MINUTE, forgetAfterMs: HOUR },
  /** Failed sign-ins to one account from one client it knows: its owner's typing. */
  knownClient: { free: 5, firstDelayMs: SECOND, maxDelayMs: 15 * MINUTE, forgetAfterMs: DAY },
  /** Sign-ups from one address: 30 an hour, so that a class can sign up in one lesson from its school's network. */
  signUp: { free: 30, firstDelayMs: HOUR, maxDelayMs: HOUR, forgetAfterMs: HOUR },
  /**
   * Password-reset e-mails to one address, asked for by anyone: three an hour, then one every 15
   * minutes at most, so that nobody can flood a mailbox, and its owner can still get one.
   */
  resetMailAccount: { free: 3, firstDelayMs: 15 * MINUTE, maxDelayMs: 15 * MINUTE, forgetAfterMs: HOUR },
  /** Password-reset requests from one address, to any e-mail addresses. */
  resetMailAddress: { free: 10, firstDelayMs: MINUTE, maxDelayMs: HOUR, forgetAfterMs: HOUR },
  /**
   * The same while addresses cannot be known (no TRUSTED_PROXIES), when every client shares one
   * bucket: roomy enough that strangers cannot keep everyone from resetting, still a bound on floods.
   */
  resetMailUnknownAddress: { free: 100, firstDelayMs: SECOND, maxDelayMs: MINUTE, forgetAfterMs: HOUR },
} as const satisfies Record<string, Throttle>;

/** How long a client stays known to an account after its last sign-in there (also its cookie's lifetime). */
export const KNOWN_FOR_MS = 180 * DAY;

/** Who asks: its address (null when it cannot be known, lib/auth/client-address.server.ts) and its device cookie. */
export type Client = { address: string | null; device: string | undefined };

type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number };
const ALLOWED: Verdict = { allowed: true };

/** A keyed hash (the auth secret), so that the stored keys reveal neither e-mail addresses nor client addresses. */
function digest(...parts: string[]): string {
  return createHmac('sha256', env.BETTER_AUTH_SECRET).update(parts.join('\0')).digest('base64url');
}

const addressKey = (action: 'sign-in' | 'sign-up' | 'password' | 'reset-mail' | 'reset', client: Client) =>
  `${action}|address|${client.address ? digest('address', client.address) : 'unknown'}`;
const FORGET_ALL_AFTER_MS = Math.max(...Object.values(LIMITS).map((limit) => limit.forgetAfterMs));

/** Whether a bucket at `row` lets an attempt through at `now`, and its count after it. */
function decide(
  row: { count: number; lastAt: Date } | null,
  limit: Throttle,
  now: number,
): { allowed: true; count: number } | { allowed: false; retryAfterMs: number } {
  const last = row?.lastAt.getTime() ?? 0;
  const count = row && now - last < limit.forgetAfterMs ? row.count : 0;
  if (count < limit.free) return { allowed: true, count: count + 1 };
  const readyAt = last + Math.min(limit.firstDelayMs * 2 ** (count - limit.free), limit.maxDelayMs);
  return now < readyAt ? { allowed: false, retryAfterMs: readyAt - now } : { allowed: true, count: count + 1 };
}

const CONTENDED_ATTEMPTS = 20;

/**
 * Counts one attempt in bucket `key` if its limit lets it through. Compare-and-set on the row (no
 * transaction, the same on SQLite and PostgreSQL): of two concurrent attempts, the one that wrote
 * second reads again and decides again. Refused (for a second) when it loses 20 times in a row, which
 * only a flood causes.
 */
async function consume(db: Db, key: string, limit: Throttle, now: number): Promise<Verdict> {
  for (let attempt = 0; attempt < CONTENDED_ATTEMPTS; attempt++) {
    const row = await db.authThrottle.findUnique({ where: { key } });
    const decision = decide(row, limit, now);
    if (!decision.allowed) return decision;
    const data = { count: decision.count, lastAt: new Date(now) };
    if (row) {
      const { count } = await db.authThrottle.updateMany({
        where: { key, count: row.count, lastAt: row.lastAt },
        data,
      });
      if (count === 1) return ALLOWED;
      continue;
    }
    try {
      await db.authThrottle.deleteMany({ where: { lastAt: { lt: new Date(now - FORGET_ALL_AFTER_MS) } } });
      await db.authThrottle.create({ data: { key, ...data } });
      return ALLOWED;
    } catch (error) {
      if (prismaErrorCode(error) !== 'P2002') throw error;
    }
  }
  return { allowed: false, retryAfterMs: SECOND };
}

/** The known client's hash for this account, the device cookie before the address; null for a stranger. */
async function knownClient(db: Db, email: string, client: Client, now: number) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return null;
  const candidates = [
    client.device && digest(user.id, 'device', client.device),
    client.address && digest(user.id, 'address', client.address),
  ].filter((hash) => typeof hash === 'string');
  if (candidates.length === 0) return null;
  const rows = await db.knownClient.findMany({
    where: { userId: user.id, keyHash: { in: candidates }, lastSeenAt: { gte: new Date(now - KNOWN_FOR_MS) } },
    select: { keyHash: true },
  });
  const keyHash = candidates.find((hash) => rows.some((row) => row.keyHash === hash));
  return keyHash ? { userId: user.id, keyHash } : null;
}

type Bucket = { key: string; limit: Throttle; known: boolean };

/** Where a sign-in to `email` by `client` counts: in the client's own bucket if the account knows it, else per address and per account. */
async function signInBuckets(db: Db, email: string, client: Client, now: number): Promise<Bucket[]> {
  const known = await knownClient(db, email, client, now);
  if (known) return [{ key: `sign-in|known|${known.userId}|${known.keyHash}`, limit: LIMITS.knownClient, known: true }];
  return [
    { key: addressKey('sign-in', client), limit: LIMITS.address, known: false },
    { key: `sign-in|account|${digest('account', email)}`, limit: LIMITS.account, known: false },
  ];
}

const normalizedEmail = (email: string) => email.trim().toLowerCase();

/** Counts a sign-in attempt to `email` before its password is checked, or says how long it must wait. */
export async function beginSignIn(db: Db, email: string, client: Client, now = Date.now()): Promise<Verdict> {
  for (const bucket of await signInBuckets(db, normalizedEmail(email), client, now)) {
    const verdict = await consume(db, bucket.key, bucket.limit, now);
    if (!verdict.allowed) return verdict;
  }
  return ALLOWED;
}

/**
 * After a successful sign-in: gives its attempt back (a known client's typing is forgiven altogether)
 * and remembers the client for the account. Returns the browser's new device token.
 */
export async function signInSucceeded(
  db: Db,
  user: { id: string; email: string },
  client: Client,
  now = Date.now(),
): Promise<string> {
  for (const bucket of await signInBuckets(db, normalizedEmail(user.email), client, now)) {
    if (bucket.known) await db.authThrottle.deleteMany({ where: { key: bucket.key } });
    else
      await db.authThrottle.updateMany({
        where: { key: bucket.key, count: { gt: 0 } },
        data: { count: { decrement: 1 } },
      });
  }
  return rememberClient(db, user.id, client, now);
}

/**
 * Remembers the client that has just signed in to (or signed up) account `userId`: its address, when
 * known, and a fresh device token that replaces the one its cookie held (a token planted in the
 * browser by someone else therefore never becomes known). Returns the token for the cookie.
 */
export async function rememberClient(db: Db, userId: string, client: Client, now = Date.now()): Promise<string> {
  const device = randomBytes(32).toString('base64url');
  const lastSeenAt = new Date(now);
  const hashes = [digest(userId, 'device', device)];
  if (client.address) hashes.push(digest(userId, 'address', client.address));
  for (const keyHash of hashes)
    await retrying(() =>
      db.knownClient.upsert({
        where: { userId_keyHash: { userId, keyHash } },
        create: { userId, keyHash, lastSeenAt },
        update: { lastSeenAt },
      }),
    );
  const stale = client.device ? [digest(userId, 'device', client.device)] : [];
  await db.knownClient.deleteMany({
    where: { userId, OR: [{ keyHash: { in: stale } }, { lastSeenAt: { lt: new Date(now - KNOWN_FOR_MS) } }] },
  });
  return device;
}

/** Counts a sign-up attempt from `client`'s address, or says how long it must wait. */
export function beginSignUp(db: Db, client: Client, now = Date.now()): Promise<Verdict> {
  return consume(db, addressKey('sign-up', client), LIMITS.signUp, now);
}

// Checks of a signed-in account's current password (change-password, account deletion): a stolen
// session must not be a way to guess the password either. They count as strangers' sign-ins do: per
// account (keyed by its id, so only holders of one of its sessions fill it) and per address, with the
// same growing delays; only a wrong password counts.

const passwordCheckBuckets = (userId: string, client: Client): Bucket[] => [
  { key: addressKey('password', client), limit: LIMITS.address, known: false },
  { key: `password|account|${userId}`, limit: LIMITS.account, known: false },
];

/** Counts a check of account `userId`'s current password before it is made, or says how long it must wait. */
export async function beginPasswordCheck(db: Db, userId: string, client: Client, now = Date.now()): Promise<Verdict> {
  for (const bucket of passwordCheckBuckets(userId, client)) {
    const verdict = await consume(db, bucket.key, bucket.limit, now);
    if (!verdict.allowed) return verdict;
  }
  return ALLOWED;
}

/** Gives the attempt back when the password was right (or never checked): only wrong passwords count. */
export async function passwordCheckPassed(db: Db, userId: string, client: Client): Promise<void> {
  for (const bucket of passwordCheckBuckets(userId, client))
    await db.authThrottle.updateMany({
      where: { key: bucket.key, count: { gt: 0 } },
      data: { count: { decrement: 1 } },
    });
}

// Password reset (docs/decisions/029-password-reset-and-mail.md): each request for a reset e-mail
// counts per address and per e-mail address (whether an account has it or not, so that the limit
// says nothing about who has an account); setting a new password with a link's token counts per
// address like a stranger's sign-in (a token is 24 random characters: the limit is against floods).

/** Counts a request for a password-reset e-mail to `email`, or says how long it must wait. */
export async function beginResetMail(db: Db, email: string, client: Client, now = Date.now()): Promise<Verdict> {
  const buckets: Bucket[] = [
    {
      key: addressKey('reset-mail', client),
      limit: client.address ? LIMITS.resetMailAddress : LIMITS.resetMailUnknownAddress,
      known: false,
    },
    {
      key: `reset-mail|account|${digest('account', normalizedEmail(email))}`,
      limit: LIMITS.resetMailAccount,
      known: false,
    },
  ];
  for (const bucket of buckets) {
    const verdict = await consume(db, bucket.key, bucket.limit, now);
    if (!verdict.allowed) return verdict;
  }
  return ALLOWED;
}

/** Counts an attempt to set a new password with a reset link's token, or says how long it must wait. */
export function beginPasswordReset(db: Db, client: Client, now = Date.now()): Promise<Verdict> {
  return consume(db, addressKey('reset', client), LIMITS.address, now);
}
