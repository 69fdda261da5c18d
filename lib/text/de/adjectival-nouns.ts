import type { Lexicon } from '../types';
import { isAdjectiveLemma, lowerFirst, readingsOf } from './lemmatizer';

// Adjectival nouns (der Verbündete, die Abgeordnete, der Beamte, die Deutsche, das Gute) decline like
// adjectives: weak after der/die/das (der Verbündete, die Verbündeten), mixed after ein/eine (ein
// Verbündeter, eine Verbündete), strong without an article (Verbündete, plural). Dictionaries file
// them under either form ("Verbündeter", "Beamte"), so one stem stands for all of them.

export type AdjectivalGender = 'm' | 'f' | 'n';
export type Declension = 'weak' | 'mixed' | 'strong';

/** The nominative adjective ending by declension, for a gender or the plural. */
export const NOMINATIVE_ENDINGS: Readonly<Record<Declension, Readonly<Record<AdjectivalGender | 'pl', string>>>> = {
  weak: { m: 'e', f: 'e', n: 'e', pl: 'en' },
  mixed: { m: 'er', f: 'e', n: 'es', pl: 'en' },
  strong: { m: 'er', f: 'e', n: 'es', pl: 'e' },
};

/** Every ending an adjective takes in any case (stem + ending). */
export const ADJECTIVE_ENDINGS = ['e', 'en', 'em', 'er', 'es'] as const;

/** A noun as a glossary gives it; plural and genitive when known ("Verbündete", "des Verbündeten"). */
export type NounFacts = {
  lemma: string;
  gender: AdjectivalGender | null;
  plural?: string | null;
  genitive?: string | null;
};

const MIN_STEM = 3;
const lastWord = (text: string) => text.trim().split(/\s+/).pop() ?? '';

/** The table pairs the weak and the strong form as one noun ("Verbündete" ↔ Verbündeter, "Beamter" → Beamte). */
function paired(lexicon: Lexicon, stem: string): boolean {
  const weak = `${stem}e`;
  const strong = `${stem}er`;
  return (
    readingsOf(lexicon, weak, 'NOUN').some((c) => c.lemma === strong) ||
    readingsOf(lexicon, strong, 'NOUN').some((c) => c.lemma === weak)
  );
}

/** The stem is a past participle of a verb of the table ("abgeordnet" ← abordnen): der Abgeordnete. */
function participle(lexicon: Lexicon, stem: string): boolean {
  const lower = lowerFirst(stem);
  return isAdjectiveLemma(lexicon, lower) && readingsOf(lexicon, lower, 'VERB').some((c) => c.lemma !== lower);
}

/**
 * The stem of an adjectival noun ("Verbündet" for Verbündeter or Verbündete), or undefined for any
 * other noun. Evidence, first that applies: the glossary's plural or genitive (a strong -er lemma
 * with plural -e or genitive -en; a feminine or neuter -e lemma with genitive -en, which no other
 * noun has); the lemma table pairing the -e and -er forms; a participle stem (abgeordnet); for a
 * masculine -er lemma, an adjective stem (fremd). A masculine -e lemma is otherwise a weak noun
 * (der Kunde, der Junge: "ein Kunde", never "ein Kunder"), and a feminine -e lemma on an adjective
 * stem an abstract noun (die Tiefe). Without the lemma table only the glossary's facts count.
 */
export function adjectivalNounStem(lexicon: Lexicon | undefined, noun: NounFacts): string | undefined {
  const { lemma, gender } = noun;
  if (!/^\p{Lu}\p{Ll}+$/u.test(lemma)) return undefined;
  const strongLemma = lemma.endsWith('er');
  const stem = strongLemma ? lemma.slice(0, -2) : lemma.endsWith('e') ? lemma.slice(0, -1) : undefined;
  if (!stem || stem.length < MIN_STEM) return undefined;
  if (strongLemma && gender !== 'm' && gender !== null) return undefined;
  const plural = noun.plural?.trim() || null;
  const genitive = noun.genitive?.trim() ? lastWord(noun.genitive) : null;
  if (strongLemma) {
    if (plural === `${stem}e` || genitive === `${stem}en`) return stem;
    if (plural !== null || genitive !== null || !lexicon) return undefined;
    return paired(lexicon, stem) || isAdjectiveLemma(lexicon, lowerFirst(stem)) ? stem : undefined;
  }
  if (genitive === `${stem}en` && (gender === 'f' || gender === 'n')) return stem;
  if ((genitive !== null && genitive !== `${stem}en`) || !lexicon) return undefined;
  return paired(lexicon, stem) || participle(lexicon, stem) ? stem : undefined;
}

/** A nominative of an adjectival noun with the article it goes with (null: none). */
export type Nominative = { article: string | null; word: string; number: 'singular' | 'plural' };

/**
 * Every nominative form of an adjectival noun: for a person (masculine or feminine, or unknown) both
 * genders and the plural (der/die Verbündete, ein Verbündeter, eine Verbündete, die Verbündeten,
 * Verbündete); for a neuter one das Gute, ein Gutes. The first is the dictionary form with der/die/das.
 */
export function adjectivalNominatives(stem: string, gender: AdjectivalGender | null): Nominative[] {
  const e = NOMINATIVE_ENDINGS;
  if (gender === 'n')
    return [
      { article: 'das', word: stem + e.weak.n, number: 'singular' },
      { article: 'ein', word: stem + e.mixed.n, number: 'singular' },
    ];
  const person: Nominative[] = [
    { article: 'der', word: stem + e.weak.m, number: 'singular' },
    { article: 'ein', word: stem + e.mixed.m, number: 'singular' },
    { article: 'die', word: stem + e.weak.f, number: 'singular' },
    { article: 'eine', word: stem + e.mixed.f, number: 'singular' },
    { article: 'die', word: stem + e.weak.pl, number: 'plural' },
    { article: null, word: stem + e.strong.pl, number: 'plural' },
  ];
  // The feminine first for a feminine noun: "die Abgeordnete" is its dictionary form.
  return gender === 'f' ? [person[2]!, person[3]!, person[0]!, person[1]!, ...person.slice(4)] : person;
}
