import 'server-only';
import { loadLexicon } from '@/lib/annotation/queries.server';
import { extractCandidates, type CandidateInput, type TermCandidate } from '@/lib/text';
import type { GrammarFacts } from './grammar-check';
import { dictionaryGrammar } from './grammar.server';

// Candidate extraction's CPU-heavy part, run in a worker thread (lib/workers.server.ts): the web
// process loads neither the lemma table nor the grammar dictionaries (ADR 031) for it.

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
