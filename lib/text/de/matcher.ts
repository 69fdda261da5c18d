import { separableKey } from '../lexicon';
import type {
  CompoundPart,
  GlossaryEntry,
  LemmaCandidate,
  Lexicon,
  Match,
  MatchKind,
  SentenceSpan,
  Token,
} from '../types';
import { lowerFirst, upperFirst } from './lemmatizer';

// Glossary matching over lemmas. An entry becomes a pattern: a sequence of word elements (each a set
// of acceptable lemma keys), optional articles dropped, an explicit "…" slot as a bounded gap, and —
// for idioms ending in an infinitive — a verb that may stand anywhere in the same sentence (V2,
// verb-final, participle). Text tokens carry every lemma their form may have, so any inflected form
// matches. Separable verbs ("hört … auf") get the particle verb's lemma on the finite form; nouns inside
// compounds match as partial ("compound-part") hits on the letters of the part.

export type MatcherDeps = {
  lexicon: Lexicon;
  lemmatize: (word: string) => readonly LemmaCandidate[];
  splitCompound: (word: string) => readonly CompoundPart[] | null;
  tokenize: (text: string) => Token[];
  splitSentences: (text: string, tokens?: readonly Token[]) => SentenceSpan[];
};

export type TermMatcher = {
  /** Every occurrence of every entry in `text`, ordered by position. */
  match(text: string): Match[];
  /** The same for a text already tokenized and split into sentences. */
  matchTokens(text: string, tokens: readonly Token[], sentences: readonly SentenceSpan[]): Match[];
  /** Every key any entry could match in `text`: the article's lemma index. */
  keysOf(text: string): Set<string>;
  /** Per wording of an entry (lemma, then variants): per element (verb last), the keys one of which a text must offer. */
  entryKeys(entry: GlossaryEntry): string[][][];
};

/** Words a phrase may have or lack: articles in entries are optional, and in text they may be skipped. */
const CLAUSE_END = /[,.;:!?)“”"»«–—]/;
const ARTICLES = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines']);
const REFLEXIVES = ['sich', 'mich', 'dich', 'uns', 'euch'];
/** How far an idiom's verb may stand from the rest of it, in words, within one sentence. */
const VERB_WINDOW = 15;
/** How many words an explicit "…" slot may take ("einen Keil zwischen … treiben"). */
const SLOT_GAP = 8;
/** Idioms tolerate a couple of inserted words ("bewegt sich weiterhin auf einem schmalen Grat"). */
const IDIOM_GAP = 2;

type Element = { keys: ReadonlySet<string>; gapBefore: number };
type Pattern = { term: string; elements: Element[]; verb: string | null };
type Edge = { key: string; gap: number; node: TrieNode };
type TrieNode = { edges: Edge[]; patterns: Pattern[] };

type WordToken = {
  surface: string;
  start: number;
  end: number;
  /** Every lemma the form may have (shared, read-only: cached per surface). */
  keys: ReadonlySet<string>;
  /** Particle verbs this finite form belongs to here ("hört … auf" → aufhören), with the particle's index. */
  separable: Map<string, number> | null;
  isArticle: boolean;
};

const hasKey = (word: WordToken, key: string) => word.keys.has(key) || (word.separable?.has(key) ?? false);

function trieNode(): TrieNode {
  return { edges: [], patterns: [] };
}

