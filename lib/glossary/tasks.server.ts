import 'server-only';
import { loadLexicon } from '@/lib/annotation/queries.server';
import { extractCandidates, type CandidateInput, type TermCandidate } from '@/lib/text';

// Candidate extraction's CPU-heavy part, run in a worker thread (lib/workers.server.ts): the web
// process never loads the lemma table.

/** An article's German texts and the approved glossary → its glossary candidates (lib/text). */
export function extractTermCandidates(input: CandidateInput): TermCandidate[] {
  return extractCandidates(loadLexicon(), input);
}
