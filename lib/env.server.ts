import 'server-only';
import { z } from 'zod';
import { redisPrefix, redisUrl } from './page-cache/settings.mjs';

// Used only outside production (dev server, tests) so that a fresh checkout runs without setup;
// production refuses to start without its own secret (`npm start` writes one into .env).
const DEVELOPMENT_AUTH_SECRET = 'lesebruecke-development-secret-never-use-in-production';

/** A host as a link names it (name, IPv4 address or bracketed IPv6 address) and a port, 1–65535. */
const HOST_PORT =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\]):(?:[1-9]\d{0,3}|[1-5]\d{4}|6[0-4]\d{3}|65[0-4]\d{2}|655[0-2]\d|6553[0-5])$/;

/** Teacher sign-ups wait for an admin's approval, except on a developer's own machine. */
const teacherSignUpDefault = (nodeEnv: string) => (nodeEnv === 'development' ? 'open' : 'approval');

// The one place that reads process.env: checked once, typed, and naming each bad variable.
const EnvSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, 'must be a file: URL (SQLite) or a postgresql:// URL')
      .default('file:./prisma/dev.db'),
    /**
     * PostgreSQL connections each process may hold (node-postgres's pool; its default is 10). With
     * several instances, keep their sum and the worker's below the server's max_connections.
     */
    DATABASE_POOL_SIZE: z.coerce.number('must be a whole number from 1 to 500').int().min(1).max(500).optional(),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    BETTER_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    /** Public origin of the app (https://reader.example.org); inferred from each request when unset. */
    BETTER_AUTH_URL: z.url().optional(),
    /**
     * Comma-separated addresses or CIDR ranges of the reverse proxies in front of the app. Only with
     * them does X-Forwarded-For name the client, as its right-most address outside this list
     * (docs/decisions/017-client-address-and-sign-in-limits.md); unset, the header is ignored.
     */
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], 'must be IP addresses or CIDR ranges'))),
    /** A LibreTranslate-compatible endpoint for machine-translation drafts (https://translate.example.org); off when unset. */
    LIBRETRANSLATE_URL: z.url().optional(),
    /** Its API key, when the endpoint wants one. */
    LIBRETRANSLATE_API_KEY: z.string().optional(),
    /**
     * Who may teach (docs/decisions/021-teacher-approval.md): `open`, a teacher sign-up teaches at once;
     * `approval`, it waits for an admin's approval unless it comes with an admin's invitation link.
     * Default: `open` in development, `approval` everywhere else.
     */
    TEACHER_SIGNUP: z.enum(['open', 'approval'], 'must be open or approval').optional(),
    /**
     * Set by the `next` command for the server it runs; absent under vitest and tsx, where worker
     * threads run the TypeScript source (lib/workers.server.ts).
     */
    NEXT_RUNTIME: z.enum(['nodejs', 'edge']).optional(),
    /** Benchmarks only (bench/stalls.bench.ts): a file the server appends its event-loop stalls to. */
    EVENT_LOOP_LOG: z.string().optional(),
    /**
     * The SMTP server that sends the app's e-mail (password reset links), as a URL:
     * smtp://user:password@mail.example.org:587 (STARTTLS when offered) or smtps://…:465 (TLS).
     * Unset: development and tests log each e-mail to the server console; production sends none and
     * offers no password reset (lib/mail/service.server.ts).
     */
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
    /** The sender of that e-mail, e.g. `Lesebrücke <no-reply@reader.example.org>`; required with SMTP_URL. */
    MAIL_FROM: z
      .string()
      .regex(/^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, 'must be an address, or a name and <address>')
      .optional(),
    /**
     * Redis (redis://host:6379/0) for the page cache shared by several app instances, sessions and
     * sign-in rate limits (docs/decisions/036-shared-page-cache.md, 037-sessions-across-instances.md).
     * Unset: no Redis anywhere, each process keeps its own cache, as a single process needs.
     */
    REDIS_URL: redisUrl,
    /** Put before every Redis key (default `lesebruecke:`), so apps and test runs can share one Redis. */
    REDIS_PREFIX: redisPrefix,
    /**
     * Who works the job queue on PostgreSQL (docs/decisions/038-job-queue.md): `embedded`, each web
     * process works jobs too; `external`, web processes only enqueue and `npm run worker` works them.
     * With SQLite jobs run in the process that asks for them, whatever this says.
     */
    JOB_WORKER: z.enum(['embedded', 'external'], 'must be embedded or external').default('embedded'),
    /**
     * The task service (http://127.0.0.1:3901), with JOB_WORKER=external: `npm run worker` listens
     * there and web processes send it their CPU-heavy tasks (the lemma table's work, parsing imports),
     * so that only the worker loads the table and runs worker threads
     * (docs/decisions/048-web-tasks-in-the-worker.md). Internal: bind it to loopback or a private
     * network. Unset: each process runs those tasks in its own worker threads.
     */
    TASK_SERVICE_URL: z.url({ protocol: /^http$/, error: 'must be an http:// URL' }).optional(),
    /**
     * Tests only, never in production: comma-separated `host:port` pairs (`127.0.0.1:4711`) that an
     * import by link may fetch although they are not public addresses, so that tests can serve pages
     * from a local server. Each widens exactly that host (as written in the link) and port, nothing else
     * (docs/decisions/043-import-from-a-link.md).
     */
    IMPORT_FETCH_ALLOW_HOSTS: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? '')
          .split(',')
          .map((part) => part.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(HOST_PORT, 'must be host:port pairs, e.g. 127.0.0.1:4711'))),
  })
  .transform((parsed, context) => {
    if (parsed.SMTP_URL && !parsed.MAIL_FROM) {
      context.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'is required with SMTP_URL' });
      return z.NEVER;
    }
    const env = { ...parsed, TEACHER_SIGNUP: parsed.TEACHER_SIGNUP ?? teacherSignUpDefault(parsed.NODE_ENV) };
    if (env.BETTER_AUTH_SECRET) return { ...env, BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET };
    if (env.NODE_ENV === 'production') {
      context.addIssue({
        code: 'custom',
        path: ['BETTER_AUTH_SECRET'],
        message: 'is required in production (npm run setup writes one into .env)',
      });
      return z.NEVER;
    }
    return { ...env, BETTER_AUTH_SECRET: DEVELOPMENT_AUTH_SECRET };
  });

