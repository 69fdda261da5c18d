import { separableKey } from '../lexicon';
import type { GlossaryEntry, Lexicon } from '../types';
import { createGermanEngine, type AnnotatedToken } from './engine';
import { lowerFirst } from './lemmatizer';

// Glossary candidates in an article's German (docs/decisions/033-term-proposals.md): what a teacher
// may propose as new entries. Five kinds are found, per text (a sentence group or a heading):
//  - domain compounds: nouns with a domain head (…politik, …abkommen) or modifier (Rüstungs…, Waffen…),
//    and other compounds that recur;
//  - adjective + noun phrases ("nukleare Abschreckung"), lemmatised so that inflected forms count
//    together, kept when they recur or their noun is a domain noun;
//  - Funktionsverbgefüge: preposition (+ article) + noun + a support verb anywhere in the sentence
//    ("tritt … in Kraft" → in Kraft treten);
//  - separable verbs met with the particle moved to the clause's end ("hört … auf" → aufhören), their
//    joined forms ("aufgehört") counted with them;
//  - idioms of a small list, found by the engine's glossary matcher (verb moved, articles inflected).
// Entries of the approved glossary (and their variants) are no candidates: whatever the engine matches
// as one of them is left out. So are function words, names, abbreviations and numbers.
// Ranking (rankCandidates) weighs how often a candidate occurs against how many other articles of the
// library have its lemmas (document frequency, passed in as data) and what the lemma table knows.

export type CandidateKind = 'noun' | 'verb' | 'adjective' | 'phrase' | 'idiom';

/** Where a candidate occurs: the index of the text in the input, and offsets into that text. */
export type CandidateOccurrence = { text: number; start: number; end: number };

export type TermCandidate = {
  /** The citation form: nominative singular, infinitive ("nukleare Abschreckung", "in Kraft treten"). */
  lemma: string;
  kind: CandidateKind;
  occurrences: CandidateOccurrence[];
  /** The grammar the lemma table gives: a noun's gender, a verb's separability. */
  grammar: { gender: 'm' | 'f' | 'n' | null; separable: boolean };
  /** The domain affixes the lemma was found by (DOMAIN_HEADS / DOMAIN_MODIFIERS), lower-case. */
  affixes: string[];
  /** The lemmas whose document frequency stands for the candidate's (an article with it has them all). */
  keys: string[];
  /** The lemma table lacks the word (an unknown compound, a new coinage). */
  unknownToTable: boolean;
};

/** Heads of domain compounds, as the lower-case end of the noun's lemma. */
export const DOMAIN_HEADS = [
  'politik',
  'abkommen',
  'kontrolle',
  'vertrag',
  'minister',
  'ministerin',
  'ministerium',
  'haushalt',
  'industrie',
  'strategie',
  'sanktion',
  'abschreckung',
  'verteidigung',
  'rüstung',
  'krieg',
  'waffe',
  'rakete',
  'bündnis',
  'gipfel',
  'dienst',
  'embargo',
  'angriff',
  'einsatz',
] as const;

/** Modifiers of domain compounds, as the lower-case start of the noun's lemma. */
export const DOMAIN_MODIFIERS = [
  'rüstungs',
  'verteidigungs',
  'sicherheits',
  'waffen',
  'militär',
  'kriegs',
  'atom',
  'nuklear',
  'raketen',
  'truppen',
  'außen',
  'geheim',
  'cyber',
  'sanktions',
  'wirtschafts',
  'handels',
] as const;

/** Verbs of Funktionsverbgefüge ("zur Verfügung stellen", "in Kraft treten", "unter Druck setzen"). */
const SUPPORT_VERBS = new Set([
  'stellen',
  'treten',
  'ziehen',
  'setzen',
  'bringen',
  'kommen',
  'nehmen',
  'geben',
  'stehen',
  'halten',
  'führen',
  'geraten',
  'finden',
  'gehen',
  'legen',
  'ausüben',
]);
/** Prepositions (and contractions with the article) that open a Funktionsverbgefüge. */
const FVG_PREPOSITIONS = new Set(['in', 'im', 'ins', 'zur', 'zum', 'zu', 'unter', 'außer', 'auf', 'an', 'am', 'ans']);
const ARTICLES = new Set(['der', 'die', 'das', 'den', 'dem', 'des']);

