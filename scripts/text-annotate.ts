// Contract: `npm run --silent text:annotate -- --glossary <file.json>` reads German text on stdin and
// prints one JSON object per match per line: {"term","start","end","surface","kind"}.
import fs from 'node:fs';
import { z } from 'zod';
import { loadLexicon } from '@/lib/annotation/queries.server';
import { createGermanEngine } from '@/lib/text';

const GlossaryFileSchema = z.array(z.looseObject({ lemma: z.string().trim().min(1) }));

function fail(message: string): never {
  process.stderr.write(`text:annotate: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
const flag = args.indexOf('--glossary');
const glossaryPath = flag >= 0 ? args[flag + 1] : undefined;
if (!glossaryPath) fail('usage: npm run --silent text:annotate -- --glossary <file.json>  (German text on stdin)');

let glossary: z.infer<typeof GlossaryFileSchema>;
try {
  const parsed = GlossaryFileSchema.safeParse(JSON.parse(fs.readFileSync(glossaryPath, 'utf8')));
  if (!parsed.success)
    fail(`${glossaryPath}: expected a JSON array of {"lemma": "…"} objects (${parsed.error.issues[0]?.message})`);
  glossary = parsed.data;
} catch (error) {
  fail(`${glossaryPath}: ${error instanceof Error ? error.message : String(error)}`);
}

const text = fs.readFileSync(0, 'utf8');
const engine = createGermanEngine(loadLexicon(), glossary);
const lines: string[] = [];
for (const sentence of engine.annotate(text)) {
  for (const { term, start, end, surface, kind } of sentence.matches)
    lines.push(JSON.stringify({ term, start, end, surface, kind }));
}
if (lines.length) process.stdout.write(`${lines.join('\n')}\n`);
