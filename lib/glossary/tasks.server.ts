import 'server-only';
import { loadLexicon } from '@/lib/annotation/queries.server';
import {
  type CandidateInput,
  createGermanEngine,
  extractCandidates,
  type GermanEngine,
  type GlossaryEntry,
  type TermCandidate,
  tokenize,
} from '@/lib/text';
import type { GrammarFacts } from './grammar-check';
import type { TermKind } from './schema';
import { dictionaryGrammar } from './grammar.server';
import { querySpellings, searchFold } from './query-spelling';

// The glossary's work over the lemma table and the grammar dictionaries, run in a worker thread
// (lib/workers.server.ts) or at the task service (lib/task-service.server.ts): the web process loads
// neither (ADR 031, 048). (The term editor's preview uses annotation's tasks, termKeys and
// matchTexts, over just the typed entry.)

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

// The glossary search's reading of a query (./queries.server.ts, searchTerms): the engine over the
// approved entries, rebuilt only when their wordings change; matching a query takes microseconds.
let searchEngine: { key: string; engine: GermanEngine } | undefined;

function searchEngineFor(entries: readonly GlossaryEntry[]): GermanEngine {
  const key = JSON.stringify(
    entries
      .map((e) => [e.lemma, ...[...(e.variants ?? [])].sort()])
      .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0)),
  );
  if (searchEngine?.key !== key) searchEngine = { key, engine: createGermanEngine(loadLexicon(), entries) };
  return searchEngine.engine;
}

/** Articles carry no meaning for a search ("die Sanktionen"), unless they are all there is. */
const DETERMINERS = new Set([
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'ein',
  'eine',
  'einen',
  'einem',
  'einer',
  'eines',
]);

/** What the engine reads in a search query: see readGlossaryQuery. */
export type GlossaryQueryReading = {
  /** Entries found whole, inflected, in the query, with the share of the query they cover. */
  whole: [lemma: string, score: number][];
  /** Entries found as part of a query word ("Mikroelektronikimporte" → Mikroelektronik). */
  insideQueryWord: string[];
  /** Per meaningful query word: its folded forms, as written and as its lemmas, in every spelling. */
  queryForms: string[][];
};

/** A normalised search query over the approved entries → the entries it holds and its words' forms (searchTerms' steps 1 and 2). */
export function readGlossaryQuery(input: { entries: GlossaryEntry[]; text: string }): GlossaryQueryReading {
  const engine = searchEngineFor(input.entries);
  const { text } = input;
  const spellings = querySpellings(engine, text);

  // 1. The whole entry, inflected, anywhere in the query; scored by how much of the query it covers.
  const whole = new Map<string, number>();
  const insideQueryWord = new Set<string>();
  for (const spelling of spellings) {
    for (const sentence of engine.annotate(spelling)) {
      for (const match of sentence.matches) {
        if (match.kind === 'compound-part')
          insideQueryWord.add(match.term); // "Mikroelektronikimporte" → Mikroelektronik
        else whole.set(match.term, Math.max(whole.get(match.term) ?? 0, (match.end - match.start) / spelling.length));
      }
    }
  }

  // 2. Every query word, as written or as one of its lemmas (in any of its spellings), in a word of the entry.
  const bySpelling = spellings.map((spelling) =>
    tokenize(spelling)
      .filter((t) => t.kind === 'word')
      .map((t) => t.surface),
  );
  const words = bySpelling[0]!.map((_, i) => bySpelling.map((spelled) => spelled[i]!));
  const meaningful = words.filter((spelled) => !DETERMINERS.has(searchFold(spelled[0]!)));
  const queryForms = (meaningful.length ? meaningful : words).map((spelled) => [
    ...new Set(
      spelled.flatMap((word) => [searchFold(word), ...engine.lemmatize(word).map((c) => searchFold(c.lemma))]),
    ),
  ]);
  return { whole: [...whole], insideQueryWord: [...insideQueryWord], queryForms };
}
