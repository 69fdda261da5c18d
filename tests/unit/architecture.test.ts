import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

// What eslint.config.mjs cannot see: lint checks each file's own imports, but a client island ships
// everything it reaches. This follows every value import from every island, transitively.
const ROOT = path.resolve(import.meta.dirname, '../..');
const USE_SERVER = /^\s*['"]use server['"]/;
const SERVER_PACKAGES = /^(server-only|ts-fsrs|jsdom|@mozilla\/readability|pg|better-sqlite3|@prisma\/|node:)/;

function islands(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? islands(path.join(dir, entry.name))
        : /\.client\.tsx?$/.test(entry.name)
          ? [path.join(dir, entry.name)]
          : [],
    );
}

/** Value imports of a file (`import type` and `export type` are erased and ship nothing). */
function valueImports(file: string): string[] {
  const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return [...source.matchAll(/^\s*(import|export)(?!\s+type\s)[^'";]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[2]!);
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? spec.slice(2)
    : spec.startsWith('.')
      ? path.join(path.dirname(from), spec)
      : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  }
  return null;
}

/** Every server-only thing an island reaches, as "island → … → module". */
function serverReach(island: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of valueImports(file)) {
      const target = resolve(file, spec);
      if (target === null) {
        if (SERVER_PACKAGES.test(spec)) found.push([...trail, spec].join(' → '));
      } else if (USE_SERVER.test(fs.readFileSync(path.join(ROOT, target), 'utf8'))) {
        // A 'use server' module reaches the browser as references to its actions, not as code.
      } else if (/\.server\.tsx?$/.test(target)) {
        found.push([...trail, target].join(' → '));
      } else {
        walk(target, [...trail, target]);
      }
    }
  };
  walk(island, [island]);
  return found;
}

test('no client island reaches a server module or a server-only package, however indirectly', () => {
  const all = [...islands('components'), ...islands('app')];
  expect(all.length).toBeGreaterThan(10);
  expect(all.flatMap(serverReach)).toEqual([]);
});

test('the check sees an indirect import', () => {
  // lib/review/scheduler.ts is pure but wraps ts-fsrs: an island importing it would ship ts-fsrs.
  expect(valueImports('lib/review/scheduler.ts')).toContain('ts-fsrs');
});
