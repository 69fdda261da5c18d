// @ts-check
// Next's page cache (its file-system cache) with three changes.
//
// 1. A failed answer is never stored. Next 16 writes the 404 of every unknown slug of an on-demand page
// (/en/articles/<anything>, /api/articles/<anything>/words) to disk and never removes it: about 70 KB in
// 7 files each, so anyone could fill the disk (vercel/next.js#96581). Pages that exist are cached as
// before. docs/decisions/018-unknown-paths-and-outages.md
//
// 2. A cached page carries a Content-Security-Policy that names its inline scripts by hash. A page from the cache is the same
// bytes for every visitor, so it cannot carry a per-request nonce; its scripts' hashes are the same for
// every visitor too. Next sends a cached page's stored headers with it, on the first request (the one
// that renders it) as on every later one. next.config.mjs names this file as `cacheHandler`.
// docs/decisions/020-security-headers.md
//
// 3. With REDIS_URL, several app instances share one cache: the entries and the times at which their tags
// were expired live in Redis, so a page that one instance expires (revalidatePath, or expirePaths from a
// job) is rendered afresh by every instance at its next request. When Redis does not answer, each
// instance serves from this file-system cache meanwhile, but only what it rendered in the last
// FALLBACK_MAX_AGE_MS: older local copies may have been expired through Redis while it was up.
// Without REDIS_URL it is the file-system cache alone, as before. docs/decisions/036-shared-page-cache.md
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import { answered, answers, readTags, sharedRedis, writeTags } from './page-cache/redis.mjs';
import { contentSecurityPolicy, inlineScriptHashes } from './security-headers.server.mjs';

const require = createRequire(import.meta.url);
/** @type {new (context: unknown) => PageCache} */
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;
/**
 * This process's tag manifest, the one Next's IncrementalCache consults after a get (and the
 * file-system cache writes on revalidateTag).
 * @type {{ tagsManifest: Map<string, import('./page-cache/redis.mjs').TagTimes> }}
 */
const { tagsManifest } = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js');
/** @type {{ NEXT_CACHE_TAGS_HEADER: string }} */
const { NEXT_CACHE_TAGS_HEADER } = require('next/dist/lib/constants.js');
/** @type {{ LRUCache: new <T>(maxSize: number, size: (value: T, key: string) => number) => { get(key: string): T | undefined, set(key: string, value: T): void, remove(key: string): void } }} */
const { LRUCache } = require('next/dist/server/lib/lru-cache.js');

/** Redis forgets an entry a week after it was written: one render brings it back, unused ones go. */
const ENTRY_TTL_SECONDS = 7 * 24 * 60 * 60;
/** This process's copies of shared entries, as much as Next keeps in memory by default (50 MB). */
const LOCAL_COPIES_BYTES = 50 * 1024 * 1024;
/** While Redis does not answer, how old a local copy may be: the staleness an outage can cause. */
export const FALLBACK_MAX_AGE_MS = 10_000;

/**
 * @typedef {{ kind: string, status?: number, html?: unknown, headers?: Record<string, unknown> }} CachedValue
 * @typedef {{ value: CachedValue | null, lastModified: number, cacheControl?: unknown }} CacheEntry
 * @typedef {{ kind: string, tags?: string[], softTags?: string[] }} GetContext
 * @typedef {{ fetchCache?: boolean, cacheControl?: unknown }} SetContext
 * @typedef {{ get(key: string, context: GetContext): Promise<CacheEntry | null>,
 *   set(key: string, value: CachedValue | null, context: SetContext): Promise<void>,
 *   revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void> }} PageCache
 */

/**
 * A rendered page or a route handler's answer whose status is an error (404, 400, 500 …).
 * @param {CachedValue | null | undefined} value
 */
export function isFailedAnswer(value) {
  return (value?.kind === 'APP_PAGE' || value?.kind === 'APP_ROUTE') && (value.status ?? 200) >= 400;
}

/** @type {WeakSet<object>} cache values whose policy this process has computed */
const secured = new WeakSet();

/**
 * Gives a cached page (an App Router page's HTML) the policy of its scripts, once per value in memory:
 * entries written by an older build or before this file existed are brought up to date when read.
 * @param {CachedValue | null | undefined} value
 */
function secure(value) {
  if (!value || value.kind !== 'APP_PAGE' || typeof value.html !== 'string' || secured.has(value)) return;
  const { hashes, unknown } = inlineScriptHashes(value.html);
  for (const script of unknown) {
    console.warn(`An inline script that is not Next's own gets no CSP hash and will not run: ${script.slice(0, 80)}`);
  }
  value.headers = { ...value.headers, 'content-security-policy': contentSecurityPolicy({ hashes }) };
  secured.add(value);
}

/** @type {Map<string, string>} */
const buildIds = new Map();
/**
 * The build that serves (.next/BUILD_ID): shared entries are kept per build, since a page refers to its
 * build's scripts and instances of two builds run side by side during a deploy.
 * @param {string | undefined} serverDistDir
 */
function buildOf(serverDistDir) {
  if (!serverDistDir) return 'none';
  let id = buildIds.get(serverDistDir);
  if (id === undefined) {
    try {
      id = fs.readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
    } catch {
      id = 'none'; // `next dev`, which caches no pages
    }
    buildIds.set(serverDistDir, id);
  }
  return id;
}

/**
 * The tags an entry was stored with (the page's, implicit path tags included) or, for a fetch, asked
 * for: as the file-system cache reads them.
 * @param {CachedValue | null} value
 * @param {GetContext} context
 */