export type Env = z.infer<typeof EnvSchema>;

/** The settings as `source` gives them (exported for its tests; the app reads `env`). */
export function parseEnv(source: Readonly<Record<string, string | undefined>>): Env {
  const pick = (name: string) => source[name] || undefined;
  const result = EnvSchema.safeParse({
    DATABASE_URL: pick('DATABASE_URL'),
    DATABASE_POOL_SIZE: pick('DATABASE_POOL_SIZE'),
    NODE_ENV: pick('NODE_ENV'),
    BETTER_AUTH_SECRET: pick('BETTER_AUTH_SECRET'),
    BETTER_AUTH_URL: pick('BETTER_AUTH_URL'),
    TRUSTED_PROXIES: pick('TRUSTED_PROXIES'),
    LIBRETRANSLATE_URL: pick('LIBRETRANSLATE_URL'),
    LIBRETRANSLATE_API_KEY: pick('LIBRETRANSLATE_API_KEY'),
    TEACHER_SIGNUP: pick('TEACHER_SIGNUP'),
    NEXT_RUNTIME: pick('NEXT_RUNTIME'),
    EVENT_LOOP_LOG: pick('EVENT_LOOP_LOG'),
    SMTP_URL: pick('SMTP_URL'),
    MAIL_FROM: pick('MAIL_FROM'),
    REDIS_URL: pick('REDIS_URL'),
    REDIS_PREFIX: pick('REDIS_PREFIX'),
    JOB_WORKER: pick('JOB_WORKER'),
    TASK_SERVICE_URL: pick('TASK_SERVICE_URL'),
    IMPORT_FETCH_ALLOW_HOSTS: pick('IMPORT_FETCH_ALLOW_HOSTS'),
  });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return result.data;
}

export const env = parseEnv(process.env);
