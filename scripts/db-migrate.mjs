#!/usr/bin/env node
// Offline Prisma Migrate: Prisma's own Schema Engine compiled to WASM (@prisma/schema-engine-wasm),
// driven through a driver adapter, because the native engine cannot be downloaded on our machines.
// It reads and writes Prisma's format (migrations/<ts>_<name>/migration.sql, migration_lock.toml,
// _prisma_migrations with sha256 checksums), so the native `prisma migrate deploy` can take over.
// See docs/decisions/002-offline-migrations.md.
//
//   node scripts/db-migrate.mjs deploy              apply pending migrations to DATABASE_URL
//   node scripts/db-migrate.mjs status              exit 1 when migrations are pending or drifted
//   node scripts/db-migrate.mjs dev --name <name>   create a migration for SQLite AND PostgreSQL
//
// DATABASE_URL: file:./prisma/dev.db (SQLite, default) or postgresql://user:pw@host:port/db.
// `dev` needs a PostgreSQL server: MIGRATE_PG_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { derivePostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from './db-generate.mjs';

const require = createRequire(import.meta.url);
const DEFAULT_URL = 'file:./prisma/dev.db';
const isPostgres = (url) => /^postgres(ql)?:\/\//.test(url);

let schemaEngine;
async function loadSchemaEngine() {
  if (schemaEngine) return schemaEngine;
  // The engine reports Rust panics through this global; without it a panic surfaces as a TypeError.
  globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message) => {
      throw new Error(`Schema engine panic: ${message}`);
    },
  };
  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = path.join(
    path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    'schema_engine_bg.wasm',
  );
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath)), {
    './schema_engine_bg.js': glue,
  });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  schemaEngine = glue.SchemaEngine;
  return schemaEngine;
}

// The engine replays migration.sql on the shadow database through executeRaw (one prepared statement);
// better-sqlite3 rejects multi-statement SQL, so parameterless executeRaw goes to executeScript.
function acceptScripts(adapter) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) =>
    query.args?.length ? executeRaw(query) : (await adapter.executeScript(query.sql), 0);
  return adapter;
}

async function sqliteFactory(url) {
  const { PrismaBetterSqlite3 } = await import('@prisma/adapter-better-sqlite3');
  const file = url.replace(/^file:/, '');
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new PrismaBetterSqlite3({ url }); // shadow database: in-memory SQLite
}

