import 'server-only';
import { loadLexicon } from '@/lib/annotation/queries.server';
import { type CandidateInput, extractCandidates, type TermCandidate } from '@/lib/text';
import type { GrammarFacts } from './grammar-check';
import type { TermKind } from './schema';
import { dictionaryGrammar } from './grammar.server';

// The glossary's work over the lemma table and the grammar dictionaries, run in a worker thread
// (lib/workers.server.ts): the web process loads neither (ADR 031). (The term editor's preview uses
// annotation's tasks, termKeys and matchTexts, over just the typed entry.)

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

/** A lemma's grammar as the lemma table gives it (the term editor's prefill and its check on save). */
export function grammarFacts(input: { lemma: string; kind: TermKind }): Promise<GrammarFacts | null> {
  return dictionaryGrammar(input.lemma, input.kind);
}
