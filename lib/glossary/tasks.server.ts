import 'server-only';
import { loadLexicon } from '@/lib/annotation/queries.server';
import {
  type CandidateInput,
  createGermanEngine,
  extractCandidates,
  type GermanEngine,
  type GlossaryEntry,
  type Match,
  type TermCandidate,
} from '@/lib/text';
import type { GrammarFacts } from './grammar-check';
import { dictionaryGrammar } from './grammar.server';

// The glossary's CPU-heavy work, run in a worker thread (lib/workers.server.ts): candidate extraction
// for proposals, and the term editor's preview. The web process loads neither the lemma table nor
// the grammar dictionaries (ADR 031) for them.

/** A candidate and the lemma table's grammar facts about its lemma (null for phrases and unknown words). */
export type CandidateWithFacts = TermCandidate & { facts: GrammarFacts | null };

/** An article's German texts and the approved glossary → its glossary candidates (lib/text), with grammar facts. */
export async function extractTermCandidates(input: CandidateInput): Promise<CandidateWithFacts[]> {
  return Promise.all(
    extractCandidates(loadLexicon(), input).map(async (candidate) => ({
      ...candidate,
      facts: await dictionaryGrammar(candidate.lemma, candidate.kind),
    })),
  );
}

let cached: { entry: string; engine: GermanEngine } | undefined;

/** The engine that knows only `entry`: built again only when the entry's wordings changed. */
function engineFor(entry: GlossaryEntry): GermanEngine {
  const key = JSON.stringify([entry.lemma, entry.variants ?? []]);
  if (cached?.entry !== key) cached = { entry: key, engine: createGermanEngine(loadLexicon(), [entry]) };
  return cached.engine;
}

/** Per wording of the entry, per element, the lemma keys one of which a text must offer (lib/text's entryKeys). */
export function previewKeys(entry: GlossaryEntry): string[][][] {
  return engineFor(entry).entryKeys(entry);
}

/** The entry's matches in each text, in order (an empty list where it does not occur). */
export function previewMatches(input: { entry: GlossaryEntry; texts: string[] }): Match[][] {
  const engine = engineFor(input.entry);
  return input.texts.map((text) => engine.annotate(text).flatMap((sentence) => sentence.matches));
}
