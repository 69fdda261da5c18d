// The public surface of the German language engine: app code, scripts and tests import from here.
export { countWords, WORD_LEMMA } from './words';
export { tokenize } from './de/tokenizer';
export { splitSentences } from './de/sentences';
export { decodeLexiconTable, type LexiconTable } from './lexicon-table';
export {
  encodeLexicon,
  parseLexicon,
  separableKey,
  nounGender,
  nounLemmas,
  lemmasOf,
  type NounGender,
  type ParsedLexicon,
} from './lexicon';
export { createLemmatizer } from './de/lemmatizer';
export {
  adjectivalNounStem,
  adjectivalNominatives,
  ADJECTIVE_ENDINGS,
  NOMINATIVE_ENDINGS,
  type AdjectivalGender,
  type Declension,
  type NounFacts,
  type Nominative,
} from './de/adjectival-nouns';
export { buildLexiconTsv } from './de/lexicon-build/build';
export { nominativePlural } from './de/lexicon-build/nouns';
export type { GermanPosDict, NounParadigm } from './de/lexicon-build/types';
export { createCompoundSplitter } from './de/compounds';
export { createGermanEngine, ENGINE_VERSION } from './de/engine';
export type { AnnotatedToken, GermanEngine, SentenceAnnotation } from './de/engine';
export type {
  CompoundPart,
  GlossaryEntry,
  LemmaCandidate,
  LemmaSet,
  Lexicon,
  Match,
  MatchKind,
  PartOfSpeech,
  SentenceSpan,
  Token,
  TokenKind,
} from './types';
export {
  extractCandidates,
  rankCandidates,
  DOMAIN_HEADS,
  DOMAIN_MODIFIERS,
  IDIOMS,
  type CandidateInput,
  type CandidateKind,
  type CandidateOccurrence,
  type LibraryFrequency,
  type TermCandidate,
} from './de/candidates';
