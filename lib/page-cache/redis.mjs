// @ts-check
// The Redis connection of this process and the shared store of cache-tag times in it, for the page cache
// (lib/page-cache.server.mjs, which Next loads outside the app's bundle), for expirePaths (./expire.mjs,
// also run by the job worker) and for lib/redis.server.ts (inside the bundle). The clients live on
// globalThis, so that those copies of this module share one connection.
//
// Redis is a cache here, never a place where a request waits: commands that cannot be sent fail at once
// (no offline queue), a command without an answer fails after COMMAND_TIMEOUT_MS, and the callers then
// use their local fallback. The client reconnects by itself. docs/decisions/036-shared-page-cache.md
import { createClient, RESP_TYPES } from 'redis';
import { redisSettings } from './settings.mjs';

/** Longest wait for one answer; the page cache then serves from its local fallback. */
export const COMMAND_TIMEOUT_MS = 500;
/** Longest wait for the first connection (a process's first request), and for each attempt after it. */
const CONNECT_TIMEOUT_MS = 1000;
/** Between reconnection attempts: 100 ms, doubling, at most 2 s. */
const reconnectDelay = (/** @type {number} */ retries) => Math.min(100 * 2 ** retries, 2000);

/**
 * When a tag was expired (its entries count as absent from then on) and made stale (served once more
 * while they are rendered afresh), in ms since the epoch, as Next's own tag manifest keeps them.
 * @typedef {{ expired?: number, stale?: number }} TagTimes
 */

function connect(/** @type {{ url: string, prefix: string }} */ { url, prefix }) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    commandOptions: { timeout: COMMAND_TIMEOUT_MS },
    socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: reconnectDelay },
  });
  const shared = {
    client,
    /** The same client, answering strings as Buffers (cached pages are stored as bytes). */
    binary: client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }),
    prefix,
    /** Settles when the first connection is made, or after CONNECT_TIMEOUT_MS. */
    started: Promise.race([
      client.connect().catch(() => {}),
      new Promise((resolve) => setTimeout(resolve, CONNECT_TIMEOUT_MS).unref()),
    ]),
    /** @type {boolean | undefined} whether Redis answered last time (undefined: not yet tried) */
    up: undefined,
    /** @type {Map<string, TagTimes>} tag times that could not be written yet: written when Redis is back */
    pendingTags: new Map(),
  };
  const where = new URL(url).host; // never the password
  client.on('error', (/** @type {Error} */ error) => {
    // Once per outage, not once per reconnection attempt.
    if (shared.up !== false) {
      console.warn(`Redis at ${where} does not answer (${error.message}): serving from this process's own cache`);
    }
    shared.up = false;
  });
  client.on('ready', () => {
    if (shared.up === false) console.info(`Redis at ${where} answers again`);
    shared.up = true;
    writePendingTags(shared).catch(() => {}); // kept for the next reconnection
  });
  return shared;
}

/** @typedef {ReturnType<typeof connect>} SharedRedis */

const CLIENTS = Symbol.for('lesebruecke.redis');
const store = /** @type {{ [CLIENTS]?: Map<string, SharedRedis> }} */ (globalThis);

/**
 * This process's Redis connection for the current REDIS_URL and REDIS_PREFIX, or null without REDIS_URL.
 * It reads process.env itself (on every call, so tests can point it elsewhere): Next loads the page cache
 * outside the app's bundle, where the server-only lib/env.server.ts cannot be imported; the rule is the
 * same one (./settings.mjs).
 * @returns {SharedRedis | null}
 */
export function sharedRedis() {
  // eslint-disable-next-line no-restricted-properties -- see above: env.server.ts cannot be imported here
  const settings = redisSettings(process.env);
  if (!settings) return null;
  const clients = (store[CLIENTS] ??= new Map());
  const key = `${settings.url} ${settings.prefix}`;
  let shared = clients.get(key);
  if (!shared || !shared.client.isOpen) {
    shared = connect(settings);
    clients.set(key, shared);
  }
  return shared;
}

/** Closes this process's Redis connections (a script or test that is done; the web server never does). */
export async function closeSharedRedis() {
  const clients = store[CLIENTS];
  if (!clients) return;
  const open = [...clients.values()];
  clients.clear();
  await Promise.all(open.map(({ client }) => (client.isReady ? client.close() : client.destroy())));
}

/** Whether Redis answers now (after waiting for the first connection). */
export async function answers(/** @type {SharedRedis} */ shared) {
  await shared.started;
  return shared.client.isReady;
}

const tagKeys = (/** @type {string} */ prefix) =>
  /** @type {const} */ ([`${prefix}tags:expired`, `${prefix}tags:stale`]);

// Writes each tag's times unless the stored one is later and already past: two instances (or a write
// delayed by an outage) may report the same tag out of order, and an earlier time must not bring back
// entries that a later one expired. A stored time still in the future (an expiry scheduled by
// revalidateTag with a profile) is replaced, as Next's own manifest replaces it.
const WRITE_TAGS = `
local now = tonumber(ARGV[1])
for i = 2, #ARGV, 3 do
  for k = 1, 2 do
    local time = tonumber(ARGV[i + k])
    if time then
      local stored = tonumber(redis.call('HGET', KEYS[k], ARGV[i]))
      if not stored or stored < time or stored > now then redis.call('HSET', KEYS[k], ARGV[i], ARGV[i + k]) end
    end
  end
end`;

/**
 * Records the tags' times in Redis. Without an answer they are kept and written when Redis answers again,
 * so the other instances learn of them then (this one has its own manifest meanwhile).
 * @param {SharedRedis} shared
 * @param {ReadonlyMap<string, TagTimes>} times
 */
export async function writeTags(shared, times) {
  for (const [tag, { expired, stale }] of times) {
    const pending = shared.pendingTags.get(tag);
    shared.pendingTags.set(tag, {
      expired: Math.max(expired ?? 0, pending?.expired ?? 0) || undefined,
      stale: Math.max(stale ?? 0, pending?.stale ?? 0) || undefined,
    });
  }
  if (await answers(shared)) await writePendingTags(shared);
}

/** @param {SharedRedis} shared */
async function writePendingTags(shared) {
  const batch = [...shared.pendingTags];
  if (batch.length === 0) return;
  const args = batch.flatMap(([tag, { expired, stale }]) => [tag, String(expired ?? ''), String(stale ?? '')]);
  await shared.client.eval(WRITE_TAGS, { keys: [...tagKeys(shared.prefix)], arguments: [String(Date.now()), ...args] });
  // Only what was written: a time added meanwhile stays pending.
  for (const [tag, times] of batch) if (shared.pendingTags.get(tag) === times) shared.pendingTags.delete(tag);
}

/**
 * The stored times of these tags (those that have any).
 * @param {SharedRedis} shared
 * @param {readonly string[]} tags
 * @returns {Promise<Map<string, TagTimes>>}
 */
export async function readTags(shared, tags) {
  const times = new Map();
  if (tags.length === 0) return times;
  const [expiredKey, staleKey] = tagKeys(shared.prefix);
  const [expired, stale] = /** @type {[(string | null)[], (string | null)[]]} */ (
    /** @type {unknown} */ (
      await shared.client
        .multi()
        .hmGet(expiredKey, [...tags])
        .hmGet(staleKey, [...tags])
        .execAsPipeline()
    )
  );
  tags.forEach((tag, i) => {
    const expiredAt = Number(expired[i] ?? NaN);
    const staleAt = Number(stale[i] ?? NaN);
    if (expiredAt || staleAt) {
      times.set(tag, { expired: expiredAt || undefined, stale: staleAt || undefined });
    }
  });
  return times;
}
