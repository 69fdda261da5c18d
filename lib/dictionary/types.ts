/**
 * One sense of the general German–English dictionary: one German headword (as its lookup key) with
 * the aligned German and English sub-senses of one source line, as written there.
 */
export type DictionarySense = {
  /** The lower-cased German headword without annotations: what a lookup matches. */
  key: string;
  /** The German sub-sense as written in the source, e.g. `Maschine {f}; Werkzeugmaschine {f}`. */
  german: string;
  /** The English sub-sense at the same position, as written, e.g. `machine; machine tool`. */
  english: string;
  /** 1-based line number in the source file: keeps the dictionary's own order. */
  line: number;
};

/** What the general dictionary says about a word met in a text (lib/dictionary/queries.server.ts). */
export type WordMeaning = {
  /** Best first; empty when no headword of the word is in the dictionary (or no dictionary is imported). */
  senses: Pick<DictionarySense, 'german' | 'english'>[];
  /** `compound`: the senses are those of the compound's head (`headword`), not of the word itself. */
  via: 'word' | 'compound' | null;
  /** The headword the senses belong to, as looked up ("Ministerium"); null without senses. */
  headword: string | null;
  /** A name (Biden, Moskau): its part of speech is "proper noun". */
  properNoun: boolean;
};

/** The JSON of `GET /api/dictionary?lemma=…[&surface=…&pos=…]`: the trimmed word and its meaning. */
export type DictionaryLookup = WordMeaning & { lemma: string };
