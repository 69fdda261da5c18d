// `npm run --silent bench:text`: tokenize + lemmatize + match on ≥ 1,000,000 tokens (the seed articles
// repeated) against a 5,000-entry glossary, on one core. Prints figures, among them the resident memory
// after loading the lemma table and with the engine compiled, beside a bare Node process's, where it
// goes (V8 heap, its young generation, array buffers), and, beside the engine's tokens/s, a same-run
// reference: a plain \p{L}+ split of the same text, and the ratio of the two (which holds across
// machines). Engine and reference alternate, best of ROUNDS each. The last line is `tokens/s: N`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { loadLexicon } from '@/lib/annotation/queries.server';
import { createGermanEngine, type GlossaryEntry, nounLemmas, tokenize } from '@/lib/text';

const ROOT = path.resolve(import.meta.dirname, '..');
const TARGET_TOKENS = 1_000_000;
const GLOSSARY_SIZE = 5_000;
const ROUNDS = 3;

function seedText(): string {
  const dir = path.join(ROOT, 'prisma/content/articles');
  const paragraphs: string[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const article = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
      sections: { paragraphs: { de: string }[][] }[];
    };
    for (const section of article.sections)
      for (const paragraph of section.paragraphs) paragraphs.push(paragraph.map((g) => g.de).join(' '));
  }
  return paragraphs.join('\n\n');
}

/** The gold glossary plus nouns, adjective+noun phrases and verb idioms from the lemma table, deterministically. */
function buildGlossary(lexiconNouns: Iterable<string>): GlossaryEntry[] {
  const gold = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/text/gold/glossary.json'), 'utf8')) as GlossaryEntry[];
  const nouns = [...lexiconNouns].filter((l) => /^\p{Lu}\p{Ll}{3,}$/u.test(l)).sort();
  const entries = new Map<string, GlossaryEntry>(gold.map((e) => [e.lemma, { lemma: e.lemma }]));
  const step = Math.max(1, Math.floor(nouns.length / GLOSSARY_SIZE));
  for (let i = 0; entries.size < GLOSSARY_SIZE && i < nouns.length; i += step) {
    const noun = nouns[i]!;
    const lemma = i % 5 === 0 ? `neue ${noun}` : i % 7 === 0 ? `die ${noun} überschreiten` : noun;
    entries.set(lemma, { lemma });
  }
  return [...entries.values()];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const t0 = performance.now();
const lexicon = loadLexicon();
const loadMs = performance.now() - t0;
const loadRss = process.memoryUsage().rss;
const glossary = buildGlossary(nounLemmas(lexicon));

// Measured before the text exists: the rss of the table and the compiled engine alone.
const t1 = performance.now();
const engine = createGermanEngine(lexicon, glossary);
const buildMs = performance.now() - t1;
const engineMemory = process.memoryUsage();
const youngGeneration = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
const bareNodeRss = Number(
  execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.memoryUsage().rss))']),
);

const unit = seedText();
const unitTokens = tokenize(unit).length;
const text = Array.from({ length: Math.ceil(TARGET_TOKENS / unitTokens) }, () => unit).join('\n\n');
const tokenCount = tokenize(text).length;

// Reference and engine alternate, best of ROUNDS each: the machine may be busy in any one round, and a
// busy stretch then slows both. The first engine round is also printed (cold: JIT, per-word caches).
let words = 0;
let referenceMs = Infinity;
const runMs: number[] = [];
let sentences: ReturnType<typeof engine.annotate> = [];
for (let round = 0; round < ROUNDS; round++) {
  const t3 = performance.now();
  words = text.match(/\p{L}+/gu)?.length ?? 0;
  referenceMs = Math.min(referenceMs, performance.now() - t3);
  sentences = [];
  const t2 = performance.now();
  sentences = engine.annotate(text);
  runMs.push(performance.now() - t2);
}
const bestRunMs = Math.min(...runMs);
const matches = sentences.reduce((sum, s) => sum + s.matches.length, 0);
const tokensPerSecond = tokenCount / (bestRunMs / 1000);
const referencePerSecond = words / (referenceMs / 1000);

console.log(
  `lemma table: ${lexicon.forms.size} forms, loaded in ${loadMs.toFixed(0)} ms, rss after load ${mb(loadRss)}`,
);
console.log(
  `glossary: ${glossary.length} entries, compiled in ${buildMs.toFixed(0)} ms, rss with the engine ${mb(engineMemory.rss)}`,
);
console.log(
  `engine memory: V8 heap ${mb(engineMemory.heapTotal)} (young generation ${mb(youngGeneration)}), array buffers ${mb(engineMemory.arrayBuffers)}; a bare Node process: rss ${mb(bareNodeRss)}`,
);
console.log(`text: ${tokenCount} tokens, ${sentences.length} sentences, ${matches} matches`);
console.log(
  `annotate (tokenize + lemmatize + match): ${bestRunMs.toFixed(0)} ms, best of ${runMs.map((ms) => ms.toFixed(0)).join(' · ')}`,
);
console.log(`memory: rss ${mb(process.memoryUsage().rss)}, heap ${mb(process.memoryUsage().heapUsed)}`);
console.log(
  `reference (\\p{L}+ split, ${words} words): ${Math.round(referencePerSecond)} words/s; engine/reference ${(tokensPerSecond / referencePerSecond).toFixed(3)}`,
);
console.log(`tokens/s: ${Math.round(tokensPerSecond)}`);
