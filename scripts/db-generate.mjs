#!/usr/bin/env node
// Generates both Prisma clients offline. prisma/schema.prisma (SQLite) is the source of truth; the
// PostgreSQL schema is derived from it because Prisma cannot take the provider from an env var and a
// client generated for one provider refuses the other's adapter (docs/decisions/001-two-database-prisma.md).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export const SQLITE_SCHEMA = 'prisma/schema.prisma';
export const POSTGRES_SCHEMA = 'prisma/postgres/schema.prisma';

export function derivePostgresSchema() {
  const source = fs.readFileSync(SQLITE_SCHEMA, 'utf8');
  const derived = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\/generated\/sqlite"/, 'output   = "../generated/postgres"')
    // What Prisma expresses for PostgreSQL only (a trigram index) is a comment for SQLite:
    // `// postgresql: <attribute>` becomes the attribute here (docs/decisions/039-paging-at-scale.md).
    .replace(/^(\s*)\/\/ postgresql: /gm, '$1');
  if (derived === source) throw new Error(`${SQLITE_SCHEMA}: provider/output lines not found`);
  fs.mkdirSync('prisma/postgres', { recursive: true });
  fs.writeFileSync(
    POSTGRES_SCHEMA,
    `// GENERATED from ${SQLITE_SCHEMA} by scripts/db-generate.mjs: do not edit.\n${derived}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  derivePostgresSchema();
  // `prisma generate` only checks that a schema-engine binary exists; it never runs it. The binary
  // cannot be downloaded here, so point it at node itself (migrations go through scripts/db-migrate.mjs).
  const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
  for (const schema of [SQLITE_SCHEMA, POSTGRES_SCHEMA]) {
    execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate', '--schema', schema], {
      env,
      stdio: 'inherit',
    });
  }
}
