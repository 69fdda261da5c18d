import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { intlFor } from '@/lib/format';
import { resources } from '@/lib/i18n/resources';
import { locales, namespaces } from '@/lib/i18n/settings';

const ROOT = path.resolve(import.meta.dirname, '../..');

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('locales', () => {
  test.each(namespaces)('en and de have the same keys in %s', (ns) => {
    expect([...flatten(resources.de[ns]).keys()].sort()).toEqual([...flatten(resources.en[ns]).keys()].sort());
  });

  test('every message is valid ICU in its locale', () => {
    for (const locale of locales) {
      for (const ns of namespaces) {
        for (const [key, message] of flatten(resources[locale][ns])) {
          expect(
            () => intlFor(locale).formatters.getMessageFormat(message, locale),
            `${locale}/${ns}:${key}`,
          ).not.toThrow();
        }
      }
    }
  });

  test('every key the code uses exists', () => {
    // t('ns:key') names its namespace; a bare t('key') must exist in one of the namespaces.
    const used = new Set<string>();
    for (const file of ['app', 'components', 'lib'].flatMap((dir) => sourceFiles(path.join(ROOT, dir)))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_.:]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    const all = namespaces.map((ns) => ({ ns, keys: flatten(resources.en[ns]) }));
    const missing = [...used].filter((key) => {
      const [ns, bare] = key.includes(':') ? key.split(':') : [undefined, key];
      return !all.some((entry) => (ns === undefined || entry.ns === ns) && entry.keys.has(bare!));
    });
    expect(missing).toEqual([]);
  });
});
