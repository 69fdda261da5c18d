// `npm run --silent text:lemma -- <word>`: prints the word's lemmas, one per line, best first, each
// once, and nothing else. Exit 2 with a usage message when the word is missing; exit 1 when the lemma
// table is missing (run `npm run text:build-lexicon`).
import { loadLexicon } from '@/lib/annotation/queries.server';
import { createLemmatizer } from '@/lib/text';

const USAGE = 'usage: npm run --silent text:lemma -- <word>';

function main(args: readonly string[]): number {
  const word = args.length === 1 ? args[0]!.trim() : '';
  if (!word) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let lemmatize: ReturnType<typeof createLemmatizer>;
  try {
    lemmatize = createLemmatizer(loadLexicon());
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const lemmas = [...new Set(lemmatize(word).map((c) => c.lemma))];
  process.stdout.write(`${lemmas.join('\n')}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
