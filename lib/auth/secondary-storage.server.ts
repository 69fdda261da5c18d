import 'server-only';
import type { BetterAuthOptions } from 'better-auth';
import { answered, answers, deleteKeys, type SharedRedis } from '@/lib/page-cache/redis.mjs';

type SecondaryStorage = NonNullable<BetterAuthOptions['secondaryStorage']>;

/**
 * better-auth's secondary storage in Redis (docs/decisions/037-sessions-across-instances.md): sessions,
 * the per-user lists of them and the rate-limit counters, shared by every instance.
 *
 * Redis is never what a sign-in waits for or fails on. The database keeps every session too
 * (`storeSessionInDatabase`), so a read that gets no answer is a miss and better-auth reads the
 * database; a write that gets none is skipped (the database has it). A deletion that gets none is kept
 * and done when Redis answers again, so an ended session does not come back with it. A rate-limit
 * count that gets none counts as the first: better-auth's limits are open during an outage, ours for
 * sign-in (lib/auth/attempts.server.ts) are in the database and hold.
 */
export function redisSecondaryStorage(shared: SharedRedis): SecondaryStorage {
  const key = (name: string) => `${shared.prefix}auth:${name}`;
  const quietly = async <T>(run: () => Promise<T>, otherwise: T): Promise<T> => {
    try {
      return (await answers(shared)) ? await answered(shared, run()) : otherwise;
    } catch {
      return otherwise;
    }
  };
  return {
    get: (name) => quietly(() => shared.client.get(key(name)), null),
    set: (name, value, ttl) => {
      // A newer value replaces a deletion still waiting for Redis (e.g. a user's list of sessions).
      shared.pendingDeletes.delete(key(name));
      return quietly(() => shared.client.set(key(name), value, ttl ? { EX: ttl } : undefined), null);
    },
    delete: (name) => deleteKeys(shared, [key(name)]).catch(() => {}),
    getAndDelete: async (name) => {
      const value = await quietly(() => shared.client.getDel(key(name)), null);
      if (value === null) await deleteKeys(shared, [key(name)]).catch(() => {});
      return value;
    },
    increment: (name, ttl) =>
      quietly(async () => {
        // Created with its window on the first count; later counts never extend it.
        const [, count] = await shared.client.multi().set(key(name), '0', { NX: true, EX: ttl }).incr(key(name)).exec();
        return Number(count);
      }, 1),
  };
}
