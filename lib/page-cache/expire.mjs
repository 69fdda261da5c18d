// @ts-check
// Expiring cached pages on every instance: Next's revalidatePath only expires the implicit tag of a path in
// the process that calls it. expirePaths writes the same tags into the shared tag store in Redis, which
// every instance's page cache reads before it serves a page (lib/page-cache.server.mjs), so each
// instance's next request for such a page renders it afresh. The job runner calls it for the paths a job
// returns; a request that awaited an in-process job also calls revalidatePath (its own process at once).
// docs/decisions/036-shared-page-cache.md
import { createRequire } from 'node:module';
import { sharedRedis, writeTags } from './redis.mjs';

const require = createRequire(import.meta.url);
// Next's own helpers and constants, so that the tags are exactly the ones revalidatePath expires
// (next/dist/server/web/spec-extension/revalidate.js) and the ones a page is stored with
// (next/dist/server/lib/implicit-tags.js).
/** @type {{ NEXT_CACHE_IMPLICIT_TAG_ID: string, NEXT_CACHE_SOFT_TAG_MAX_LENGTH: number }} */
const { NEXT_CACHE_IMPLICIT_TAG_ID, NEXT_CACHE_SOFT_TAG_MAX_LENGTH } = require('next/dist/lib/constants.js');
/** @type {{ encodeHeaderSafe(value: string): string }} */
const { encodeHeaderSafe } = require('next/dist/server/lib/encode-header-safe.js');
/** @type {{ removeTrailingSlash(route: string): string }} */
const { removeTrailingSlash } = require('next/dist/shared/lib/router/utils/remove-trailing-slash.js');

/**
 * The implicit tags that `revalidatePath(path)` expires, for concrete paths (no `type` argument):
 * `_N_T_` + the path without a trailing slash, and for `/` also `/index` (and the other way round).
 * @param {readonly string[]} paths
 * @returns {string[]}
 */
export function pathTags(paths) {
  const tags = new Set();
  for (const path of paths) {
    if (path.length > NEXT_CACHE_SOFT_TAG_MAX_LENGTH) continue; // revalidatePath ignores these too
    const tag = `${NEXT_CACHE_IMPLICIT_TAG_ID}${encodeHeaderSafe(removeTrailingSlash(path))}`;
    tags.add(tag);
    if (tag === `${NEXT_CACHE_IMPLICIT_TAG_ID}/`) tags.add(`${NEXT_CACHE_IMPLICIT_TAG_ID}/index`);
    if (tag === `${NEXT_CACHE_IMPLICIT_TAG_ID}/index`) tags.add(`${NEXT_CACHE_IMPLICIT_TAG_ID}/`);
  }
  return [...tags];
}

/**
 * Expires the cached pages of these paths on every instance (the shared tag store in Redis). Without
 * REDIS_URL it does nothing: the single process expires them with revalidatePath. When Redis does not
 * answer, the expiry is kept and written as soon as it does (this process must live that long); it never
 * throws for an outage, since the work whose pages these are is done.
 * @param {string[]} paths
 * @returns {Promise<void>}
 */
export async function expirePaths(paths) {
  const shared = sharedRedis();
  if (!shared) return;
  const now = Date.now();
  await writeTags(shared, new Map(pathTags(paths).map((tag) => [tag, { expired: now }]))).catch(() => {});
}