/** Idioms looked for in every article (the engine's matcher finds their inflected, reordered forms). */
export const IDIOMS = [
  'Öl ins Feuer gießen',
  'den Rubikon überschreiten',
  'die rote Linie überschreiten',
  'an einem Strang ziehen',
  'auf der Kippe stehen',
  'die Reißleine ziehen',
  'ins Hintertreffen geraten',
  'auf Eis legen',
  'den Ton angeben',
  'an Boden gewinnen',
  'an Boden verlieren',
  'die Zeche zahlen',
  'mit dem Feuer spielen',
  'auf der Strecke bleiben',
  'das Gesicht wahren',
  'ins Leere laufen',
  'mit einer Stimme sprechen',
  'Farbe bekennen',
  'die Weichen stellen',
  'aufs Spiel setzen',
] as const;

/** Adjectives too general to make a term with any noun ("neue Waffen", "andere Staaten"). */
const GENERAL_ADJECTIVES = new Set([
  'ander',
  'viel',
  'wenig',
  'erst',
  'zweit',
  'dritt',
  'letzt',
  'nächst',
  'neu',
  'alt',
  'groß',
  'klein',
  'gut',
  'schlecht',
  'weit',
  'hoch',
  'lang',
  'kurz',
  'ganz',
  'eigen',
  'gesamt',
  'weiter',
  'bisherig',
  'jeweilig',
  'sogenannt',
  'solch',
  'einzig',
  'heutig',
  'jetzig',
  'derzeitig',
  'möglich',
  'wichtig',
  'mehrere',
  'einige',
  'zahlreich',
  'verschieden',
  'bestimmt',
  'gleich',
  'nah',
  'früh',
  'spät',
  'stark',
  'schnell',
]);

/** How far (in words) a support verb or a moved particle may stand from the rest, within the sentence. */
const VERB_WINDOW = 12;
/** How far (in words) a Funktionsverbgefüge's verb may stand from its noun. */
const FVG_WINDOW = 6;
/** Strong nominative singular ending without an article: kalter Krieg, ballistische Rakete, nukleares Material. */
const NOMINATIVE_ENDING = { m: 'er', f: 'e', n: 'es' } as const;
/** Characters between two words that end a clause (a moved particle stands before one). */
const CLAUSE_END = /[,.;:!?)“”"»«–—]/;

type Prepared = { particles: Set<string>; separableLemmas: Set<string> };
const prepared = new WeakMap<Lexicon, Prepared>();

/** The table's separable particles and particle verbs (walks the table once per lexicon). */
function prepare(lexicon: Lexicon): Prepared {
  let known = prepared.get(lexicon);
  if (known) return known;
  known = { particles: new Set(), separableLemmas: new Set() };
  for (const [form, readings] of lexicon.forms) {
    const plus = form.indexOf('+');
    if (plus <= 0) continue;
    known.particles.add(form.slice(plus + 1));
    for (const reading of readings) known.separableLemmas.add(reading.lemma);
  }
  prepared.set(lexicon, known);
  return known;
}

/** Endings of nouns the table may lack ("Abschreckung", "Souveränität"), with the gender they give. */
const NOUN_SUFFIXES: readonly [RegExp, 'm' | 'f' | 'n'][] = [
  [/(?:ung|heit|keit|schaft|tion|sion|ität)$/, 'f'],
  [/ismus$/, 'm'],
  [/(?:ment|tum)$/, 'n'],
];
/** The gender a noun's ending gives, or null if it does not end like a noun. */
function suffixGender(lemma: string): 'm' | 'f' | 'n' | null {
  if (lemma.length < 6 || !/^\p{Lu}\p{Ll}+$/u.test(lemma)) return null;
  return NOUN_SUFFIXES.find(([suffix]) => suffix.test(lemma))?.[1] ?? null;
}

