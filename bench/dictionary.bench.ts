// `npm run --silent bench:dictionary`: how many word tokens of the seed articles (prisma/content/
// articles/*.json: every sentence and section heading, repeats counted) a word card gives a meaning,
// from the glossary (the word is, or is inside, a highlighted term) or the general dictionary in
// DATABASE_URL (lib/dictionary/queries.server.ts: the word, its forms, its compound's head). Names
// (proper nouns) without a dictionary entry are counted apart: the card calls them "proper noun"
// and has no translation for them. Prints a line per article, the overall figure, then every token
// without a meaning with its count. The last line is `coverage: <percent> % (a meaning <p> %, a name
// <p> %)`: the share of tokens whose card has a meaning or, for a name, says "proper noun".
// Run `npm run setup` (or `npm run dict:ensure`) first: without a dictionary it exits 1.
import path from 'node:path';
import fs from 'node:fs/promises';
import { loadLexicon } from '@/lib/annotation/queries.server';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { ArticleContentSchema } from '@/lib/articles/schema';
import { db } from '@/lib/db.server';
import { dictionaryStats, meaningOf } from '@/lib/dictionary/queries.server';
import { createGermanEngine, type PartOfSpeech } from '@/lib/text';

type Outcome = 'glossary' | 'word' | 'compound' | 'name' | 'none';
const GLOSSARY_FILE = path.join(process.cwd(), 'prisma', 'content', 'glossary.json');
const percent = (part: number, whole: number) => ((100 * part) / Math.max(whole, 1)).toFixed(1);

async function main(): Promise<number> {
  const { senses } = await dictionaryStats();
  if (senses === 0) {
    console.error('no dictionary in DATABASE_URL: run `npm run setup` (needs `apt-get install trans-de-en`)');
    return 1;
  }
  const glossary = JSON.parse(await fs.readFile(GLOSSARY_FILE, 'utf8')) as { lemma: string; variants?: string[] }[];
  const terms = new Set(glossary.map((t) => t.lemma));
  const engine = createGermanEngine(loadLexicon(), glossary);
  const cache = new Map<string, Outcome>();
  const outcomeOf = async (surface: string, lemma: string, pos: PartOfSpeech): Promise<Outcome> => {
    const id = `${surface}\t${lemma}\t${pos}`;
    let outcome = cache.get(id);
    if (!outcome) {
      const meaning = await meaningOf({ surface, lemma, pos });
      outcome = meaning.senses.length ? meaning.via! : meaning.properNoun ? 'name' : 'none';
      cache.set(id, outcome);
    }
    return outcome;
  };

  const totals: Record<Outcome, number> = { glossary: 0, word: 0, compound: 0, name: 0, none: 0 };
  const missing = new Map<string, number>();
  const started = performance.now();
  for (const { data } of await readArticleFiles()) {
    const article = ArticleContentSchema.parse(data);
    const counts: Record<Outcome, number> = { glossary: 0, word: 0, compound: 0, name: 0, none: 0 };
    const texts = article.sections.flatMap((s) => [
      ...(s.heading ? [s.heading.de] : []),
      ...s.paragraphs.flatMap((p) => p.map((g) => g.de)),
    ]);
    for (const text of texts) {
      for (const sentence of engine.annotate(text)) {
        for (const token of sentence.tokens) {
          if (token.kind !== 'word') continue;
          const inTerm = sentence.matches.some((m) => m.start <= token.start && token.end <= m.end);
          const outcome =
            inTerm || terms.has(token.lemma) ? 'glossary' : await outcomeOf(token.surface, token.lemma, token.pos);
          counts[outcome]++;
          if (outcome === 'none' || outcome === 'name') {
            const label = `${token.surface} (${token.lemma}${outcome === 'name' ? ', name' : ''})`;
            missing.set(label, (missing.get(label) ?? 0) + 1);
          }
        }
      }
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const covered = counts.glossary + counts.word + counts.compound;
    console.log(
      `${article.slug}: ${total} word tokens, with a meaning ${covered} (${percent(covered, total)} %): ` +
        `glossary ${counts.glossary}, dictionary ${counts.word}, compound head ${counts.compound}; ` +
        `names without entry ${counts.name}, nothing ${counts.none}`,
    );
    for (const key of Object.keys(totals) as Outcome[]) totals[key] += counts[key];
  }
  const total = Object.values(totals).reduce((a, b) => a + b, 0);
  const covered = totals.glossary + totals.word + totals.compound;
  console.log(
    `overall: ${total} word tokens, with a meaning ${covered} (${percent(covered, total)} %), ` +
      `with names as names ${covered + totals.name} (${percent(covered + totals.name, total)} %); ` +
      `${senses} dictionary senses; ${Math.round(performance.now() - started)} ms`,
  );
  console.log('without a meaning (tokens):');
  for (const [label, count] of [...missing].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'de')))
    console.log(`  ${count} ${label}`);
  console.log(
    `coverage: ${percent(covered + totals.name, total)} % (a meaning ${percent(covered, total)} %, a name ${percent(totals.name, total)} %)`,
  );
  return 0;
}

try {
  process.exitCode = await main();
} finally {
  await db.$disconnect();
}
