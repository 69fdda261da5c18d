import 'server-only';
import { loadLexicon } from '@/lib/annotation/queries.server';
import { createCompoundSplitter, createLemmatizer } from '@/lib/text';
import { type LookupStep, lookupSteps, type MeaningTools } from './meaning';

// The dictionary's work over the lemma table, run in a worker thread (lib/workers.server.ts) or at the
// task service (lib/task-service.server.ts): the web process never loads the table (ADR 048).

let tools: MeaningTools | undefined;
/** The engine's lemmatizer and compound splitter over the lemma table, made once per thread. */
function meaningTools(): MeaningTools {
  if (tools) return tools;
  const lexicon = loadLexicon();
  tools = { lemmatize: createLemmatizer(lexicon), splitCompound: createCompoundSplitter(lexicon) };
  return tools;
}

/** A word of a text → the headwords to look it up by, in order (./meaning.ts, lookupSteps). */
export function meaningSteps(word: { surface: string; lemma: string }): LookupStep[] {
  return lookupSteps(word, meaningTools());
}
