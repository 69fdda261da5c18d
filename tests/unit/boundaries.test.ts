import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

// The architecture rules live in eslint.config.mjs; these cases prove each one fails a file that
// breaks it (and passes one that keeps it), as `npm run lint` would see it.
const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The rule ids (and messages) ESLint reports for `code` as if it were the file at `file`. */
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

const BROKEN: [rule: string, file: string, code: string, expected: RegExp][] = [
  [
    'lib/text imports only lib/text',
    'lib/text/de/broken.ts',
    "import { db } from '@/lib/db.server';\nexport const x = db;\n",
    /boundaries\/dependencies: lib\/text is pure/,
  ],
  [
    'lib/text uses no packages',
    'lib/text/de/broken.ts',
    "import { z } from 'zod';\nexport const x = z;\n",
    /no-restricted-imports: .*lib\/text is pure/,
  ],
  [
    'lib/text does no I/O',
    'lib/text/de/broken.ts',
    "import fs from 'node:fs';\nexport const x = fs;\n",
    /no-restricted-imports: .*lib\/text is pure/,
  ],
  [
    'Prisma only in lib/db.server.ts',
    'lib/vocabulary/broken.server.ts',
    "import { PrismaClient } from '@prisma/client';\nexport const x = PrismaClient;\n",
    /no-restricted-imports: .*Prisma only in lib\/db.server.ts/,
  ],
  [
    'routes do not reach the database',
    'app/[locale]/broken/page.tsx',
    "import { db } from '@/lib/db.server';\nexport const x = db;\n",
    /no-restricted-imports: .*only through lib/,
  ],
  [
    'components never import *.server modules',
    'components/reader/broken.tsx',
    "import { getArticle } from '@/lib/articles/queries.server';\nexport const x = getArticle;\n",
    /boundaries\/dependencies: Components never import \*.server/,
  ],
  [
    'nothing server-only in a client island',
    'components/review/broken.client.tsx',
    "'use client';\nimport { fsrs } from 'ts-fsrs';\nexport const x = fsrs;\n",
    /no-restricted-imports: .*A client island ships to the browser/,
  ],
  [
    "a domain's internals only through its public files",
    'lib/vocabulary/broken.server.ts',
    "import { db } from '@/lib/db.server';\nimport { recordProgress } from '@/lib/classroom/progress.server';\nexport const x = [db, recordProgress];\n",
    /boundaries\/dependencies: Another domain's internals only through its public files/,
  ],
  [
    'only lib/env.server.ts reads the environment',
    'lib/vocabulary/broken.ts',
    'export const x = process.env.DATABASE_URL;\n',
    /no-restricted-properties: .*lib\/env.server.ts/,
  ],
  [
    'no raw HTML',
    'components/reader/broken.tsx',
    'export function X({ html }: { html: string }) {\n  return <div dangerouslySetInnerHTML={{ __html: html }} />;\n}\n',
    /no-restricted-syntax: .*no raw HTML/,
  ],
];

describe('a file that breaks an architecture rule fails lint', () => {
  test.each(BROKEN)('%s', async (_rule, file, code, expected) => {
    const found = await problems(file, code);
    expect(
      found.some((problem) => expected.test(problem)),
      found.join('\n'),
    ).toBe(true);
  });
});

test('a file that keeps the rules passes', async () => {
  const code = [
    "import { getArticle } from '@/lib/articles/queries.server';",
    "import { requireUser } from '@/lib/auth/guards.server';",
    "import { outlineDraft } from '@/lib/teach/tasks.server';",
    "import { tokenize } from '@/lib/text';",
    'export const x = [getArticle, requireUser, outlineDraft, tokenize];',
    '',
  ].join('\n');
  expect(await problems('lib/vocabulary/allowed.server.ts', code)).toEqual([]);
});

test("a domain's own files may use each other's internals", async () => {
  const code = "import { recordProgress } from '@/lib/classroom/progress.server';\nexport const x = recordProgress;\n";
  expect(await problems('lib/classroom/allowed.server.ts', code)).toEqual([]);
});
