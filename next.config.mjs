/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The native SQLite driver and pg must stay Node modules, not bundled.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg', '@prisma/adapter-pg'],
  // A vocabulary CSV may hold up to 2,000,000 characters (lib/vocabulary/schema.ts IMPORT_TEXT_MAX),
  // which is up to about 4 MB in UTF-8 and sent twice (preview, then confirm) as an action argument.
  experimental: { serverActions: { bodySizeLimit: '5mb' } },
};
export default nextConfig;
