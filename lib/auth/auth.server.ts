import 'server-only';
import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware, isAPIError } from 'better-auth/api';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { db, databaseProvider } from '@/lib/db.server';
import { env } from '@/lib/env.server';
import { consumeSignInAttempt } from './attempts.server';
import { deleteOwnDrafts } from './deletion.server';
import { checkedAuthBody } from './input.server';
import { SignUpRoleSchema } from './roles';
import { PASSWORD_MAX, PASSWORD_MIN } from './schema';

/** How long a session read from its cookie cache stands without the database (see `session` below). */
export const SESSION_CACHE_SECONDS = 60;

/**
 * Accounts, sessions and sign-in through better-auth (docs/decisions/008-accounts-better-auth.md):
 * scrypt password hashes, HTTP-only session cookies (Secure behind https), CSRF origin checks, and
 * sign-in/sign-up attempts rate-limited per client address in the database, so every instance agrees.
 */
export const auth = betterAuth({
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
  emailAndPassword: {
    enabled: true,
    minPasswordLength: PASSWORD_MIN,
    maxPasswordLength: PASSWORD_MAX,
    autoSignIn: true,
  },
  user: {
    // Only through deleteAccount (lib/auth/service.server.ts), which always asks for the password:
    // the HTTP endpoint is disabled below, as it lets a session younger than a day delete without one.
    deleteUser: { enabled: true, beforeDelete: deleteOwnDrafts },
    additionalFields: {
      // Chosen at sign-up among learner/teacher only (checked below); admin is never accepted as input.
      role: { type: 'string', required: false, defaultValue: 'learner', input: true },
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
  },
  rateLimit: {
    enabled: true,
    storage: 'database',
    window: 60,
    max: 100,
    customRules: {
      '/sign-in/email': { window: 60, max: 5 },
      '/sign-up/email': { window: 60, max: 5 },
      '/get-session': false,
    },
  },
  // better-auth skips the origin (CSRF) check under NODE_ENV=test by default; we want tests to prove it.
  advanced: {
    disableOriginCheck: false,
    ipAddress: { ipAddressHeaders: ['x-forwarded-for'], trustedProxies: env.TRUSTED_PROXIES },
  },
  hooks: {
    before: createAuthMiddleware(async (ctx) => {
      // Every field sign-up and sign-in send towards the database passes the forms' own schema first.
      const checked = checkedAuthBody(ctx.path, ctx.body);
      if (ctx.path !== '/sign-in/email') return checked;
      const email: unknown = ctx.body?.email;
      if (typeof email === 'string' && !(await consumeSignInAttempt(db, email))) {
        throw new APIError('TOO_MANY_REQUESTS', {
          message: 'too many sign-in attempts for this account',
          code: 'TOO_MANY_ATTEMPTS',
        });
      }
    }),
  },
  databaseHooks: {
    user: {
      create: {
        before: async (user) => {
          const role = SignUpRoleSchema.safeParse(user.role ?? 'learner');
          if (!role.success)
            throw new APIError('BAD_REQUEST', { message: 'role not allowed', code: 'ROLE_NOT_ALLOWED' });
          return { data: { ...user, role: role.data } };
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
