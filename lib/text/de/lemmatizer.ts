import type { LemmaCandidate, Lexicon, PartOfSpeech } from '../types';

// Word → lemma candidates over the form table (lib/text/lexicon.ts), best first, never empty.
//
// The first rule that yields candidates wins:
//  1. The form as written, in the table's order. A capitalised noun that is a nominalised verb or
//     adjective ("Helfen", "Europäische", "Wichtigsten") also gets the lowercase word's readings after
//     its own. A lowercase word whose only readings are nouns tries the degree rule (4) first.
//  2. Hyphenated words: the last part is lemmatised and the rest kept. "US-Beamte" → "US-Beamte":
//     the table's lemma of "Beamte"/"Beamten"/"Beamter" is Beamte (the package files the noun under
//     its weak form), so the hyphenated word keeps it; "deutsch-russischen" → "deutsch-russisch".
//  3. All capitals: "RUSSEN" → Russen → Russe, else the lowercase word, else the word itself ("USA").
//  Capitalised words the table lacks (sentence start, unknown nouns):
//  4. The lowercase word (its table readings, else the degree rule): "Die" → der, "Größten" → groß.
//  5. The feminine -in of a table noun: "Redakteurinnen" → Redakteurin.
//  6. An unknown compound: the longest known noun head (≥ 4 letters, or an -ung noun of a table verb)
//     is lemmatised and the modifier kept: "Werkzeugmaschinen" → Werkzeugmaschine,
//     "Mikroelektronikimporte" → Mikroelektronikimport, "Stellvertreterkriegs" → Stellvertreterkrieg.
//  7. A regular ending on a table noun: "Banken" → Bank.
//  8. An adjective by its suffix (-ig, -lich, -isch, -bar, -sam, -haft, -los, -iv, -ös), any degree.
//  9. Genitive -s of a name: "Moskaus" → Moskau, "Chinas" → China, "Bidens" → Biden (after a/o/u/y/
//     ä/ö/ü, or after b d f g k l m n p t w with ≥ 5 letters left; not "-tens", "-gens", "-ends"); the
//     word itself follows as a second candidate ("Thomas"). Then heads of three letters ("…rat").
//  Lowercase words the table lacks:
//  4. Degree: comparative/superlative endings stripped, the umlaut removed where needed, a few
//     irregular forms: "größten" → groß, "ehrgeizigsten" → ehrgeizig, "teurer" → teuer, "besser" → gut.
//  5. The capitalised word's readings (a noun written lowercase).
//  6. A zu-infinitive of a table verb: "herauszufinden" → herausfinden.
//  7. An adjective compound with a known modifier: "weltraumgestützten" → weltraumgestützt,
//     "unbefugten" → unbefugt (not "darunter", whose "dar" is no modifier).
//  8. An adjective by its suffix: "hochrangiger" → hochrangig, "wahrscheinlichste" → wahrscheinlich.
// Otherwise the word itself: POS OTHER, source "identity".
//
// Sources: "lexicon" when the lemma is a table lemma of that part of speech (also when the form was
// derived by a regular rule: "Banken", "herauszufinden", "Redakteurinnen"); "degree" for comparatives
// and superlatives; "compound" for compound heads and hyphenated words; "identity" when the table does
// not know the lemma: the word itself, or a guess from its ending (adjective suffix, genitive -s).
// Results are memoised per lemmatizer. Candidate objects may be shared: do not mutate them.

const MEMO_LIMIT = 100_000;
/** A compound's modifier has at least this many letters (so "Scholz" is not Sc+Holz). */
const MIN_MODIFIER = 3;
const MIN_HEAD = 4;
const INFLECTIONS = ['en', 'em', 'er', 'es', 'e', ''] as const;
/** Superlative before comparative; "-est" before "-st" ("heißesten"); "-t" after ß ("größten"). */
const DEGREE_MARKERS = ['est', 'st', 't', 'er'] as const;
/** Endings of adjectives ("hochrangig", "fotografisch", "wahrscheinlich") for words the table lacks. */
const ADJECTIVE_SUFFIX = /(?:ig|lich|isch|bar|sam|haft|los|iv|ös)$/;
const MIN_GUESSED_ADJECTIVE = 7;
/** Regular noun endings tried on an unknown capitalised word ("Banken" → Bank). */
const NOUN_ENDINGS = ['en', 'es', 'er', 'n', 'e', 's'] as const;
/** Bound modifiers of adjective compounds ("unbefugt", "nichtmilitärisch"). */
const ADJECTIVE_PREFIXES = new Set(['un', 'nicht']);
const IRREGULAR_DEGREE: Readonly<Record<string, string>> = {
  besser: 'gut',
  best: 'gut',
  höher: 'hoch',
  höchst: 'hoch',
  näher: 'nah',
};
const UMLAUTS: Readonly<Record<string, string>> = { ä: 'a', ö: 'o', ü: 'u', Ä: 'A', Ö: 'O', Ü: 'U' };

