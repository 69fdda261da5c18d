import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

// The house rules of docs/architecture.md that a reviewer would otherwise have to remember.
const ROOT = path.resolve(import.meta.dirname, '../..');
function files(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? files(path.join(dir, entry.name))
        : /\.(ts|tsx|mjs)$/.test(entry.name)
          ? [path.join(dir, entry.name)]
          : [],
    );
}
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const imports = (file: string) =>
  [...read(file).matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

test('lib/text is pure: it imports only lib/text (its tests also their tools)', () => {
  for (const file of files('lib/text')) {
    const allowed = file.endsWith('.test.ts') ? ['vitest', 'fast-check'] : [];
    for (const spec of imports(file)) {
      const inside =
        spec.startsWith('.') && path.resolve(ROOT, path.dirname(file), spec).startsWith(path.join(ROOT, 'lib', 'text'));
      expect(inside || allowed.includes(spec), `${file}: ${spec}`).toBe(true);
    }
  }
});

test('components never reach for the database or server-only modules', () => {
  for (const file of files('components')) {
    for (const spec of imports(file)) {
      expect(/\.server$|db\.server|prisma|generated/.test(spec), `${file}: ${spec}`).toBe(false);
    }
  }
});

test('routes hold no Prisma calls and no zod schemas', () => {
  for (const file of files('app')) {
    expect(read(file), file).not.toMatch(/db\.server|\bprisma\b|\bdb\.\w+\.(find|create|update|delete)/);
    expect(read(file), file).not.toMatch(/from 'zod'/);
  }
});

test('only lib/env.server.ts reads process.env in app code', () => {
  for (const file of [...files('app'), ...files('components'), ...files('lib')]) {
    if (file === path.join('lib', 'env.server.ts')) continue;
    expect(read(file), file).not.toMatch(/process\.env/);
  }
});

test('no raw HTML from strings', () => {
  for (const file of [...files('app'), ...files('components'), ...files('lib')])
    expect(read(file), file).not.toMatch(/dangerouslySetInnerHTML|innerHTML\s*=/);
});
