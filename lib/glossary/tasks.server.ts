import 'server-only';
import { loadLexicon } from '@/lib/annotation/queries.server';
import { createGermanEngine, type GermanEngine, type GlossaryEntry, type Match } from '@/lib/text';

// The term editor's preview, run in a worker thread (lib/workers.server.ts): an engine over the lemma
// table and just the entry as the editor has typed it, so the web process never loads the table.

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