export const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const isUpper = (ch: string): boolean => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
const isLower = (ch: string): boolean => ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const startsUpper = (s: string): boolean => isUpper(s.charAt(0));
const startsLower = (s: string): boolean => isLower(s.charAt(0));
/** "RUSSEN", "USA": two or more letters, no lowercase letter. */
const isAllCaps = (s: string): boolean => s.length > 1 && s === s.toUpperCase() && s !== s.toLowerCase();

const identity = (word: string): LemmaCandidate => ({ lemma: word, pos: 'OTHER', source: 'identity' });

/** Removes the last umlaut: "größ" → "groß", "älter" → "alter". */
function withoutLastUmlaut(stem: string): string | undefined {
  for (let i = stem.length - 1; i >= 0; i--) {
    const plain = UMLAUTS[stem.charAt(i)];
    if (plain) return stem.slice(0, i) + plain + stem.slice(i + 1);
  }
  return undefined;
}

function dedupe(lists: readonly (readonly LemmaCandidate[])[]): LemmaCandidate[] {
  const out: LemmaCandidate[] = [];
  const seen = new Set<string>();
  for (const list of lists) {
    for (const c of list) {
      const key = `${c.lemma}\u0000${c.pos}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(c);
      }
    }
  }
  return out;
}

/** The table's readings of `form` with part of speech `pos`. */
export function readingsOf(lexicon: Lexicon, form: string, pos: PartOfSpeech): readonly LemmaCandidate[] {
  return lexicon.forms.get(form)?.filter((c) => c.pos === pos) ?? [];
}

/** True when `lemma` is an adjective lemma of the table ("groß"). */
export function isAdjectiveLemma(lexicon: Lexicon, lemma: string): boolean {
  return lexicon.forms.get(lemma)?.some((c) => c.pos === 'ADJ' && c.lemma === lemma) ?? false;
}

/** True when `lemma` is a verb infinitive of the table ("helfen"). */
export function isVerbLemma(lexicon: Lexicon, lemma: string): boolean {
  return lexicon.forms.get(lemma)?.some((c) => c.pos === 'VERB' && c.lemma === lemma) ?? false;
}

/**
 * An -ung noun the table lacks but whose verb it has: "Entgleisungen" → Entgleisung (entgleisen).
 * `form` is capitalised. Returns the noun lemma or undefined.
 */
export function derivedUngNoun(lexicon: Lexicon, form: string): string | undefined {
  const match = /^(\p{Lu}\p{Ll}{2,})ung(?:en)?$/u.exec(form);
  if (!match) return undefined;
  const stem = lowerFirst(match[1]!);
  return isVerbLemma(lexicon, `${stem}en`) || isVerbLemma(lexicon, `${stem}n`) ? `${match[1]!}ung` : undefined;
}

/**
 * A feminine -in noun the table lacks but whose masculine it has: "Redakteurinnen" → Redakteurin
 * (Redakteur). `form` is capitalised. Returns the noun lemma or undefined.
 */
export function derivedFeminine(lexicon: Lexicon, form: string): string | undefined {
  const match = /^(\p{Lu}\p{Ll}{2,})in(?:nen)?$/u.exec(form);
  if (!match) return undefined;
  const masculine = match[1]!;
  return lexicon.forms.get(masculine)?.some((c) => c.pos === 'NOUN' && c.lemma === masculine)
    ? `${masculine}in`
    : undefined;
}

/** Noun lemmas of a capitalised form: the table's, else a derived -ung noun. */
export function nounReadings(lexicon: Lexicon, form: string): readonly LemmaCandidate[] {
  const known = readingsOf(lexicon, form, 'NOUN');
  if (known.length) return known;
  const derived = derivedUngNoun(lexicon, form);
  return derived ? [{ lemma: derived, pos: 'NOUN', source: 'compound' }] : [];
}

/**
 * Comparative or superlative of a known adjective: "größten" → groß, "ehrgeizigsten" → ehrgeizig,
 * "teurer" → teuer, "höchsten" → hoch. `word` is lowercase.
 */
export function degreeLemma(lexicon: Lexicon, word: string): string | undefined {
  for (const marker of DEGREE_MARKERS) {
    for (const inflection of INFLECTIONS) {
      const suffix = marker + inflection;
      if (!word.endsWith(suffix) || word.length - suffix.length < 2) continue;
      const stem = word.slice(0, word.length - suffix.length);
      if (marker === 't' && !stem.endsWith('ß')) continue;
      const irregular = IRREGULAR_DEGREE[stem + marker];
      if (irregular && isAdjectiveLemma(lexicon, irregular)) return irregular;
      const variants = [stem, withoutLastUmlaut(stem)];
      // "teurer" → teuer, "dunkler" → dunkel: the e of -er/-el drops before the comparative.
      if (marker === 'er' && /[lr]$/.test(stem)) variants.push(`${stem.slice(0, -1)}e${stem.slice(-1)}`);
      for (const base of variants) if (base && isAdjectiveLemma(lexicon, base)) return base;
    }
  }
  return undefined;
}

/**
 * An adjective the table lacks, recognised by its derivational ending, in any degree:
 * "hochrangiger" → hochrangig, "wahrscheinlichste" → wahrscheinlich. `word` is lowercase.
 */
export function guessAdjective(word: string): { lemma: string; degree: boolean } | undefined {
  for (const marker of ['', 'est', 'st', 'er'] as const) {
    for (const inflection of INFLECTIONS) {
      const suffix = marker + inflection;
      if (!word.endsWith(suffix)) continue;
      const stem = word.slice(0, word.length - suffix.length);
      if (stem.length >= MIN_GUESSED_ADJECTIVE && ADJECTIVE_SUFFIX.test(stem))
        return { lemma: stem, degree: marker !== '' };
    }
  }
  return undefined;
}

export function createLemmatizer(lexicon: Lexicon): (word: string) => LemmaCandidate[] {
  const { forms } = lexicon;
  const memo = new Map<string, readonly LemmaCandidate[]>();

  const degree = (lower: string): LemmaCandidate[] | undefined => {
    const lemma = degreeLemma(lexicon, lower);
    return lemma ? [{ lemma, pos: 'ADJ', source: 'degree' }] : undefined;
  };

  /** Readings of a lowercase word: the table's, else the degree rule's. */
  const lowercaseReadings = (lower: string): readonly LemmaCandidate[] => forms.get(lower) ?? degree(lower) ?? [];

  /** A noun lemma that is a nominalised infinitive ("Helfen") or adjective ("Neue", "Wichtigste"). */
  const isNominalisation = (lemma: string): boolean => {
    const lower = lowerFirst(lemma);
    if (lower === lemma) return false;
    const readings = forms.get(lower);
    if (readings)
      return readings.some((c) => (c.pos === 'VERB' && c.lemma === lower) || (c.pos === 'ADJ' && c.lemma !== lower));
    return degreeLemma(lexicon, lower) !== undefined;
  };

  const compoundHead = (word: string, minHead: number, maxHead = Infinity): LemmaCandidate[] | undefined => {
    for (let i = MIN_MODIFIER; i <= word.length - minHead; i++) {
      if (word.length - i > maxHead) continue;
      const head = upperFirst(word.slice(i));
      const nouns = nounReadings(lexicon, head);
      if (nouns.length) {
        const modifier = word.slice(0, i);
        return nouns.map((c) => ({ lemma: modifier + lowerFirst(c.lemma), pos: 'NOUN', source: 'compound' }));
      }
    }
    return undefined;
  };

  /** "Banken" → Bank: a regular plural or case ending on a noun lemma of the table. */
  const nounEnding = (word: string): LemmaCandidate[] | undefined => {
    for (const ending of NOUN_ENDINGS) {
      if (!word.endsWith(ending)) continue;
      const stem = word.slice(0, word.length - ending.length);
      if (stem.length >= 3 && forms.get(stem)?.some((c) => c.pos === 'NOUN' && c.lemma === stem)) {
        return [{ lemma: stem, pos: 'NOUN', source: 'lexicon' }];
      }
    }
    return undefined;
  };

  const genitive = (word: string): LemmaCandidate[] | undefined => {
    if (!word.endsWith('s') || /(?:tens|gens|ends)$/.test(word)) return undefined;
    const stem = word.slice(0, -1);
    const last = stem.charAt(stem.length - 1);
    const ok = /[aouyäöü]/.test(last)
      ? stem.length >= 4 && !stem.endsWith('ou')
      : /[bdfgklmnptw]/.test(last) && stem.length >= 5;
    return ok ? [{ lemma: stem, pos: 'NOUN', source: 'identity' }, identity(word)] : undefined;
  };

  /** "herauszufinden" → herausfinden: a zu-infinitive the table lacks. */
  const zuInfinitive = (word: string): LemmaCandidate[] | undefined => {
    for (let i = word.indexOf('zu', 2); i > 0 && i <= word.length - 4; i = word.indexOf('zu', i + 1)) {
      const verb = word.slice(0, i) + word.slice(i + 2);
      if (isVerbLemma(lexicon, verb)) return [{ lemma: verb, pos: 'VERB', source: 'lexicon' }];
    }
    return undefined;
  };

  /** A compound's modifier: a noun (with its linking element), an adjective, or un-/nicht-. */
  const isModifier = (modifier: string): boolean => {
    if (ADJECTIVE_PREFIXES.has(modifier) || isAdjectiveLemma(lexicon, modifier)) return true;
    const capitalised = upperFirst(modifier);
    return ['', 's', 'es', 'n', 'en'].some((link) => {
      if (!capitalised.endsWith(link)) return false;
      const base = capitalised.slice(0, capitalised.length - link.length);
      return (
        base.length >= MIN_MODIFIER && (forms.get(base)?.some((c) => c.pos === 'NOUN' && c.lemma === base) ?? false)
      );
    });
  };

  const adjectiveGuess = (lower: string): LemmaCandidate[] | undefined => {
    const guess = guessAdjective(lower);
    return guess ? [{ lemma: guess.lemma, pos: 'ADJ', source: guess.degree ? 'degree' : 'identity' }] : undefined;
  };

  const adjectiveCompound = (word: string): LemmaCandidate[] | undefined => {
    for (let i = 2; i <= word.length - MIN_HEAD; i++) {
      const adjectives = readingsOf(lexicon, word.slice(i), 'ADJ');
      const modifier = word.slice(0, i);
      if (adjectives.length && isModifier(modifier)) {
        return adjectives.map((c) => ({ lemma: modifier + c.lemma, pos: 'ADJ', source: 'compound' }));
      }
    }
    return undefined;
  };

  const hyphenated = (word: string): LemmaCandidate[] | undefined => {
    const cut = word.lastIndexOf('-');
    if (cut <= 0 || cut === word.length - 1) return undefined;
    const last = word.slice(cut + 1);
    if (!/\p{L}/u.test(last)) return undefined;
    const prefix = word.slice(0, cut + 1);
    const found = lemmatize(last).filter((c) => c.source !== 'identity');
    if (!found.length) return undefined;
    return found.map((c) => ({
      lemma: prefix + c.lemma,
      pos: c.pos,
      source: c.source === 'degree' ? 'degree' : 'compound',
    }));
  };

  const resolve = (raw: string): readonly LemmaCandidate[] => {
    const word = raw.normalize('NFC');
    if (!word) return [identity(word)];
    const exact = forms.get(word);
    if (exact) {
      if (startsLower(word) && exact.every((c) => c.pos === 'NOUN')) return degree(word) ?? exact;
      if (startsUpper(word) && !isAllCaps(word) && exact.some((c) => c.pos === 'NOUN' && isNominalisation(c.lemma))) {
        return dedupe([exact, lowercaseReadings(lowerFirst(word))]);
      }
      return exact;
    }
    if (word.includes('-')) {
      const parts = hyphenated(word);
      if (parts) return parts;
    }
    if (isAllCaps(word)) {
      const lower = word.toLowerCase();
      const found = forms.get(upperFirst(lower)) ?? lowercaseReadings(lower);
      return found.length ? found : [identity(word)];
    }
    if (startsUpper(word)) {
      const lower = lowercaseReadings(lowerFirst(word));
      if (lower.length) return lower;
      const feminine = derivedFeminine(lexicon, word);
      if (feminine) return [{ lemma: feminine, pos: 'NOUN', source: 'lexicon' }];
      return (
        compoundHead(word, MIN_HEAD) ??
        nounEnding(word) ??
        adjectiveGuess(lowerFirst(word)) ??
        genitive(word) ??
        compoundHead(word, 3, 3) ?? [identity(word)]
      );
    }
    if (startsLower(word)) {
      return (
        degree(word) ??
        forms.get(upperFirst(word)) ??
        zuInfinitive(word) ??
        adjectiveCompound(word) ??
        adjectiveGuess(word) ?? [identity(word)]
      );
    }
    return [identity(word)];
  };

  /**
   * An inflected participle ("gelieferten", "bewegte") is filed as an adjective; the verb it comes from
   * follows as a reading, so verb entries match it and learners see the verb. (The verb package also
   * lacks some weak past forms, e.g. "bewegte" beside "bewog".)
   */
  const withParticipleVerbs = (found: readonly LemmaCandidate[]): readonly LemmaCandidate[] => {
    const verbs = found.flatMap((c) =>
      c.pos === 'ADJ'
        ? readingsOf(lexicon, c.lemma, 'VERB')
            .filter((v) => v.lemma !== c.lemma)
            .map((v) => ({ lemma: v.lemma, pos: v.pos, source: c.source }))
        : [],
    );
    return verbs.length ? dedupe([found, verbs]) : found;
  };

  function lemmatize(word: string): LemmaCandidate[] {
    let found = memo.get(word);
    if (!found) {
      found = withParticipleVerbs(resolve(word));
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(word, found);
    }
    return [...found];
  }
  return lemmatize;
}
