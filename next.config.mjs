import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm test` and bench/ build into their own directory, so that a running `npm start` keeps serving its
  // .next, with their own tsconfig and no second type check: `npm test` checks first, route types
  // included (tests/setup/app-server.ts, tests/setup/typecheck.ts).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  ...(process.env.NEXT_TEST_TSCONFIG && {
    typescript: { tsconfigPath: process.env.NEXT_TEST_TSCONFIG, ignoreBuildErrors: true },
  }),
  reactStrictMode: true,
  poweredByHeader: false,
  // server.mjs compresses (gzip and brotli), and a cached page only once: Next would compress every
  // response again on every request (docs/decisions/047-compressed-once.md).
  compress: false,
  // Next hashes a page's whole HTML on every request to make its ETag: 0.4 ms per reader page, a third of
  // the cost of serving it from the cache. Pages are served with s-maxage for the shared cache in front
  // (docs/decisions/012-no-per-request-etags.md).
  generateEtags: false,
  // Next's page cache, minus failed answers (an unknown slug's 404 is not written to disk, ADR 018), whose
  // cached pages carry the hashes of their inline scripts in their Content-Security-Policy (ADR 020).
  cacheHandler: fileURLToPath(new URL('./lib/page-cache.server.mjs', import.meta.url)),
  // The native SQLite driver and pg (with pg-boss, which uses it) must stay Node modules, not bundled.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg', '@prisma/adapter-pg', 'pg-boss'],
  // A vocabulary CSV may hold up to 2,000,000 characters (lib/vocabulary/schema.ts IMPORT_TEXT_MAX),
  // which is up to about 4 MB in UTF-8 and sent twice (preview, then confirm) as an action argument.
  experimental: { serverActions: { bodySizeLimit: '5mb' } },
};
export default nextConfig;
