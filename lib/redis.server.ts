import 'server-only';
import { answered, answers, sharedRedis } from './page-cache/redis.mjs';

// The app's Redis connection (REDIS_URL): one client per process, shared with the page cache, which
// Next loads outside the bundle (lib/page-cache/redis.mjs keeps it on globalThis, as db.server.ts keeps
// Prisma). docs/decisions/036-shared-page-cache.md

/** This process's Redis connection, or null without REDIS_URL. */
export const redis = sharedRedis;

/**
 * Whether Redis answers a PING now (readiness). True without REDIS_URL: there is nothing to wait for.
 * Never waits longer than the command timeout (500 ms), or 1 s for a process's first connection.
 */
export async function redisReady(): Promise<boolean> {
  const shared = sharedRedis();
  if (!shared) return true;
  try {
    return (await answers(shared)) && (await answered(shared, shared.client.ping())) === 'PONG';
  } catch {
    return false;
  }
}
