// Redis for the tests of the shared page cache and sessions: the server at TEST_REDIS_URL (default the
// local one), each test file under a key prefix of its own, deleted afterwards.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { createClient } from 'redis';
import { closeSharedRedis } from '@/lib/page-cache/redis.mjs';

export const REDIS_TEST_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';

/** Whether a Redis server answers there. Without one: required under CI=true, else the tests skip. */
export async function redisAvailable(): Promise<boolean> {
  const client = createClient({ url: REDIS_TEST_URL, socket: { connectTimeout: 1000, reconnectStrategy: false } });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    await client.close();
    return true;
  } catch {
    if (process.env.CI === 'true') throw new Error(`no Redis at ${REDIS_TEST_URL}: required because CI=true`);
    return false;
  }
}

/**
 * Points the app's Redis settings (REDIS_URL, REDIS_PREFIX) at the test server under a new prefix for
 * this file, and afterwards closes the app's connections, deletes the prefix's keys and restores the
 * settings (test files share one process).
 */
export function useTestRedis(name: string): { prefix: string } {
  const prefix = `lesebruecke-test:${name}:${randomUUID()}:`;
  const saved = { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: process.env.REDIS_PREFIX };
  beforeAll(() => {
    Object.assign(process.env, { REDIS_URL: REDIS_TEST_URL, REDIS_PREFIX: prefix });
  });
  afterAll(async () => {
    await closeSharedRedis();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    const client = await createClient({ url: REDIS_TEST_URL }).connect();
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
      if (keys.length) await client.del(keys);
    }
    await client.close();
  });
  return { prefix };
}
