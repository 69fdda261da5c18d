import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

// ts-fsrs schedules cards on the server (lib/review/scheduler.ts); the review island gets its grades
// from lib/review/ratings.ts. This follows every value import of every client island, through lib/,
// and fails when one reaches ts-fsrs: it would ship the scheduler to every browser. A 'use server'
// module is not followed: the browser gets only references to its actions.
const ROOT = path.resolve(import.meta.dirname, '../..');

function clientIslands(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return clientIslands(file);
    return /\.client\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

/** The module file a local specifier names, or null for a package. */
function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith('@/')
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith('.')
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((f) => fs.existsSync(f));
  return found && fs.statSync(found).isFile() ? found : null;
}

/** Specifiers of the imports that reach the bundle (type-only imports are erased). */
function valueImports(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  if (/^'use server';/.test(source)) return [];
  return [...source.matchAll(/^\s*(import|export)(\s+type\b)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)]
    .filter((match) => !match[2])
    .map((match) => match[3]!);
}

/** The chain of modules from `start` to a module importing `target`, or null. */
function pathTo(start: string, target: string): string[] | null {
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    for (const spec of valueImports(file)) {
      if (spec === target) return [...chain, path.relative(ROOT, file)];
      const next = resolveLocal(file, spec);
      const found = next && visit(next, [...chain, path.relative(ROOT, file)]);
      if (found) return found;
    }
    return null;
  };
  return visit(path.join(ROOT, start), []);
}

test('no client island imports ts-fsrs, directly or through lib', () => {
  const islands = ['components', 'app'].flatMap(clientIslands);
  expect(islands).toContain(path.join('components', 'review', 'review-session.client.tsx'));
  for (const island of islands) expect(pathTo(island, 'ts-fsrs'), island).toBeNull();
});
