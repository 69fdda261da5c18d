import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { type ParsedLexicon, parseLexicon } from '@/lib/text';

// The one loader of the German lemma table. The table is generated at install time by
// scripts/build-lexicon.mjs (postinstall, `npm run text:build-lexicon`) into node_modules/.cache and
// never committed; the path below must stay equal to LEXICON_RELATIVE_PATH there.
const LEXICON_RELATIVE_PATH = 'node_modules/.cache/lesebruecke/lexicon-de.tsv';

let cached: ParsedLexicon | undefined;

/** Absolute path of the table: relative to the working directory, which is the project root. */
export function lexiconPath(): string {
  return path.resolve(process.cwd(), LEXICON_RELATIVE_PATH);
}

/** The lemma table, read and parsed on first use (about 0.5 s), then kept for the process. */
export function loadLexicon(): ParsedLexicon {
  if (cached) return cached;
  const file = lexiconPath();
  let tsv: string;
  try {
    tsv = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`lemma table missing: run "npm run text:build-lexicon" (expected ${file})`, { cause: error });
    }
    throw error;
  }
  cached = parseLexicon(tsv);
  return cached;
}