const isCapitalised = (s: string) => /^\p{Lu}/u.test(s);
/** NATO, EU, USA: abbreviations and names in capitals. */
const isAbbreviation = (s: string) => s.length > 1 && s === s.toUpperCase();
const hasDigit = (s: string) => /\d/.test(s);

function domainAffixes(lemma: string): string[] {
  const lower = lemma.toLowerCase();
  const affixes: string[] = [];
  for (const head of DOMAIN_HEADS) if (lower.length > head.length + 2 && lower.endsWith(head)) affixes.push(head);
  for (const modifier of DOMAIN_MODIFIERS)
    if (lower.length > modifier.length + 2 && lower.startsWith(modifier)) affixes.push(modifier);
  return affixes;
}

type Found = Omit<TermCandidate, 'occurrences'> & { occurrence: CandidateOccurrence };

export type CandidateInput = {
  /** The article's German texts: sentence groups and headings (occurrences index into this list). */
  texts: readonly string[];
  /** The approved glossary: whatever the engine matches as one of its entries is no candidate. */
  glossary: readonly GlossaryEntry[];
};

/** The article's candidates, unranked, each with all its occurrences (in text order). Pure. */
export function extractCandidates(lexicon: Lexicon, input: CandidateInput): TermCandidate[] {
  const { particles, separableLemmas } = prepare(lexicon);
  const approved = new Set(input.glossary.flatMap((e) => [e.lemma, ...(e.variants ?? [])]));
  const idioms = IDIOMS.filter((idiom) => !approved.has(idiom)).map((lemma) => ({ lemma }));
  const engine = createGermanEngine(lexicon, [...input.glossary, ...idioms]);
  const idiomLemmas = new Set<string>(idioms.map((i) => i.lemma));
  const tableKnows = (word: string) => engine.lemmatize(word)[0]?.source === 'lexicon';

  const found: Found[] = [];
  /** Particle verbs met with their particle moved away: only these are candidates. */
  const split = new Set<string>();
  for (const [text, content] of input.texts.entries()) {
    for (const sentence of engine.annotate(content)) {
      // What the approved glossary matches (whole words and phrases, not parts of compounds) is taken.
      const taken = sentence.matches.filter((m) => m.kind !== 'compound-part' && !idiomLemmas.has(m.term));
      const isTaken = (start: number, end: number) => taken.some((m) => m.start <= start && m.end >= end);
      const add = (candidate: Omit<Found, 'occurrence'>, start: number, end: number) => {
        if (approved.has(candidate.lemma) || isTaken(start, end)) return;
        found.push({ ...candidate, occurrence: { text, start, end } });
      };
      for (const match of sentence.matches) {
        if (!idiomLemmas.has(match.term)) continue;
        const keys = engine.entryKeys({ lemma: match.term })[0]?.flat() ?? [];
        const content = keys.filter((key) => isCapitalised(key));
        add(
          {
            lemma: match.term,
            kind: 'idiom',
            grammar: { gender: null, separable: false },
            affixes: [],
            keys: content.length ? content : keys,
            unknownToTable: false,
          },
          match.start,
          match.end,
        );
      }

      // Words only (punctuation kept aside for clause ends); `gapAfter` is the text before the next word.
      const words = sentence.tokens.filter((t) => t.kind === 'word');
      const gapAfter = (i: number) => {
        const next = words[i + 1];
        return next ? content.slice(words[i]!.end, next.start) : '.';
      };
      const isNoun = (t: AnnotatedToken) =>
        (t.pos === 'NOUN' || (t.pos === 'OTHER' && suffixGender(t.lemma) !== null)) &&
        isCapitalised(t.surface) &&
        !isAbbreviation(t.surface) &&
        !hasDigit(t.surface);
      const genderOf = (t: AnnotatedToken) => t.gender ?? suffixGender(t.lemma);

      for (const [i, token] of words.entries()) {
        // Nouns: domain compounds, and compounds that recur or that the table lacks.
        if (isNoun(token) && !token.surface.includes('-')) {
          const affixes = domainAffixes(token.lemma);
          const parts = token.lemma.length >= 8 ? engine.splitCompound(token.lemma) : null;
          if (affixes.length || (parts && parts.length > 1)) {
            add(
              {
                lemma: token.lemma,
                kind: 'noun',
                grammar: { gender: genderOf(token), separable: false },
                affixes,
                keys: [token.lemma],
                unknownToTable: !tableKnows(token.lemma),
              },
              token.start,
              token.end,
            );
          }
        }
        // Adjectives with a domain modifier ("sicherheitspolitisch", "rüstungspolitisch").
        if (token.pos === 'ADJ' && !isCapitalised(token.surface)) {
          // A compound ("sicherheits·politisch"), not the modifier's own adjective ("militär·isch").
          const affixes = DOMAIN_MODIFIERS.filter(
            (m) => token.lemma.startsWith(m) && token.lemma.length > m.length + 5,
          );
          if (affixes.length)
            add(
              {
                lemma: token.lemma,
                kind: 'adjective',
                grammar: { gender: null, separable: false },
                affixes: [...affixes],
                keys: [token.lemma],
                unknownToTable: !tableKnows(token.lemma),
              },
              token.start,
              token.end,
            );
        }
        // Adjective + noun, adjacent in the text.
        const next = words[i + 1];
        if (
          token.pos === 'ADJ' &&
          !isCapitalised(token.surface) &&
          !GENERAL_ADJECTIVES.has(token.lemma) &&
          next &&
          isNoun(next) &&
          /^\s+$/.test(gapAfter(i))
        ) {
          const ending = NOMINATIVE_ENDING[genderOf(next) ?? 'f'];
          add(
            {
              lemma: `${token.lemma}${ending} ${next.lemma}`,
              kind: 'phrase',
              grammar: { gender: null, separable: false },
              affixes: domainAffixes(next.lemma),
              keys: [token.lemma, next.lemma],
              unknownToTable: false,
            },
            token.start,
            next.end,
          );
        }
        // Separable verbs, joined ("aufhören", "aufgehört", "aufzuhören": kept only with a split occurrence) …
        if (token.pos === 'VERB' && separableLemmas.has(token.lemma)) {
          add(
            {
              lemma: token.lemma,
              kind: 'verb',
              grammar: { gender: null, separable: true },
              affixes: [],
              keys: [token.lemma],
              unknownToTable: false,
            },
            token.start,
            token.end,
          );
        }
        // … and split: a particle closing the clause gives the finite verb before it its particle verb.
        if (i > 0 && particles.has(token.surface) && CLAUSE_END.test(gapAfter(i))) {
          for (let v = i - 1; v >= 0 && v >= i - VERB_WINDOW; v--) {
            const verb = words[v]!;
            const readings =
              lexicon.forms.get(separableKey(verb.surface, token.surface)) ??
              lexicon.forms.get(separableKey(lowerFirst(verb.surface), token.surface));
            const lemma = readings?.[0]?.lemma;
            if (!lemma) continue;
            split.add(lemma);
            add(
              {
                lemma,
                kind: 'verb',
                grammar: { gender: null, separable: true },
                affixes: [],
                keys: [lemma],
                unknownToTable: false,
              },
              verb.start,
              token.end,
            );
            break;
          }
        }
        // Funktionsverbgefüge: preposition (+ article) + noun, and a support verb in the sentence.
        const preposition = token.surface.toLowerCase();
        if (FVG_PREPOSITIONS.has(preposition) && (i === 0 || token.surface === preposition)) {
          const article = words[i + 1] && ARTICLES.has(words[i + 1]!.surface) ? words[i + 1] : undefined;
          const n = article ? i + 2 : i + 1;
          const noun = words[n];
          if (!noun || !isNoun(noun) || !tableKnows(noun.lemma) || !/^\s+$/.test(gapAfter(n - 1))) continue;
          // The noun ends the prepositional phrase and the clause's middle field: no attribute follows
          // ("zur Unterstützung der Ukraine stehen" is none), nor another phrase ("tritt im Mai in Kraft").
          // A verb, "zu" or the clause's end follows: "in Kraft tritt", "in Frage zu stellen", "… in Frage."
          const after = words[n + 1];
          if (after && !CLAUSE_END.test(gapAfter(n)) && after.pos !== 'VERB' && after.surface !== 'zu') continue;
          // The support verb stands in the same clause: no clause boundary between it and the phrase.
          const sameClause = (v: number) => {
            const [from, to] = v < i ? [v, i] : [n, v];
            for (let w = from; w < to; w++) if (CLAUSE_END.test(gapAfter(w))) return false;
            return true;
          };
          let verb: { index: number; lemma: string } | undefined;
          for (let v = Math.max(0, i - FVG_WINDOW); v <= Math.min(words.length - 1, n + FVG_WINDOW); v++) {
            if (v >= i && v <= n) continue;
            const candidate = words[v]!;
            if (!sameClause(v)) continue;
            if (candidate.pos !== 'VERB' || !SUPPORT_VERBS.has(candidate.lemma)) continue;
            if (!verb || Math.abs(v - n) < Math.abs(verb.index - n)) verb = { index: v, lemma: candidate.lemma };
          }
          if (!verb) continue;
          const phrase = [preposition, article?.surface, noun.lemma].filter(Boolean).join(' ');
          const first = Math.min(i, verb.index);
          const last = Math.max(n, verb.index);
          add(
            {
              lemma: `${phrase} ${verb.lemma}`,
              kind: 'phrase',
              grammar: { gender: null, separable: false },
              affixes: [],
              keys: [noun.lemma],
              unknownToTable: false,
            },
            words[first]!.start,
            words[last]!.end,
          );
        }
      }
    }
  }

  // One candidate per lemma and kind, its occurrences in text order; an adjective + noun phrase needs
  // two occurrences or a domain noun, a compound without a domain affix two occurrences, a separable
  // verb one occurrence with its particle moved away.
  const byLemma = new Map<string, TermCandidate>();
  for (const { occurrence, ...candidate } of found) {
    const key = `${candidate.kind}\u0000${candidate.lemma}`;
    const known = byLemma.get(key);
    if (known) {
      if (!known.occurrences.some((o) => o.text === occurrence.text && o.start === occurrence.start))
        known.occurrences.push(occurrence);
    } else byLemma.set(key, { ...candidate, occurrences: [occurrence] });
  }
  return [...byLemma.values()].filter((c) => {
    if (c.kind === 'phrase' && c.keys.length === 2) return c.occurrences.length >= 2 || c.affixes.length > 0;
    if (c.kind === 'noun' && c.affixes.length === 0) return c.occurrences.length >= 2;
    if (c.kind === 'verb') return split.has(c.lemma);
    return true;
  });
}

