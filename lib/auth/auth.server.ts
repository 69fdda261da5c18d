import 'server-only';
import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from 'better-auth/api';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { db, databaseProvider } from '@/lib/db.server';
import { env } from '@/lib/env.server';
import { mailTransport } from '@/lib/mail/service.server';
import type { SharedRedis } from '@/lib/page-cache/redis.mjs';
import { redis } from '@/lib/redis.server';
import {
  beginPasswordCheck,
  beginPasswordReset,
  beginResetMail,
  beginSignIn,
  beginSignUp,
  type Client,
  KNOWN_FOR_MS,
  passwordCheckPassed,
  rememberClient,
  signInSucceeded,
} from './attempts.server';
import { clientAddress } from './client-address.server';
import { deleteOwnDrafts } from './deletion.server';
import { checkedAuthBody } from './input.server';
import { recordInvitationUse, redeemInvitation } from './invitations.server';
import { passwordResetMail, RESET_LINK_MINUTES, resetLink } from './reset-mail.server';
import { redisSecondaryStorage } from './secondary-storage.server';
import { signUpAccount, SignUpRoleSchema } from './roles';
import { PASSWORD_MAX, PASSWORD_MIN } from './schema';

/** How long a session read from its cookie cache stands without the database (see `session` below). */
export const SESSION_CACHE_SECONDS = 60;

const SIGN_IN = '/sign-in/email';
const SIGN_UP = '/sign-up/email';
const RESET_MAIL = '/request-password-reset';
const RESET = '/reset-password';
/**
 * The endpoints that check a signed-in account's current password: change-password (HTTP) and
 * delete-user (only through deleteAccount, lib/auth/service.server.ts, which passes the request's
 * headers). Each check counts per account and per address, as strangers' sign-ins do.
 */
const PASSWORD_CHECKS = new Set(['/change-password', '/delete-user']);
/** The browser's device cookie (lib/auth/attempts.server.ts), sent only to /api/auth. */
const DEVICE_COOKIE = 'known_device';
const DEVICE_COOKIE_ATTRIBUTES = { maxAge: KNOWN_FOR_MS / 1000, path: '/api/auth', sameSite: 'strict' } as const;

/** The error code a sign-up gets for an invitation link that does not work (lib/auth/errors.ts). */
const INVITATION_REFUSALS = {
  used: 'INVITATION_USED',
  expired: 'INVITATION_EXPIRED',
  unknown: 'INVITATION_UNKNOWN',
} as const;

/** The invitation token a sign-up's body carries (the `before` hook has checked its form), if any. */
const invitationOf = (body: unknown): string | undefined => {
  const invitation = (body as { invitation?: unknown } | undefined)?.invitation;
  return typeof invitation === 'string' && invitation ? invitation : undefined;
};

/** A refusal for a client that must wait `retryAfterMs`, as its Retry-After header says (in whole seconds). */
const tooManyAttempts = (retryAfterMs: number) =>
  new APIError(
    'TOO_MANY_REQUESTS',
    { message: 'too many attempts: wait, then try again', code: 'TOO_MANY_ATTEMPTS' },
    { 'Retry-After': String(Math.ceil(retryAfterMs / 1000)) },
  );

/** Who sends an auth request: its address as far as it can be known, and its device cookie. */
const clientOf = (headers: HeadersInit, device: string | null): Client => ({
  address: clientAddress(new Headers(headers), env.TRUSTED_PROXIES),
  device: device ?? undefined,
});

/**
 * Accounts, sessions and sign-in through better-auth (docs/decisions/008-accounts-better-auth.md):
 * scrypt password hashes, HTTP-only session cookies (Secure behind https), CSRF origin checks, and
 * sign-in/sign-up attempts limited in the database, so every instance agrees: per address, per account
 * and per known client (docs/decisions/017-client-address-and-sign-in-limits.md).
 */
