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

/** The JSON of `GET /api/dictionary?lemma=…`: the trimmed word and its senses, best first. */
export type DictionaryLookup = {
  lemma: string;
  senses: Pick<DictionarySense, 'german' | 'english'>[];
};
