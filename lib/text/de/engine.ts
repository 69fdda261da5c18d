import type { GlossaryEntry, LemmaCandidate, Lexicon, Match, PartOfSpeech, Token } from '../types';
import { type NounGender, nounGender } from '../lexicon';
import { createCompoundSplitter } from './compounds';
import { createLemmatizer } from './lemmatizer';
import { createTermMatcher } from './matcher';
import { splitSentences } from './sentences';
import { tokenize } from './tokenizer';

/** Bumped whenever annotation output changes, so stored annotations can be found and redone. */
export const ENGINE_VERSION = 'de-2';

export type AnnotatedToken = Token & { lemma: string; pos: PartOfSpeech; gender?: NounGender };

export type SentenceAnnotation = {
  start: number;
  end: number;
  tokens: AnnotatedToken[];
  matches: Match[];
};

export type GermanEngine = {
  lemmatize: (word: string) => readonly LemmaCandidate[];
  splitCompound: ReturnType<typeof createCompoundSplitter>;
  /** Tokens with their best lemma, glossary matches, per sentence. */
  annotate: (text: string) => SentenceAnnotation[];
  /** Every lemma key a text offers a glossary entry (all readings, separable verbs, compound parts). */
  lemmaIndex: (text: string) => Set<string>;
  /** Per wording of an entry, per element, the keys one of which a text must offer for it to match. */
  entryKeys: (entry: GlossaryEntry) => string[][][];
};

/**
 * Per lemma table, its lemmatizer and compound splitter: pure functions of the table (memoised inside),
 * shared by every engine over it. An engine is built again for each glossary change, and building a
 * splitter takes 0.1–0.5 s (passes over every form of the table).
 */
const ofTable = new WeakMap<
  Lexicon,
  { lemmatize: ReturnType<typeof createLemmatizer>; splitCompound: ReturnType<typeof createCompoundSplitter> }
>();

/** The German engine over a lemma table and a glossary. Pure: the same inputs give the same output. */
export function createGermanEngine(lexicon: Lexicon, glossary: readonly GlossaryEntry[] = []): GermanEngine {
  let shared = ofTable.get(lexicon);
  if (!shared) {
    shared = { lemmatize: createLemmatizer(lexicon), splitCompound: createCompoundSplitter(lexicon) };
    ofTable.set(lexicon, shared);
  }
  const { lemmatize, splitCompound } = shared;
  const matcher = createTermMatcher(glossary, { lexicon, lemmatize, splitCompound, tokenize, splitSentences });

  /** A noun's gender from the table; a compound takes its head's ("die Werkzeugmaschine": die Maschine). */
  const genderOf = (lemma: string): NounGender | undefined => {
    const known = nounGender(lexicon, lemma);
    if (known) return known;
    const head = splitCompound(lemma)?.at(-1)?.lemma ?? lemma.slice(lemma.lastIndexOf('-') + 1);
    return head !== lemma ? nounGender(lexicon, head) : undefined;
  };
  const bestLemmas = new Map<string, (LemmaCandidate & { gender?: NounGender }) | undefined>();
  const annotateToken = ({ surface, start, end, kind }: Token): AnnotatedToken => {
    if (kind !== 'word') return { surface, start, end, kind, lemma: surface, pos: 'OTHER' };
    let best = bestLemmas.get(surface);
    if (best === undefined && !bestLemmas.has(surface)) {
      const candidate = lemmatize(surface)[0];
      best = candidate && candidate.pos === 'NOUN' ? { ...candidate, gender: genderOf(candidate.lemma) } : candidate;
      bestLemmas.set(surface, best);
    }
    const token: AnnotatedToken = {
      surface,
      start,
      end,
      kind,
      lemma: best?.lemma ?? surface,
      pos: best?.pos ?? 'OTHER',
    };
    if (best?.gender) token.gender = best.gender;
    return token;
  };

  return {
    lemmatize,
    splitCompound,
    annotate(text) {
      const tokens = tokenize(text);
      const sentences = splitSentences(text, tokens);
      const matches = matcher.matchTokens(text, tokens, sentences);
      let t = 0;
      let m = 0;
      return sentences.map((sentence) => {
        const annotation: SentenceAnnotation = { start: sentence.start, end: sentence.end, tokens: [], matches: [] };
        while (t < tokens.length && tokens[t]!.start < sentence.end) {
          if (tokens[t]!.start >= sentence.start) annotation.tokens.push(annotateToken(tokens[t]!));
          t++;
        }
        while (m < matches.length && matches[m]!.start < sentence.end) {
          if (matches[m]!.start >= sentence.start) annotation.matches.push(matches[m]!);
          m++;
        }
        return annotation;
      });
    },
    lemmaIndex: (text) => matcher.keysOf(text),
    entryKeys: (entry) => matcher.entryKeys(entry),
  };
}