/** What the library says about lemmas: in how many other articles each occurs, and how many there are. */
export type LibraryFrequency = { documentFrequency: ReadonlyMap<string, number>; articleCount: number };

/** Weight of a kind: multi-word units are what learners look up least successfully. */
const KIND_WEIGHT: Readonly<Record<CandidateKind, number>> = {
  idiom: 2,
  phrase: 1.5,
  verb: 1.2,
  noun: 1,
  adjective: 0.8,
};

/**
 * Scores each candidate by how characteristic it is of the article: (1 + ln occurrences) × idf × the
 * kind's weight, × 1.5 with a domain affix and × 1.3 for a word the lemma table lacks, where
 * idf = 1 + ln((1 + articles) / (1 + articles with every key)). Best first; ties by lemma. Pure.
 */
export function rankCandidates<C extends TermCandidate>(
  candidates: readonly C[],
  library: LibraryFrequency,
): (C & { score: number })[] {
  const frequency = (key: string) => library.documentFrequency.get(key) ?? 0;
  return candidates
    .map((candidate) => {
      const df = Math.min(...candidate.keys.map(frequency), library.articleCount);
      const idf = 1 + Math.log((1 + library.articleCount) / (1 + df));
      const score =
        (1 + Math.log(candidate.occurrences.length)) *
        idf *
        KIND_WEIGHT[candidate.kind] *
        (candidate.affixes.length ? 1.5 : 1) *
        (candidate.unknownToTable ? 1.3 : 1);
      return { ...candidate, score: Math.round(score * 1000) / 1000 };
    })
    .sort((a, b) => b.score - a.score || a.lemma.localeCompare(b.lemma, 'de'));
}
