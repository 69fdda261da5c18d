// Contract: `npm run --silent glossary:check` checks every noun's gender, plural and genitive and every
// verb's separability in prisma/content/glossary.json against the lemma table
// (docs/decisions/031-glossary-grammar-check.md). It prints each disagreement (lemma, field, expected,
// actual) and each override with its reason; the last line is `grammar: <agreeing or overridden>/<checked>`.
// Exit code 1 below 100 %.
import fs from 'node:fs';
import path from 'node:path';
import { checkGlossaryGrammar } from '@/lib/glossary/grammar.server';
import { GlossaryContentSchema } from '@/lib/glossary/schema';

const file = path.resolve(process.cwd(), 'prisma/content/glossary.json');
const entries = GlossaryContentSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
const { checked, agreeing, findings } = await checkGlossaryGrammar(entries);

let overridden = 0;
for (const finding of findings) {
  const fields = finding.disagreements.map((d) => `${d.field} expected ${d.expected}, actual ${d.actual}`);
  if (finding.status === 'overridden') {
    overridden++;
    console.log(`override ${finding.lemma} (${fields.join('; ') || 'no dictionary facts'}): ${finding.reason}`);
  } else if (finding.status === 'unknown') {
    console.log(`no dictionary facts ${finding.lemma}: add the grammar by hand with a grammarOverride`);
  } else {
    for (const d of finding.disagreements)
      console.log(
        `disagreement ${finding.lemma}: ${d.field} expected ${d.expected}, actual ${d.actual} (${finding.basis})`,
      );
  }
}
console.log(`grammar: ${agreeing + overridden}/${checked}`);
if (agreeing + overridden < checked) process.exitCode = 1;