export function createTermMatcher(entries: readonly GlossaryEntry[], deps: MatcherDeps): TermMatcher {
  const keysCache = new Map<string, Set<string>>();
  const wordKeys = (surface: string): Set<string> => {
    let keys = keysCache.get(surface);
    if (!keys) {
      keys = new Set([surface]);
      for (const candidate of deps.lemmatize(surface)) keys.add(candidate.lemma);
      keysCache.set(surface, keys);
    }
    return keys;
  };
  const bestLemma = (surface: string): LemmaCandidate | undefined => deps.lemmatize(surface)[0];

  const partsCache = new Map<string, { key: string; start: number; end: number }[]>();
  /** Sub-words of a compound a term may be: "Werkzeugmaschinenexporte" → Werkzeugmaschine (0–16), Export (17–24) … */
  const compoundSubwords = (surface: string) => {
    let subwords = partsCache.get(surface);
    if (subwords) return subwords;
    subwords = [];
    const segments: { text: string; offset: number }[] = [];
    let offset = 0;
    for (const segment of surface.split('-')) {
      segments.push({ text: segment, offset });
      offset += segment.length + 1;
    }
    if (segments.length > 1) {
      for (const [index, segment] of segments.entries()) {
        if (segment.text.length < 2) continue;
        const last = index === segments.length - 1;
        for (const key of last ? wordKeys(segment.text) : [segment.text])
          subwords.push({ key, start: segment.offset, end: segment.offset + segment.text.length });
      }
    }
    for (const segment of segments) {
      if (segment.text.length < 8 || !/^\p{Lu}/u.test(segment.text)) continue;
      const parts = deps.splitCompound(segment.text);
      if (!parts || parts.length < 2) continue;
      const starts: number[] = [];
      let at = segment.offset;
      for (const part of parts) {
        starts.push(at);
        at += part.surface.length;
      }
      for (let a = 0; a < parts.length; a++) {
        for (let b = a; b < parts.length; b++) {
          if (a === 0 && b === parts.length - 1) continue; // the whole word is an ordinary match
          const modifiers = parts
            .slice(a, b)
            .map((p) => p.surface)
            .join('');
          const head = parts[b]!;
          const lemma = modifiers ? upperFirst(modifiers) + head.lemma.toLowerCase() : upperFirst(head.lemma);
          const lastPart = b === parts.length - 1;
          const end = lastPart
            ? segment.offset + segment.text.length
            : starts[b]! + head.surface.length - head.link.length;
          subwords.push({ key: lemma, start: starts[a]!, end });
        }
      }
    }
    partsCache.set(surface, subwords);
    return subwords;
  };

  // Every separable particle the lemma table knows ("auf", "aufrecht", …): only these can close a
  // clause with a particle verb.
  const particles = new Set<string>();
  for (const form of deps.lexicon.forms.keys()) {
    const plus = form.indexOf('+');
    if (plus > 0) particles.add(form.slice(plus + 1));
  }

  // Compile the glossary: the first element's keys index the root; deeper edges carry their gap.
  const root = new Map<string, TrieNode>();
  const singleWord = new Map<string, Pattern[]>();
  for (const pattern of entries.flatMap((entry) =>
    [entry.lemma, ...(entry.variants ?? [])].map((wording) => compile(entry.lemma, wording)),
  )) {
    if (!pattern) continue;
    if (pattern.elements.length === 1 && !pattern.verb) {
      for (const key of pattern.elements[0]!.keys) {
        const list = singleWord.get(key) ?? [];
        list.push(pattern);
        singleWord.set(key, list);
      }
    }
    let frontier: TrieNode[] = [];
    for (const [index, element] of pattern.elements.entries()) {
      const nextFrontier: TrieNode[] = [];
      for (const key of element.keys) {
        if (index === 0) {
          let child = root.get(key);
          if (!child) root.set(key, (child = trieNode()));
          nextFrontier.push(child);
          continue;
        }
        for (const node of frontier) {
          let edge = node.edges.find((e) => e.key === key && e.gap === element.gapBefore);
          if (!edge) node.edges.push((edge = { key, gap: element.gapBefore, node: trieNode() }));
          nextFrontier.push(edge.node);
        }
      }
      frontier = nextFrontier;
    }
    for (const node of new Set(frontier)) node.patterns.push(pattern);
  }

  function compile(term: string, wording = term): Pattern | null {
    const words = deps.tokenize(wording).filter((t) => t.kind !== 'punct' || t.surface === '…' || t.surface === '...');
    if (words.length === 0) return null;
    let verb: string | null = null;
    const last = words[words.length - 1]!;
    const lastLemma = bestLemma(last.surface);
    if (
      words.length > 1 &&
      last.kind === 'word' &&
      /^\p{Ll}/u.test(last.surface) &&
      lastLemma?.pos === 'VERB' &&
      lastLemma.lemma === last.surface
    ) {
      verb = last.surface;
      words.pop();
    }
    const idiom = verb !== null;
    const elements: Element[] = [];
    let gap = 0;
    for (const word of words) {
      if (word.surface === '…' || word.surface === '...') {
        gap = SLOT_GAP;
        continue;
      }
      if (words.length > 1 && ARTICLES.has(word.surface.toLowerCase())) continue;
      const keys = word.surface === 'sich' ? new Set(REFLEXIVES) : entryKeys(word.surface);
      elements.push({ keys, gapBefore: elements.length === 0 ? 0 : Math.max(gap, idiom ? IDIOM_GAP : 0) });
      gap = 0;
    }
    if (elements.length === 0) return null;
    return { term, elements, verb };
  }

  /** An entry word stands for its own lemma (the best reading), not every reading its form could have. */
  function entryKeys(surface: string): Set<string> {
    const best = bestLemma(surface);
    const keys = new Set<string>();
    if (best && best.source !== 'identity') keys.add(best.lemma);
    else keys.add(surface);
    return keys;
  }

  function wordTokens(text: string, tokens: readonly Token[], from: number, to: number): WordToken[] {
    const words: WordToken[] = [];
    for (let i = from; i < to; i++) {
      const token = tokens[i]!;
      if (token.kind === 'punct') continue;
      words.push({
        surface: token.surface,
        start: token.start,
        end: token.end,
        keys: token.kind === 'word' ? wordKeys(token.surface) : new Set([token.surface]),
        separable: null,
        isArticle:
          ARTICLES.has(token.surface) || (token.surface.length <= 5 && ARTICLES.has(token.surface.toLowerCase())),
      });
    }
    // Separable verbs: a clause-final particle ("… hört damit auf.") gives the finite verb before it the
    // particle verb's lemma, when the lemma table knows that pair.
    for (let p = 1; p < words.length; p++) {
      const particle = words[p]!;
      if (!particles.has(particle.surface)) continue;
      const next = words[p + 1];
      if (next && !CLAUSE_END.test(text.slice(particle.end, next.start))) continue;
      for (let v = p - 1; v >= 0 && v >= p - VERB_WINDOW; v--) {
        const verb = words[v]!;
        const readings =
          deps.lexicon.forms.get(separableKey(verb.surface, particle.surface)) ??
          deps.lexicon.forms.get(separableKey(lowerFirst(verb.surface), particle.surface));
        if (!readings) continue;
        verb.separable ??= new Map();
        for (const reading of readings) verb.separable.set(reading.lemma, p);
        break;
      }
    }
    return words;
  }

  function matchSentence(text: string, words: WordToken[]): Match[] {
    const out: Match[] = [];
    const emit = (term: string, start: number, end: number, kind: MatchKind) => {
      out.push({ term, start, end, surface: text.slice(start, end), kind });
    };
    const findVerb = (verb: string, first: number, last: number): number => {
      let best = -1;
      for (let v = Math.max(0, first - VERB_WINDOW); v <= Math.min(words.length - 1, last + VERB_WINDOW); v++) {
        if (v >= first && v <= last) continue;
        if (!hasKey(words[v]!, verb)) continue;
        if (best < 0 || distance(v, first, last) < distance(best, first, last)) best = v;
      }
      return best;
    };
    const complete = (pattern: Pattern, first: number, last: number) => {
      if (pattern.verb === null) {
        const token = words[first]!;
        if (first === last) {
          const particle = token.separable
            ? firstDefined([...pattern.elements[0]!.keys], (key) => token.separable!.get(key))
            : undefined;
          if (particle !== undefined) return emit(pattern.term, token.start, words[particle]!.end, 'separable');
          return emit(pattern.term, token.start, token.end, 'word');
        }
        return emit(pattern.term, token.start, words[last]!.end, 'phrase');
      }
      const v = findVerb(pattern.verb, first, last);
      if (v < 0) return;
      const particle = words[v]!.separable?.get(pattern.verb);
      const end = Math.max(last, v, particle ?? -1);
      emit(pattern.term, words[Math.min(first, v)]!.start, words[end]!.end, 'phrase');
    };
    const walk = (node: TrieNode, first: number, last: number) => {
      for (const pattern of node.patterns) complete(pattern, first, last);
      if (node.edges.length === 0) return;
      let skipped = 0;
      for (let j = last + 1; j < words.length; j++) {
        const word = words[j]!;
        for (const edge of node.edges) if (skipped <= edge.gap && hasKey(word, edge.key)) walk(edge.node, first, j);
        if (!word.isArticle) skipped++;
        if (skipped > SLOT_GAP) break;
      }
    };
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      for (const key of word.keys) {
        const child = root.get(key);
        if (child) walk(child, i, i);
      }
      if (word.separable) {
        for (const key of word.separable.keys()) {
          const child = root.get(key);
          if (child) walk(child, i, i);
        }
      }
      if (singleWord.size && word.surface.length >= 5) {
        for (const sub of compoundSubwords(word.surface)) {
          for (const pattern of singleWord.get(sub.key) ?? [])
            emit(pattern.term, word.start + sub.start, word.start + sub.end, 'compound-part');
        }
      }
    }
    return dropContained(dedupe(out));
  }

  const matchTokens = (text: string, tokens: readonly Token[], sentences: readonly SentenceSpan[]): Match[] => {
    const out: Match[] = [];
    let cursor = 0;
    for (const sentence of sentences) {
      while (cursor < tokens.length && tokens[cursor]!.start < sentence.start) cursor++;
      const from = cursor;
      while (cursor < tokens.length && tokens[cursor]!.end <= sentence.end) cursor++;
      for (const match of matchSentence(text, wordTokens(text, tokens, from, cursor))) out.push(match);
    }
    return out;
  };

  return {
    match(text) {
      const tokens = deps.tokenize(text);
      return matchTokens(text, tokens, deps.splitSentences(text, tokens));
    },
    matchTokens,
    keysOf(text) {
      const keys = new Set<string>();
      const tokens = deps.tokenize(text);
      for (const word of wordTokens(text, tokens, 0, tokens.length)) {
        for (const key of word.keys) keys.add(key);
        for (const key of word.separable?.keys() ?? []) keys.add(key);
        if (word.surface.length >= 5) for (const sub of compoundSubwords(word.surface)) keys.add(sub.key);
      }
      return keys;
    },
    entryKeys(entry) {
      return [entry.lemma, ...(entry.variants ?? [])].flatMap((wording) => {
        const pattern = compile(entry.lemma, wording);
        if (!pattern) return [];
        const keys = pattern.elements.map((element) => [...element.keys]);
        return [pattern.verb ? [...keys, [pattern.verb]] : keys];
      });
    },
  };
}

function firstDefined<T, R>(items: readonly T[], pick: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const value = pick(item);
    if (value !== undefined) return value;
  }
  return undefined;
}

function distance(v: number, first: number, last: number): number {
  return v < first ? first - v : v - last;
}

function compareMatches(a: Match, b: Match): number {
  return a.start - b.start || b.end - a.end || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0);
}

function dedupe(matches: Match[]): Match[] {
  matches.sort(compareMatches);
  return matches.filter((m, i) => {
    const prev = matches[i - 1];
    return !prev || prev.start !== m.start || prev.end !== m.end || prev.term !== m.term;
  });
}

/** Where one match lies inside a longer one, the longer wins ("rote Linie" inside "die rote Linie überschreiten"). */
function dropContained(matches: Match[]): Match[] {
  return matches.filter(
    (m) => !matches.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start),
  );
}
