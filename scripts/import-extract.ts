// `npm run --silent import:extract -- <file.html|.md|.txt|.docx>`: what the importer makes of a file,
// without a database: the title on the first line, then the kept German text, one sentence group
// (section headings too) per line; on stderr each removed block as `[reason] text`. The same code as
// a teacher's import (lib/teach/tasks.server.ts), on this thread. Exit 2 with a usage message for a
// missing argument or an unknown extension; exit 1 when the file cannot be read or is refused.
import fs from 'node:fs';
import path from 'node:path';
import { resources } from '@/lib/i18n/resources';
import { outlineDocx, outlineDraft, type DraftOutline } from '@/lib/teach/tasks.server';
import type { SourceFormat } from '@/lib/teach/types';

const USAGE = 'usage: npm run --silent import:extract -- <file.html|.htm|.md|.markdown|.txt|.docx>';
const FORMATS: Record<string, SourceFormat> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'md',
  '.markdown': 'md',
  '.txt': 'txt',
  '.docx': 'docx',
};

/** The English message of a `teach:` key, as the form shows it. */
function message(key: string): string {
  let node: unknown = resources.en.teach;
  for (const part of key.replace(/^teach:/u, '').split('.'))
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node.replace(/\{max, number\}/gu, 'the limit') : key;
}

async function main(args: readonly string[]): Promise<number> {
  const file = args.length === 1 ? args[0]! : '';
  const format = FORMATS[path.extname(file).toLowerCase()];
  if (!file || !format) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const outline: DraftOutline =
    format === 'docx'
      ? await outlineDocx({ data: bytes.toString('base64') })
      : outlineDraft({ format, text: bytes.toString('utf8') });
  if (outline.refused !== undefined) {
    process.stderr.write(`${message(outline.refused)}\n`);
    return 1;
  }
  const lines = [outline.title ?? outline.firstLine];
  for (const section of outline.sections) {
    if (section.headingDe) lines.push(section.headingDe);
    for (const paragraph of section.paragraphs) lines.push(...paragraph);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const block of outline.removed) process.stderr.write(`[${block.reason}] ${block.text}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
