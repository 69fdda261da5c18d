import type { TermContent } from './schema';

// The grammar check of a glossary entry against the lemma table's facts (docs/decisions/031-glossary-
// grammar-check.md). Pure: the facts come from lib/glossary/grammar.server.ts (dictionaryGrammar).

/**
 * What the lemma table says about a lemma's grammar. A noun's genitive carries its article ("des
 * Krieges", "der Regierung"); a plural-only noun has no gender and no plural, and its genitive is the
 * plural's ("der Streitkräfte"); a noun without a plural has plural null. `separable` is for verbs
 * (null where the table cannot tell). `basis` says where the facts come from, for the editor.
 */
export type GrammarFacts = {
  gender: 'm' | 'f' | 'n' | null;
  plural: string | null;
  genitive: string | null;
  separable: boolean | null;
  basis: string;
};

export type GrammarField = 'gender' | 'plural' | 'genitive' | 'separable';

/** One field where the entry differs from the lemma table: what the table expects, what the entry has. */
export type GrammarDisagreement = { field: GrammarField; expected: string; actual: string };

export type GrammarEntry = Pick<
  TermContent,
  'lemma' | 'kind' | 'gender' | 'plural' | 'genitive' | 'separable' | 'grammarOverride'
>;

/**
 * How an entry stands: it agrees with the table; it disagrees but carries an editor's reason (an
 * override); it disagrees; or it is a noun or verb the table has no facts for (`unknown`: checked by
 * hand, so it needs an override too). Phrases, idioms and adjectives have no grammar to check.
 */
export type GrammarStatus = 'agrees' | 'overridden' | 'disagrees' | 'unknown' | 'not-checked';

const NONE = '—';
const norm = (text: string | null) => (text === null ? null : text.normalize('NFC').replace(/\s+/g, ' ').trim());
const show = (value: string | boolean | null) => (value === null ? NONE : String(value));

/** Word-final sounds after which a genitive takes -es only ("des Einsatzes", "des Einmarsches"). */
const SIBILANT_END = /(?:[sßxz]|sch)$/;
/** Endings that take -s only ("des Gipfels", "des Spionageballons", "des Sektors", "des Kanzlers"). */
const S_ONLY_END = /(?:el|er|en|em|chen|lein|or|on|ar|us|um|ling|ig|ich|ik|[aeiouyäöü]h?)$/;

/**
 * The genitive singulars German allows beside the table's one for a masculine or neuter noun:
 * "Krieges" and "Kriegs" are both right, "Einsatzes" only, "Gipfels" only.
 */
export function genitiveAlternatives(noun: string, genitive: string): string[] {
  if (genitive !== `${noun}es` && genitive !== `${noun}s`) return [genitive];
  const base = noun;
  if (SIBILANT_END.test(base)) return [`${base}es`];
  if (S_ONLY_END.test(base)) return [`${base}s`];
  return [`${base}es`, `${base}s`];
}

/** The last word of a noun lemma: the word its genitive ends in ("Nato-Gipfel" → itself; one word anyway). */
const lastWord = (text: string) => text.split(' ').pop() ?? text;

/** Every genitive with article that agrees with the table's ("des Kriegs" → des Krieges, des Kriegs). */
function acceptedGenitives(lemma: string, facts: GrammarFacts): string[] {
  const expected = norm(facts.genitive);
  if (expected === null) return [];
  const [article, ...rest] = expected.split(' ');
  const form = rest.join(' ');
  if (!article || !form || (facts.gender !== 'm' && facts.gender !== 'n')) return [expected];
  return genitiveAlternatives(lastWord(lemma), form).map((alternative) => `${article} ${alternative}`);
}

/**
 * The plurals that agree with the table's: an adjectival noun keyed by its strong form ("Verbündeter",
 * "Beamter", genitive "des Verbündeten") has a plural with and without article ("Verbündete",
 * "die Verbündeten"); any other noun has the table's plural only.
 */
function acceptedPlurals(lemma: string, facts: GrammarFacts): (string | null)[] {
  const expected = norm(facts.plural);
  if (lemma.endsWith('er') && expected !== null) {
    const stem = lemma.slice(0, -2);
    if (norm(facts.genitive) === `des ${stem}en` && (expected === `${stem}e` || expected === `${stem}en`))
      return [`${stem}e`, `${stem}en`];
  }
  return [expected];
}

/**
 * The fields where an entry disagrees with the table's facts, ignoring any override (what an editor
 * sees beside the override's reason). Empty when it agrees, when there are no facts, and for kinds
 * without grammar.
 */
export function compareGrammar(entry: GrammarEntry, facts: GrammarFacts | null): GrammarDisagreement[] {
  if (!facts) return [];
  const out: GrammarDisagreement[] = [];
  if (entry.kind === 'noun') {
    if (entry.gender !== facts.gender)
      out.push({ field: 'gender', expected: show(facts.gender), actual: show(entry.gender) });
    const plural = norm(entry.plural);
    if (!acceptedPlurals(entry.lemma, facts).includes(plural))
      out.push({ field: 'plural', expected: show(norm(facts.plural)), actual: show(plural) });
    const genitive = norm(entry.genitive);
    const genitives = acceptedGenitives(entry.lemma, facts);
    if (genitives.length ? genitive === null || !genitives.includes(genitive) : genitive !== null)
      out.push({ field: 'genitive', expected: show(norm(facts.genitive)), actual: show(genitive) });
  } else if (entry.kind === 'verb' && facts.separable !== null && entry.separable !== facts.separable) {
    out.push({ field: 'separable', expected: show(facts.separable), actual: show(entry.separable) });
  }
  return out;
}

const hasOverride = (entry: GrammarEntry) => Boolean(entry.grammarOverride?.trim());

/**
 * The disagreements that still need an editor's attention: none when the entry agrees, and none when
 * it carries a reasoned override (grammarOverride), which counts as overridden, not as a disagreement
 * (grammarVerdict tells the two apart; compareGrammar lists what an override covers).
 */
export function checkGrammar(entry: GrammarEntry, facts: GrammarFacts | null): GrammarDisagreement[] {
  return hasOverride(entry) ? [] : compareGrammar(entry, facts);
}

/** Where an entry stands against the table, with the disagreements an override covers or would need. */
export function grammarVerdict(
  entry: GrammarEntry,
  facts: GrammarFacts | null,
): { status: GrammarStatus; disagreements: GrammarDisagreement[] } {
  if (entry.kind !== 'noun' && entry.kind !== 'verb') return { status: 'not-checked', disagreements: [] };
  const disagreements = compareGrammar(entry, facts);
  const known = facts !== null && (entry.kind === 'noun' || facts.separable !== null);
  const status =
    known && !disagreements.length ? 'agrees' : hasOverride(entry) ? 'overridden' : known ? 'disagrees' : 'unknown';
  return { status, disagreements };
}

/** A noun's genitive with its article: "des" for masculine and neuter, "der" for feminine and plural-only. */
export function genitiveWithArticle(gender: 'm' | 'f' | 'n' | null, form: string): string {
  return `${gender === 'm' || gender === 'n' ? 'des' : 'der'} ${form}`;
}
