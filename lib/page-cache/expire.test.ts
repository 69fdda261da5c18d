import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { redisAvailable, REDIS_TEST_URL, useTestRedis } from '@/tests/setup/redis';
import { expirePaths, pathTags } from './expire.mjs';
import { sharedRedis, writeTags } from './redis.mjs';

describe('pathTags', () => {
  test('names the implicit tags that revalidatePath expires', () => {
    expect(pathTags(['/en/articles/über-uns/', '/de/library'])).toEqual([
      '_N_T_/en/articles/%C3%BCber-uns',
      '_N_T_/de/library',
    ]);
    expect(pathTags(['/'])).toEqual(['_N_T_/', '_N_T_/index']);
    expect(pathTags([`/${'x'.repeat(1024)}`])).toEqual([]);
  });
});

describe('expirePaths without REDIS_URL', () => {
  test('does nothing', async () => {
    await expect(expirePaths(['/en/library'])).resolves.toBeUndefined();
  });
});

describe.runIf(await redisAvailable())('expirePaths with Redis', () => {
  const { prefix } = useTestRedis('expire');
  const reader = createClient({ url: REDIS_TEST_URL });
  beforeAll(async () => {
    await reader.connect();
  });
  afterAll(async () => {
    await reader.close();
  });

  test('writes the expiry time of each path tag into the shared tag store', async () => {
    const before = Date.now();
    await expirePaths(['/en/articles/a', '/de/articles/a']);
    const times = await reader.hmGet(`${prefix}tags:expired`, ['_N_T_/en/articles/a', '_N_T_/de/articles/a']);
    for (const time of times) {
      expect(Number(time)).toBeGreaterThanOrEqual(before);
      expect(Number(time)).toBeLessThanOrEqual(Date.now());
    }
  });

  test('an earlier time does not replace a later one that has passed; a scheduled one is replaced', async () => {
    const shared = sharedRedis()!;
    const now = Date.now();
    await writeTags(
      shared,
      new Map([
        ['a', { expired: now }],
        ['b', { expired: now + 3_600_000 }],
      ]),
    );
    await writeTags(
      shared,
      new Map([
        ['a', { expired: now - 1000 }],
        ['b', { expired: now }],
      ]),
    );
    expect(await reader.hmGet(`${prefix}tags:expired`, ['a', 'b'])).toEqual([String(now), String(now)]);
  });
});