function tagsOf(value, context) {
  if (value?.kind === 'FETCH') return [...(context.tags ?? []), ...(context.softTags ?? [])];
  const header = value?.headers?.[NEXT_CACHE_TAGS_HEADER];
  return typeof header === 'string' ? header.split(',') : [];
}

/**
 * What a copy takes in memory, roughly (the bytes of its HTML, payload and segments, as Next counts).
 * @param {CacheEntry} entry
 * @param {string} key
 */
function sizeOf({ value }, key) {
  const v =
    /** @type {{ html?: unknown, body?: Buffer, rscData?: Buffer, segmentData?: Map<string, Buffer> } | null} */ (
      value
    );
  let size = key.length + (typeof v?.html === 'string' ? v.html.length : 0);
  size += (v?.body?.length ?? 0) + (v?.rscData?.length ?? 0);
  for (const [segment, bytes] of v?.segmentData ?? []) size += segment.length + bytes.length;
  return Math.max(size, 25);
}

// Copies of entries read from or written to Redis, so that serving a page costs one small round trip
// (its tags' times) instead of fetching and decoding its 100–300 KB again. A copy is used only while no
// tag of it was expired after it was stored; then the entry is read from Redis again (another instance
// may have rendered it afresh). A copy older than Redis's entry is as valid: both outlived every expiry.
/** @type {InstanceType<typeof LRUCache<CacheEntry>>} */
const copies = new LRUCache(LOCAL_COPIES_BYTES, sizeOf);

/**
 * Whether no tag of the entry was expired after it was stored (by any instance).
 * @param {import('./page-cache/redis.mjs').SharedRedis} shared
 * @param {CacheEntry} entry
 * @param {GetContext} context
 */
async function current(shared, entry, context) {
  const now = Date.now();
  for (const [tag, { expired, stale }] of await readTags(shared, tagsOf(entry.value, context))) {
    if (expired !== undefined && expired > entry.lastModified && expired <= now) return false;
    // Stale, not expired (revalidateTag with a profile): Next serves it once more and renders it
    // afresh if its own manifest says so.
    if (stale !== undefined && stale > entry.lastModified && stale > (tagsManifest.get(tag)?.stale ?? 0)) {
      tagsManifest.set(tag, { ...tagsManifest.get(tag), stale });
    }
  }
  return true;
}

export default class SecuredPageCache extends FileSystemCache {
  /** @param {{ serverDistDir?: string } & Record<string, unknown>} context as Next gives it to every cache handler */
  constructor(context) {
    super(context);
    this.build = buildOf(context.serverDistDir);
  }

  /** @type {PageCache['get']} */
  async get(key, context) {
    const shared = sharedRedis();
    if (shared && (await answers(shared))) {
      try {
        return await this.sharedGet(shared, key, context);
      } catch {
        // No answer in time (or the connection broke meanwhile): the local fallback.
      }
    }
    const entry = await super.get(key, context);
    if (shared && entry && Date.now() - entry.lastModified > FALLBACK_MAX_AGE_MS) return null;
    secure(entry?.value);
    return entry;
  }

  /**
   * The entry in Redis, unless a tag of it was expired after it was stored. Stored entries were secured
   * when they were set (by this build).
   * @param {import('./page-cache/redis.mjs').SharedRedis} shared
   * @param {string} key
   * @param {GetContext} context
   * @returns {Promise<CacheEntry | null>}
   */
  async sharedGet(shared, key, context) {
    const entryKey = this.entryKey(shared, key);
    const copy = copies.get(entryKey);
    if (copy && (await current(shared, copy, context))) return copy;
    const stored = await answered(shared, shared.binary.get(entryKey));
    if (!stored) return null;
    /** @type {CacheEntry} */
    const entry = v8.deserialize(stored);
    if (!(await current(shared, entry, context))) return null;
    copies.set(entryKey, entry);
    return entry;
  }

  /** @type {PageCache['set']} */
  async set(key, value, context) {
    // Not kept in memory either: the next request for it renders again (and is refused again).
    if (isFailedAnswer(value)) return;
    secure(value);
    const shared = sharedRedis();
    if (shared && (await answers(shared))) {
      /** @type {CacheEntry} */
      const entry = {
        value,
        lastModified: Date.now(),
        cacheControl: context.fetchCache ? undefined : context.cacheControl,
      };
      const entryKey = this.entryKey(shared, key);
      try {
        // v8's serializer keeps what JSON would lose: the Buffers (rscData, a route's body) and the Map
        // of segment data.
        await answered(shared, shared.client.set(entryKey, v8.serialize(entry), { EX: ENTRY_TTL_SECONDS }));
        copies.set(entryKey, entry);
        return;
      } catch {
        // Kept locally instead, for the fallback.
      }
    }
    return super.set(key, value, context);
  }

  /** @type {PageCache['revalidateTag']} */
  async revalidateTag(tags, durations) {
    // This process's own manifest, at once and also while Redis does not answer.
    await super.revalidateTag(tags, durations);
    const shared = sharedRedis();
    if (!shared) return;
    const now = Date.now();
    /** @type {import('./page-cache/redis.mjs').TagTimes} as the file-system cache computes them */
    const times = durations
      ? { stale: now, expired: durations.expire === undefined ? undefined : now + durations.expire * 1000 }
      : { expired: now };
    const list = typeof tags === 'string' ? [tags] : tags;
    // An outage keeps them for later (writeTags); the request that expired them goes on.
    await writeTags(shared, new Map(list.map((tag) => [tag, times]))).catch(() => {});
  }

  /**
   * @param {import('./page-cache/redis.mjs').SharedRedis} shared
   * @param {string} key
   */
  entryKey(shared, key) {
    return `${shared.prefix}page:${this.build}:${key}`;
  }
}
