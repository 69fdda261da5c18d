// @ts-check
// Next's page cache (its file-system cache) with two changes.
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
import { createRequire } from 'node:module';
import { contentSecurityPolicy, inlineScriptHashes } from './security-headers.server.mjs';

const require = createRequire(import.meta.url);
/** @type {new (context: unknown) => PageCache} */
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;

/**
 * @typedef {{ kind: string, status?: number, html?: unknown, headers?: Record<string, unknown> }} CachedValue
 * @typedef {{ get(key: string, context: unknown): Promise<{ value: CachedValue | null } | null>,
 *   set(key: string, value: CachedValue | null, context: unknown): Promise<void> }} PageCache
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

export default class SecuredPageCache extends FileSystemCache {
  /** @type {PageCache['get']} */
  async get(key, context) {
    const entry = await super.get(key, context);
    secure(entry?.value);
    return entry;
  }

  /** @type {PageCache['set']} */
  async set(key, value, context) {
    // Not kept in memory either: the next request for it renders again (and is refused again).
    if (isFailedAnswer(value)) return;
    secure(value);
    return super.set(key, value, context);
  }
}
