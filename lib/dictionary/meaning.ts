import type { CompoundPart, LemmaCandidate, PartOfSpeech } from '@/lib/text';
import { dingKey } from './ding';

// Which dictionary headwords can give a word of a text its meaning, best first. Pure: the language
// engine's lemmatizer and compound splitter come in as functions, the dictionary is asked afterwards.

/** How a headword relates to the word: the word itself, one of its forms or readings, or a compound's head. */
export type MeaningVia = 'word' | 'compound';

export type LookupStep = {
  /** The dictionary key (dingKey) to look up. */
  key: string;
  /** As written, for the card ("Ministerium" of "Verteidigungsministerium"). */
  headword: string;
  via: MeaningVia;
};

export type MeaningTools = {
  lemmatize: (word: string) => readonly LemmaCandidate[];
  splitCompound: (word: string) => readonly CompoundPart[] | null;
};

/** A compound's head has at least this many letters, its modifier at least MIN_MODIFIER. */
const MIN_HEAD = 4;
const MIN_MODIFIER = 3;
/** A lowercase word's tail is rarely its meaning ("beängstigend" is no "gend"): only long ones count. */
const MIN_LOWERCASE_HEAD = 6;
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Preposition + article in one word: the dictionary files them under the preposition ("in {prp} | im (= in dem) Haus"). */
const CONTRACTIONS: Readonly<Record<string, string>> = {
  am: 'an',
  ans: 'an',
  aufs: 'auf',
  beim: 'bei',
  durchs: 'durch',
  fürs: 'für',
  im: 'in',
  ins: 'in',
  übers: 'über',
  ums: 'um',
  unterm: 'unter',
  vom: 'von',
  vorm: 'vor',
  zum: 'zu',
  zur: 'zu',
};

/**
 * The headwords to try for a word met in a text, in order. The word's own (`via: 'word'`): its lemma,
 * the form as written, the lemmatizer's other readings (Pistorius: "Pistoriu", then "Pistorius"), the
 * preposition of a contraction ("im" → in), the new spelling of an old one ("gewiß" → gewiss), the
 * inflected headwords the dictionary uses for adjectives ("letzt" → letzte) and adjectival nouns
 * ("Beamte" → Beamter), the infinitive of a zu-infinitive ("herauszufinden" → herausfinden). Then a
 * compound's heads (`via: 'compound'`), longest first: the last part of a hyphenated word and its
 * forms ("US-Beamte" → Beamter), the engine's split ("Verteidigungsindustriebasis" → Industriebasis →
 * Basis), then every tail of at least four letters (six for a lowercase word), for compounds the
 * splitter does not know: the dictionary decides which tail is a word. Each key once.
 */
export function lookupSteps(word: { surface: string; lemma: string }, tools: MeaningTools): LookupStep[] {
  const steps: LookupStep[] = [];
  const seen = new Set<string>();
  const add = (headword: string, via: MeaningVia) => {
    const key = dingKey(headword);
    if (key === '' || seen.has(key)) return;
    seen.add(key);
    steps.push({ key, headword, via });
  };
  const readings = (text: string) => tools.lemmatize(text).map((c) => c.lemma);
  const forms = (lemma: string, surface: string, via: MeaningVia) => {
    const lower = surface.toLowerCase();
    add(lemma, via);
    add(surface, via);
    for (const reading of readings(surface)) add(reading, via);
    if (Object.hasOwn(CONTRACTIONS, lower)) add(CONTRACTIONS[lower]!, via);
    if (lemma.includes('ß')) add(lemma.replaceAll('ß', 'ss'), via);
    if (/^\p{Ll}/u.test(lemma)) for (const ending of ['e', 'er']) add(lemma + ending, via);
    if (/^\p{Lu}.*e$/u.test(lemma)) add(`${lemma}r`, via);
    const zu = lower.indexOf('zu', 2);
    if (zu > 0 && lower.endsWith('en')) add(lower.slice(0, zu) + lower.slice(zu + 2), via);
  };
  const heads = (lemma: string, surface: string) => {
    for (const base of new Set([lemma, ...readings(surface)])) {
      const parts = tools.splitCompound(base);
      if (!parts || parts.length < 2) continue;
      const head = parts.at(-1)!.lemma;
      for (let i = 1; i < parts.length; i++) {
        const modifiers = parts
          .slice(i, -1)
          .map((p) => p.surface)
          .join('');
        add(modifiers ? upperFirst(modifiers + head.toLowerCase()) : head, 'compound');
      }
    }
    const noun = /^\p{Lu}\p{Ll}/u.test(lemma);
    const minHead = noun ? MIN_HEAD : MIN_LOWERCASE_HEAD;
    for (let start = MIN_MODIFIER; lemma.length - start >= minHead; start++) {
      const tail = lemma.slice(start);
      add(noun ? upperFirst(tail) : tail, 'compound');
    }
  };

  forms(word.lemma, word.surface, 'word');
  // The first half of "Staats- und Verteidigungsministerium": its own noun, without the linking -s.
  if (/\p{L}-$/u.test(word.surface)) {
    const stem = word.surface.slice(0, -1);
    forms(stem, stem, 'word');
    if (/[^s]s$/.test(stem)) forms(stem.slice(0, -1), stem.slice(0, -1), 'word');
  }
  const hyphen = word.lemma.lastIndexOf('-');
  if (hyphen > 0 && hyphen < word.lemma.length - 1) {
    const last = word.lemma.slice(hyphen + 1);
    const lastSurface = word.surface.slice(word.surface.lastIndexOf('-') + 1) || last;
    forms(last, lastSurface, 'compound');
    heads(last, lastSurface);
  } else {
    heads(word.lemma, word.surface);
  }
  return steps;
}

/**
 * A name: a capitalised word the lemma table knows in no reading (pos OTHER: Biden, Scholz), or one the
 * dictionary files as a place ("Russland {n} … [geogr.]") with the word's own spelling as a headword.
 */
export function isProperNoun(
  word: { lemma: string; pos?: PartOfSpeech },
  senses: readonly { german: string }[],
): boolean {
  if (!/^\p{Lu}/u.test(word.lemma)) return false;
  if (word.pos === 'OTHER') return true;
  // A field label at the end of a sub-sense applies to all its synonyms ("Russland {n}; Rußland … [geogr.]").
  const own = new RegExp(`(?:^|; )${escapeRegExp(word.lemma)}(?![\\p{L}\\p{N}])`, 'u');
  return senses.some((sense) => sense.german.includes('[geogr.]') && own.test(sense.german));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
