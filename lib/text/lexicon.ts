import {
  decodeLexiconTable,
  encodeLexiconTable,
  type LexiconTable,
  type NounGender,
  type TableLine,
} from './lexicon-table';
import type { LemmaSet, Lexicon, PartOfSpeech } from './types';

export type { NounGender } from './lexicon-table';

// The form→lemma table as text (written by buildLexiconTsv, lib/text/de/lexicon-build/) and helpers
// over it. Pure: the loader that reads the file is lib/annotation/queries.server.ts.
//
// Line format: `form<TAB>lemma|POS[:gender][,lemma|POS[:gender]…]`, candidates best first.
//   POS: NOUN, VERB, ADJ or OTHER (closed-class words: "dem" → der); anything else reads as OTHER.
//   gender (nouns only, optional): m, f or n — `Krieg|NOUN:m`.
//   Separable verbs: the finite part and its particle are keyed "hört+auf" (see separableKey).
// Empty lines and lines starting with "#" are ignored; a line without a tab or candidates is skipped.

/** A parsed table: the contract's Lexicon plus the nouns' genders (lemma → gender). */
export type ParsedLexicon = Lexicon & LexiconTable;

const POS: Readonly<Record<string, PartOfSpeech>> = { NOUN: 'NOUN', VERB: 'VERB', ADJ: 'ADJ', OTHER: 'OTHER' };
const GENDERS: Readonly<Record<string, NounGender>> = { m: 'm', f: 'f', n: 'n' };

/** The table's lines, as encodeLexiconTable takes them. */
function* tableLines(tsv: string): Generator<TableLine> {
  let start = 0;
  while (start < tsv.length) {
    let end = tsv.indexOf('\n', start);
    if (end < 0) end = tsv.length;
    const lineEnd = end > start && tsv.charCodeAt(end - 1) === 13 /* \r */ ? end - 1 : end;
    const tab = tsv.indexOf('\t', start);
    if (tab > start && tab < lineEnd && tsv.charCodeAt(start) !== 35 /* # */) {
      const candidates: TableLine['candidates'][number][] = [];
      for (const raw of tsv.slice(tab + 1, lineEnd).split(',')) {
        const bar = raw.lastIndexOf('|');
        if (bar <= 0) continue;
        const tag = raw.slice(bar + 1);
        const colon = tag.indexOf(':');
        const pos = POS[colon < 0 ? tag : tag.slice(0, colon)] ?? 'OTHER';
        candidates.push({
          lemma: raw.slice(0, bar),
          pos,
          gender: colon < 0 ? undefined : GENDERS[tag.slice(colon + 1)],
        });
      }
      yield { form: tsv.slice(start, tab), candidates };
    }
    start = end + 1;
  }
}

/** The table as written to disk next to the TSV (scripts/build-lexicon.ts); decodeLexiconTable reads it. */
export function encodeLexicon(tsv: string): Uint8Array<ArrayBuffer> {
  return encodeLexiconTable(tableLines(tsv));
}

/** Parses the table into the compact form. Candidate objects are shared between forms and frozen: treat them as read-only. */
export function parseLexicon(tsv: string): ParsedLexicon {
  return decodeLexiconTable(encodeLexicon(tsv));
}

/** The key of a separable verb's split form: separableKey("hört", "auf") === "hört+auf". */
export function separableKey(verbForm: string, particle: string): string {
  return `${verbForm}+${particle}`;
}

/** The grammatical gender of a noun lemma, where the table has it (a hand-made Lexicon has none). */
export function nounGender(lexicon: Lexicon, lemma: string): NounGender | undefined {
  return 'nounGenders' in lexicon ? (lexicon as ParsedLexicon).nounGenders.get(lemma) : undefined;
}

/**
 * Every lemma with a reading of the given part of speech, in the order a walk of the forms meets them.
 * A parsed table answers from its items (a view, nothing copied); any other Lexicon is walked once.
 */
export function lemmasOf(lexicon: Lexicon, pos: PartOfSpeech): LemmaSet {
  if ('lemmasOf' in lexicon) return (lexicon as ParsedLexicon).lemmasOf(pos);
  const lemmas = new Set<string>();
  for (const candidates of lexicon.forms.values()) {
    for (const c of candidates) if (c.pos === pos) lemmas.add(c.lemma);
  }
  return lemmas;
}

/** Every noun lemma (capitalised, e.g. "Maschine"). */
export function nounLemmas(lexicon: Lexicon): LemmaSet {
  return lemmasOf(lexicon, 'NOUN');
}
