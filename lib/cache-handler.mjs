// Next's own file-system cache for pages and route handlers, except that a failed answer is never
// stored. Next 16 writes the 404 of every unknown slug of an on-demand page (/en/articles/<anything>,
// /api/articles/<anything>/words) to disk and never removes it: about 70 KB in 7 files each, so
// anyone could fill the disk (vercel/next.js#96581). Pages that exist are cached exactly as before.
// Loaded by next.config.mjs (`cacheHandler`) at build and at run time; plain JavaScript, because
// Next imports it without compiling it. docs/decisions/018-unknown-paths-and-outages.md
import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';

// Node hands over the CommonJS module (the class is its `default`); Next's bundler, the class itself.
const FileSystemCache = fileSystemCache.default ?? fileSystemCache;

/** A rendered page or a route handler's answer whose status is an error (404, 400, 500 …). */
export function isFailedAnswer(data) {
  return (data?.kind === 'APP_PAGE' || data?.kind === 'APP_ROUTE') && (data.status ?? 200) >= 400;
}

export default class SuccessOnlyCache extends FileSystemCache {
  async set(key, data, context) {
    // Not kept in memory either: the next request for it renders again (and is refused again).
    if (isFailedAnswer(data)) return;
    return super.set(key, data, context);
  }
}
