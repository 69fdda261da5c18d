import { type NounGender, separableKey } from '../../lexicon';
import type { PartOfSpeech } from '../../types';
import { hasOldSz, reformSz } from './spelling';

// The form→lemma table being built: every rule adds readings (form, lemma, part of speech, rank) and
// the table ranks each form's candidates and writes the lines of lib/text/lexicon.ts's format:
//
//   form<TAB>lemma|POS[:gender][,lemma|POS[:gender]…]
//
// one line per form, sorted by form (code-unit order), "\n" after each. A candidate's score is lower
// for better readings: its part of speech against the form's case (a capitalised form prefers NOUN
// readings, a lowercase one the others), plus its rank (RANK: the kind of form it is), minus a little
// when the lemma is the form itself. Candidates are ordered by score, then by "lemma|POS" (code units).
// A reading added twice keeps its best score and the first gender it was given.

/**
 * The kinds of reading, best first (lower ranks first). Rules add small steps between them: a
 * nominative noun reading, a separable verb's joined form, the genitive and dative variants.
 */
export const RANK = {
  /** Articles, pronouns, determiners: "einen" → ein before the verb einen. */
  functionWord: -2,
  /** Infinitive and indicative present or preterite: "half" → helfen. */
  verb: 0,
  /** Subjunctive, imperative, zu-infinitive: "hälfe", "hilf", "aufzuhören". */
  verbVariant: 0.1,
  /** "geholfen" → helfen before the participial adjective geholfen. */
  pastParticiple: 1,
  adjective: 2,
  /** "entscheidend" → the adjective entscheidend before the verb entscheiden. */
  presentParticiple: 3,
  /** Any noun reading (nouns.ts refines it: nominative first, derived and rare nouns after). */
  noun: 0,
} as const;

/** Score of a noun reading under a lowercase form, and of any other reading under a capitalised one. */
const LOWERCASE_NOUN = 4;
const CAPITALISED_OTHER = 10;
/** The lemma is the form itself: "Beamte" → Beamte before Beamter. */
const LEMMA_IS_FORM = -0.5;
/** A form in pre-reform spelling ("muß") also adds the reformed one ("muss"), ranked this much lower. */
const OLD_SPELLING_STEP = 0.3;
/**
 * A capitalised form. Module-level: tsx's esbuild target rewrites a /\p{…}/u literal into
 * `new RegExp(…)`, which inside the function would compile it again for each of the millions of readings.
 */
const CAPITALISED = /^\p{Lu}/u;
/** Characters that would break the line format; readings containing them are skipped (none today). */
const UNSAFE = /[\t\n\r,|+]/;

/** Where the rules put their readings. */
export type FormSink = {
  /** A reading of `form`; a missing or empty form or lemma is ignored. */
  add(form: string | undefined, lemma: string, pos: PartOfSpeech, rank: number, gender?: NounGender): void;
  /** A separable verb's split form, keyed "hört+auf" (separableKey). */
  addSeparable(verbForm: string, particle: string, lemma: string, rank: number): void;
};

export type FormTable = FormSink & {
  /** The table's text and counts. */
  finish(): LexiconBuild;
};

export type LexiconBuild = {
  /** The table's text: one line per form, sorted, "\n" after each. */
  tsv: string;
  /** Lines in the table. */
  forms: number;
  /** Distinct lemma readings (lemma and part of speech) the rules added. */
  lemmas: number;
  /** Readings left out because they hold a character of the line format (none today). */
  skipped: number;
};

/** The score of a reading of `form` (lower is better). */
export function readingScore(form: string, lemma: string, pos: PartOfSpeech, rank: number): number {
  const capitalised = CAPITALISED.test(form);
  const posScore = pos === 'NOUN' ? (capitalised ? 0 : LOWERCASE_NOUN) : capitalised ? CAPITALISED_OTHER : 0;
  return posScore + rank + (lemma === form ? LEMMA_IS_FORM : 0);
}

type Reading = { score: number; gender: NounGender | undefined };

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * An empty table. `isLemma(pos, lemma)` says whether a word is a lemma of that part of speech in the
 * sources: a reformed-spelling form keeps its old lemma unless the reformed lemma is one ("blosslegen"
 * → bloßlegen, but "Abschluss" → Abschluss, a noun lemma too).
 */
export function createFormTable(isLemma: (pos: PartOfSpeech, lemma: string) => boolean): FormTable {
  /** form → "lemma|POS" → reading */
  const table = new Map<string, Map<string, Reading>>();
  const lemmas = new Set<string>();
  let skipped = 0;

  const put = (
    form: string,
    lemma: string,
    pos: PartOfSpeech,
    rank: number,
    gender: NounGender | undefined,
    variant: boolean,
  ): void => {
    const score = readingScore(form, lemma, pos, rank);
    const key = `${lemma}|${pos}`;
    if (!variant) lemmas.add(key);
    let candidates = table.get(form);
    if (!candidates) table.set(form, (candidates = new Map()));
    const previous = candidates.get(key);
    if (!previous) candidates.set(key, { score, gender });
    else {
      if (score < previous.score) previous.score = score;
      previous.gender ??= gender;
    }
    if (!variant && hasOldSz(form)) {
      const reformedLemma = reformSz(lemma);
      const variantLemma = reformedLemma !== lemma && isLemma(pos, reformedLemma) ? reformedLemma : lemma;
      put(reformSz(form), variantLemma, pos, rank + OLD_SPELLING_STEP, gender, true);
    }
  };

  return {
    add(form, lemma, pos, rank, gender) {
      if (typeof form !== 'string' || form === '' || typeof lemma !== 'string' || lemma === '') return;
      if (UNSAFE.test(form) || UNSAFE.test(lemma)) {
        skipped++;
        return;
      }
      put(form, lemma, pos, rank, gender, false);
    },

    addSeparable(verbForm, particle, lemma, rank) {
      if (!verbForm || !particle || UNSAFE.test(verbForm) || UNSAFE.test(particle) || UNSAFE.test(lemma)) {
        skipped++;
        return;
      }
      put(separableKey(verbForm, particle), lemma, 'VERB', rank, undefined, false);
    },

    finish() {
      const lines: string[] = [];
      for (const form of [...table.keys()].sort(byCodeUnit)) {
        const candidates = [...table.get(form)!].sort(
          ([keyA, a], [keyB, b]) => a.score - b.score || byCodeUnit(keyA, keyB),
        );
        lines.push(`${form}\t${candidates.map(([key, { gender }]) => (gender ? `${key}:${gender}` : key)).join(',')}`);
      }
      return { tsv: `${lines.join('\n')}\n`, forms: table.size, lemmas: lemmas.size, skipped };
    },
  };
}