export function createAuth(sharedRedis: SharedRedis | null) {
  return betterAuth({
    appName: 'Lesebrücke',
    secret: env.BETTER_AUTH_SECRET,
    // A deployment names its public origin; without one, only this machine's own addresses are
    // accepted (npm start, tests), so a forged Host header can never become a trusted origin.
    baseURL: env.BETTER_AUTH_URL ?? {
      allowedHosts: ['localhost:*', '127.0.0.1:*', '[::1]:*'],
      protocol: 'http',
      fallback: 'http://localhost:3000',
    },
    database: prismaAdapter(db, { provider: databaseProvider }),
    // Several instances (docs/decisions/037-sessions-across-instances.md): sessions are read from Redis,
    // one round trip instead of a join, and ended there for every instance at once. The database keeps
    // them too (`storeSessionInDatabase` below), as it keeps reset tokens (`verification`): it stays the
    // record, a session survives a Redis restart, and sign-in works while Redis does not answer.
    ...(sharedRedis && {
      secondaryStorage: redisSecondaryStorage(sharedRedis),
      verification: { storeInDatabase: true },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: PASSWORD_MAX,
      autoSignIn: true,
      // Password reset (docs/decisions/029-password-reset-and-mail.md): a link to the asking page's
      // reset page, in its language, valid for an hour and once; setting the new password signs the
      // account out everywhere. Only where mail can be sent (none in production without SMTP_URL).
      ...(mailTransport && {
        sendResetPassword: async ({ user, url, token }) => {
          const link = resetLink(url, token);
          const mail = passwordResetMail(link.locale, user, link.url);
          // Not awaited: the answer must not take longer for an existing account than for an unknown
          // address, nor differ when the mail server fails (which is logged instead).
          void mailTransport?.send(mail).catch((error: unknown) => console.error('password reset mail failed', error));
        },
      }),
      resetPasswordTokenExpiresIn: RESET_LINK_MINUTES * 60,
      revokeSessionsOnPasswordReset: true,
    },
    user: {
      // Only through deleteAccount (lib/auth/service.server.ts), which always asks for the password:
      // the HTTP endpoint is disabled below, as it lets a session younger than a day delete without one.
      deleteUser: { enabled: true, beforeDelete: deleteOwnDrafts },
      additionalFields: {
        // Chosen at sign-up among learner/teacher only (checked below); admin is never accepted as input.
        role: { type: 'string', required: false, defaultValue: 'learner', input: true },
        // A teacher sign-up waiting for an admin (or declined): set below, never from input (ADR 021).
        teacherRequest: { type: 'string', required: false, input: false },
      },
    },
    // The session (with the user's name, e-mail and role) is also kept in a cookie for a minute, so that
    // reading it does not query the database on every personal request. Encrypted (JWE, keyed by
    // BETTER_AUTH_SECRET), so neither the browser nor anyone holding the cookie can read it. The bound: a
    // revoked session stays signed in, and pages still see an old role or name, for SESSION_CACHE_SECONDS
    // at most; the teacher guards of actions read the stored role (lib/auth/guards.server.ts).
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
      cookieCache: { enabled: true, maxAge: SESSION_CACHE_SECONDS, strategy: 'jwe' },
      storeSessionInDatabase: true,
    },
    rateLimit: {
      enabled: true,
      // Counted where every instance counts: Redis when there is one, else the database.
      storage: sharedRedis ? 'secondary-storage' : 'database',
      window: 60,
      max: 100,
      customRules: {
        // Limited by our own hooks below, per address, account and known client (lib/auth/attempts.server.ts).
        [SIGN_IN]: false,
        [SIGN_UP]: false,
        [RESET_MAIL]: false,
        [RESET]: false,
        '/get-session': false,
      },
    },
    advanced: {
      // better-auth skips the origin (CSRF) check under NODE_ENV=test by default; we want tests to prove it.
      disableOriginCheck: false,
      // The same rule as clientAddress() for its own limits and the sessions' ipAddress: X-Forwarded-For
      // counts only behind trusted proxies (right-most address outside them). Without them no address is
      // known, and better-auth would count every client in one bucket per path: three requests to
      // /change-password from anyone would refuse everyone's for 10 s. Its limits are then off; ours
      // (lib/auth/attempts.server.ts) count per account and device, and per address where one is known.
      ipAddress: env.TRUSTED_PROXIES.length
        ? { ipAddressHeaders: ['x-forwarded-for'], trustedProxies: env.TRUSTED_PROXIES }
        : { ipAddressHeaders: [], disableIpTracking: true },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // Every field sign-up and sign-in send towards the database passes the forms' own schema first,
        // before any attempt is counted.
        const checked = checkedAuthBody(ctx.path, ctx.body);
        // Limits are for clients' requests; our own code's auth.api calls (seed, fixtures) carry no headers.
        if (!ctx.headers) return checked;
        if (PASSWORD_CHECKS.has(ctx.path)) {
          // Without a session the endpoint refuses anyway, and checks no password.
          const session = await getSessionFromCtx(ctx);
          if (!session) return checked;
          const verdict = await beginPasswordCheck(db, session.user.id, clientOf(ctx.headers, null));
          if (!verdict.allowed) throw tooManyAttempts(verdict.retryAfterMs);
          return checked;
        }
        if (ctx.path === RESET_MAIL || ctx.path === RESET) {
          const client = clientOf(ctx.headers, null);
          const verdict =
            ctx.path === RESET_MAIL
              ? await beginResetMail(db, String(checked?.context.body.email ?? ''), client)
              : await beginPasswordReset(db, client);
          if (!verdict.allowed) throw tooManyAttempts(verdict.retryAfterMs);
          return checked;
        }
        if (ctx.path !== SIGN_IN && ctx.path !== SIGN_UP) return checked;
        const cookie = ctx.context.createAuthCookie(DEVICE_COOKIE, DEVICE_COOKIE_ATTRIBUTES);
        const client = clientOf(ctx.headers, ctx.getCookie(cookie.name));
        const verdict =
          ctx.path === SIGN_IN
            ? await beginSignIn(db, String(checked?.context.body.email ?? ctx.body?.email ?? ''), client)
            : await beginSignUp(db, client);
        if (!verdict.allowed) throw tooManyAttempts(verdict.retryAfterMs);
        return checked;
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.headers && PASSWORD_CHECKS.has(ctx.path)) {
          // Only a wrong password counts: anything else (right password, new one too short) gives the attempt back.
          const returned = ctx.context.returned;
          const wrongPassword =
            isAPIError(returned) && (returned.body as { code?: string } | undefined)?.code === 'INVALID_PASSWORD';
          const tooMany = isAPIError(returned) && returned.status === 'TOO_MANY_REQUESTS';
          const session = ctx.context.session;
          if (!wrongPassword && !tooMany && session)
            await passwordCheckPassed(db, session.user.id, clientOf(ctx.headers, null));
          return;
        }
        const signedIn = ctx.context.newSession;
        if (!ctx.headers || !signedIn || (ctx.path !== SIGN_IN && ctx.path !== SIGN_UP)) return;
        const cookie = ctx.context.createAuthCookie(DEVICE_COOKIE, DEVICE_COOKIE_ATTRIBUTES);
        const client = clientOf(ctx.headers, ctx.getCookie(cookie.name));
        const device =
          ctx.path === SIGN_IN
            ? await signInSucceeded(db, signedIn.user, client)
            : await rememberClient(db, signedIn.user.id, client);
        ctx.setCookie(cookie.name, device, cookie.attributes);
      }),
    },
    databaseHooks: {
      user: {
        create: {
          // What the new account may do: learner or teacher as asked, but with TEACHER_SIGNUP=approval a
          // teacher waits for an admin (a learner with a pending request) unless the sign-up brings an
          // admin's invitation link, which it uses up here (docs/decisions/021-teacher-approval.md).
          before: async (user, ctx) => {
            const role = SignUpRoleSchema.safeParse(user.role ?? 'learner');
            if (!role.success)
              throw new APIError('BAD_REQUEST', { message: 'role not allowed', code: 'ROLE_NOT_ALLOWED' });
            const invitation = invitationOf(ctx?.body);
            if (invitation) {
              const status = await redeemInvitation(invitation);
              if (status !== 'open')
                throw new APIError('BAD_REQUEST', {
                  message: `invitation ${status}`,
                  code: INVITATION_REFUSALS[status],
                });
            }
            return { data: { ...user, ...signUpAccount(role.data, env.TEACHER_SIGNUP, Boolean(invitation)) } };
          },
          after: async (user, ctx) => {
            const invitation = invitationOf(ctx?.body);
            if (invitation) await recordInvitationUse(invitation, user.id);
          },
        },
      },
    },
    // Profile changes and deletion go through our own validated actions: better-auth's update-user
    // would accept `role`, and its delete-user no password from a fresh session.
    disabledPaths: ['/update-user', '/change-email', '/delete-user'],
    telemetry: { enabled: false },
    // Refusals (wrong password, throttled, bad input) are answers to the client, not server errors.
    onAPIError: {
      onError: (error, context) => {
        if (isAPIError(error) && error.status !== 'INTERNAL_SERVER_ERROR') return;
        context.logger.error('auth request failed', error);
      },
    },
    logger: { level: env.NODE_ENV === 'test' ? 'error' : 'warn' },
    plugins: [nextCookies()],
  });
}

/** This process's better-auth; with REDIS_URL its sessions and rate limits are shared through Redis. */
export const auth = createAuth(redis());
type Auth = typeof auth;

/**
 * After a change to a user row made outside better-auth (role, teacher request, name): the sessions
 * kept in Redis carry the user, so they are rewritten from the database (better-auth's own updateUser
 * does that). Without Redis every session read past the cookie cache joins the user row: nothing to do.
 */
export async function userChanged(userId: string, instance: Auth = auth): Promise<void> {
  if (!instance.options.secondaryStorage) return;
  const { internalAdapter } = await instance.$context;
  await internalAdapter.updateUser(userId, { updatedAt: new Date() });
}
