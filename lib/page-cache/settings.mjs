// @ts-check
// The Redis settings (REDIS_URL, REDIS_PREFIX), defined once for lib/env.server.ts and for the code that
// Next and the job runner load outside the app's bundle (lib/page-cache.server.mjs, ./expire.mjs), which
// cannot import the server-only env.server.ts. docs/decisions/036-shared-page-cache.md
import { z } from 'zod';

/** Unset: no Redis anywhere (the single-process default). */
export const redisUrl = z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional();
/** Put before every key, so that several apps or test runs can share one Redis. */
export const redisPrefix = z.string().min(1).default('lesebruecke:');

const RedisSettings = z.object({ REDIS_URL: redisUrl, REDIS_PREFIX: redisPrefix });

/**
 * The Redis settings in `source` (process.env), validated as lib/env.server.ts validates them.
 * @param {Readonly<Record<string, string | undefined>>} source
 * @returns {{ url: string, prefix: string } | null} null without REDIS_URL
 */
export function redisSettings(source) {
  const result = RedisSettings.safeParse({
    REDIS_URL: source.REDIS_URL || undefined,
    REDIS_PREFIX: source.REDIS_PREFIX || undefined,
  });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const { REDIS_URL: url, REDIS_PREFIX: prefix } = result.data;
  return url ? { url, prefix } : null;
}