async function postgresFactory(url) {
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const u = new URL(url);
  // Discrete fields, not a connection string: adapter-pg opens the shadow database as
  // {...config, database} and node-postgres lets connectionString override `database`.
  const config = {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
  };
  const factory = new PrismaPg(config);
  // adapter-pg maps no type for pg_catalog's "char" (oid 18), used by the engine's introspection
  // queries ("Column type 'char' could not be deserialized"): read it as text (oid 25).
  const probe = await factory.connect();
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(probe));
  if (!proto.__lesebrueckeCharAsText) {
    const performIO = proto.performIO;
    proto.performIO = async function (query) {
      const result = await performIO.call(this, query);
      for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
      return result;
    };
    proto.__lesebrueckeCharAsText = true;
  }
  await probe.dispose();
  // adapter-pg drops the shadow database before closing its pool ("being accessed by other users").
  factory.connectToShadowDb = async () => {
    const main = await factory.connect();
    const name = `prisma_migrate_shadow_db_${crypto.randomUUID().replaceAll('-', '')}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = await new PrismaPg({ ...config, database: name }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await main.dispose();
    };
    return shadow;
  };
  return factory;
}

function readMigrations(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, 'migration_lock.toml');
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return {
    baseDir: dir,
    shadowDbInitScript: '',
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lock) ? fs.readFileSync(lock, 'utf8') : null },
    migrationDirectories: names.map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: fs.existsSync(file)
            ? { tag: 'ok', value: fs.readFileSync(file, 'utf8') }
            : { tag: 'error', value: `${file} not found` },
        },
      };
    }),
  };
}

const filters = { externalTables: [], externalEnums: [] };

/** Opens the engine for one database; `run` gets helpers bound to its schema and migrations folder. */
async function withEngine(url, run) {
  const schemaPath = path.resolve(isPostgres(url) ? POSTGRES_SCHEMA : SQLITE_SCHEMA);
  const migrationsDir = path.join(path.dirname(schemaPath), 'migrations');
  const content = fs.readFileSync(schemaPath, 'utf8');
  const factory = isPostgres(url) ? await postgresFactory(url) : await sqliteFactory(url);
  const opened = [];
  const connect = factory.connect.bind(factory);
  const connectShadow = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  factory.connectToShadowDb = async () => acceptScripts(await connectShadow());
  const SchemaEngine = await loadSchemaEngine();
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, content]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  const ctx = {
    engine,
    migrationsDir,
    schema: { files: [{ path: schemaPath, content }] },
    migrations: () => readMigrations(migrationsDir),
    apply: async () =>
      (await engine.applyMigrations({ migrationsList: readMigrations(migrationsDir), filters })).appliedMigrationNames,
  };
  try {
    return await run(ctx);
  } finally {
    engine.free();
    for (const adapter of opened) await adapter.dispose().catch(() => {});
  }
}

async function deploy(url) {
  const applied = await withEngine(url, (ctx) => ctx.apply());
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
}

async function status(url) {
  return withEngine(url, async ({ engine, migrations }) => {
    const s = await engine.diagnoseMigrationHistory({
      migrationsList: migrations(),
      optInToShadowDatabase: false,
      filters,
    });
    console.log(JSON.stringify(s, null, 2));
    return s.history || s.failedMigrationNames.length || s.editedMigrationNames.length ? 1 : 0;
  });
}

async function createMigration(url, name, timestampName) {
  return withEngine(url, async (ctx) => {
    const { engine, migrations, migrationsDir, schema } = ctx;
    try {
      await engine.devDiagnostic({ migrationsList: migrations(), filters });
    } catch (error) {
      if (error.code !== 'P1014') throw error;
    } // fresh SQLite has no _prisma_migrations yet
    await ctx.apply();
    // Diagnose again on the migrated database: without this pass, evaluateDataLoss fails with "shadow DB
    // must be provided through an external factory" once a history exists (observed with engine 7.10).
    const diagnostic = await engine.devDiagnostic({ migrationsList: migrations(), filters });
    if (diagnostic.action.tag === 'reset') throw new Error(`Database must be reset: ${diagnostic.action.reason}`);
    const loss = await engine.evaluateDataLoss({ migrationsList: migrations(), schema, filters });
    if (loss.unexecutableSteps.length) throw new Error(loss.unexecutableSteps.map((s) => s.message).join('\n'));
    for (const warning of loss.warnings) console.warn('Warning:', warning.message);
    const out = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList: migrations(),
      schema,
      filters,
    });
    if (out.migrationScript === null || out.migrationScript === undefined) return null;
    // Both databases get the same folder name so their histories read side by side.
    const folder = timestampName ?? out.generatedMigrationName;
    fs.mkdirSync(path.join(migrationsDir, folder));
    fs.writeFileSync(path.join(migrationsDir, folder, `migration.${out.extension}`), out.migrationScript);
    const lock = path.join(migrationsDir, 'migration_lock.toml');
    if (!fs.existsSync(lock))
      fs.writeFileSync(
        lock,
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`,
      );
    console.log(`Created ${path.relative(process.cwd(), migrationsDir)}/${folder}`);
    return folder;
  });
}

async function dev(name) {
  if (!/^[a-z0-9_]+$/.test(name ?? '')) throw new Error('dev needs --name <snake_case_name>');
  derivePostgresSchema();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lesebruecke-migrate-'));
  const folder = await createMigration(`file:${path.join(tmp, 'dev.db')}`, name);
  if (!folder) {
    console.log('Schema unchanged: no migration created.');
    return;
  }
  const admin = process.env.MIGRATE_PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const dbName = `lesebruecke_migrate_${process.pid}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${dbName}"`);
  try {
    const u = new URL(admin);
    u.pathname = `/${dbName}`;
    await createMigration(u.toString(), name, folder);
  } finally {
    await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await client.end();
  }
}

const [command, ...args] = process.argv.slice(2);
const url = process.env.DATABASE_URL || DEFAULT_URL;
let code = 0;
try {
  if (command === 'deploy') await deploy(url);
  else if (command === 'status') code = await status(url);
  else if (command === 'dev') await dev(args[args.indexOf('--name') + 1]);
  else throw new Error(`unknown command "${command ?? ''}" (deploy | status | dev --name <name>)`);
} catch (error) {
  console.error(error.code ? `${error.code}: ${error.message}` : error.message);
  code = 1;
}
process.exit(code); // the WASM engine leaves a 60 s timer pending
