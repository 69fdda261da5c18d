import type { DictionarySense } from './types';

// The Ding format (https://dict.tu-chemnitz.de/, Debian trans-de-en: /usr/share/trans/de-en), one
// entry per line:
//
//   Maschine {f}; Werkzeugmaschine {f} | Maschinen {pl}; Werkzeugmaschinen {pl} :: machine; machine tool | machines; machine tools
//
// German and English sides are separated by ` :: `; each side holds the same number of sub-senses,
// separated by ` | ` and aligned by position; within a German sub-sense, synonyms are separated by
// `; `. Annotations are `{…}` (gender, part of speech), `[…]` (field, usage), `(…)` (optional text)
// and `/…/` (abbreviations); brackets nest and may hold `; `. Lines starting with `#` are comments.
// Pure: no I/O, never throws.

const SIDE_SEPARATOR = ' :: ';
const SUB_SENSE_SEPARATOR = ' | ';
const SYNONYM_SEPARATOR = '; ';
const CLOSING = { '(': ')', '[': ']', '{': '}' } as const;
type Opening = keyof typeof CLOSING;

// Leading placeholders of verb phrases: objects (`jdm. etw. liefern`, `sich erholen`, `jdn./etw.
// prüfen`) and the subject of listed forms (`er/sie hört auf`, `ich/er/sie hörte auf`). The headword
// is the verb, so `liefern` finds `jdm. etw. liefern` and `hört auf` finds `er/sie hört auf`.
const PLACEHOLDER =
  /^(?:sich|(?:jd[mns]?|etw)\.(?:\/(?:jd[mns]?|etw)\.)*|(?:ich|du|er|sie|es|wir|ihr)(?:\/(?:ich|du|er|sie|es|wir|ihr))+)$/;

type Piece = { text: string; annotation: boolean };

const isOpening = (char: string | undefined): char is Opening => char === '(' || char === '[' || char === '{';
const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

/** True for lines that hold no entry: blank lines and `#` comments. */
export function isDingComment(line: string): boolean {
  const text = line.trim();
  return text === '' || text.startsWith('#');
}

/**
 * The senses of one Ding line: one per German synonym of each sub-sense, with that sub-sense's German
 * and its aligned English as written. A sub-sense with an empty side is left out (the source has a few
 * headwords without a translation, and their phrases are still useful). Comments and malformed lines
 * (not exactly one ` :: `, sides with different numbers of sub-senses, no headword) give none.
 */
export function parseDingLine(line: string, lineNumber: number): DictionarySense[] {
  if (isDingComment(line)) return [];
  // Not trimmed before splitting: an empty first sub-sense (` | Beta-Faltblatt {n} ::  | beta sheet`)
  // must keep its separator to stay aligned.
  const sides = line
    .replace(/^\uFEFF/, '')
    .replace(/\r$/, '')
    .split(SIDE_SEPARATOR);
  if (sides.length !== 2) return [];
  const german = sides[0]!.split(SUB_SENSE_SEPARATOR).map((s) => s.trim());
  const english = sides[1]!.split(SUB_SENSE_SEPARATOR).map((s) => s.trim());
  if (german.length !== english.length) return [];

  const senses: DictionarySense[] = [];
  german.forEach((subSense, position) => {
    const translation = english[position]!;
    if (translation === '') return;
    const keys = new Set(splitSynonyms(subSense).flatMap(dingKeys));
    for (const key of keys) senses.push({ key, german: subSense, english: translation, line: lineNumber });
  });
  return senses;
}

/**
 * The lookup key of one German synonym: its text without annotations, whitespace collapsed, leading
 * placeholders (`jdm.`, `etw.`, `sich`, `er/sie` …) dropped, in NFC and lower case. Empty when nothing
 * is left.
 */
export function dingKey(german: string): string {
  const plain = splitAnnotations(german.normalize('NFC'))
    .filter((piece) => !piece.annotation)
    .map((piece) => piece.text)
    .join('');
  const words = plain.split(/\s+/).filter((word) => word !== '');
  while (words.length > 1 && PLACEHOLDER.test(words[0]!)) words.shift();
  return words.join(' ').toLowerCase();
}

// An abbreviation that is a word of its own: letters (at least one capital), digits, dots, hyphens.
const WORD_ABBREVIATION = /^\/(?=[^/]*\p{Lu})[\p{L}\d.-]+\/$/u;
const OBJECT_PLACEHOLDER = /^(?:sich|(?:jd[mns]?|etw)\.(?:\/(?:jd[mns]?|etw)\.)*)$/;

/**
 * Every key a German synonym is found by: its headword (dingKey), its abbreviations (`Vereinigte
 * Staaten von Amerika /USA/ /US/` → also `usa`, `us`), and the bare verb of a phrase whose object
 * comes first (`zu etw. beitragen` → also `beitragen`, `sich an etw. gewöhnen` → `gewöhnen`). None when
 * the headword is empty.
 */
export function dingKeys(german: string): string[] {
  const key = dingKey(german);
  if (key === '') return [];
  const keys = [key];
  // Two-letter country codes (`Indien {n} /IN/ [geogr.]`, `Armenien /AM/`) would answer "in" and "am".
  const place = german.includes('[geogr.]');
  for (const piece of splitAnnotations(german.normalize('NFC'))) {
    const abbreviation = piece.text.slice(1, -1);
    if (!piece.annotation || !WORD_ABBREVIATION.test(piece.text) || (place && abbreviation.length < 3)) continue;
    keys.push(abbreviation.toLowerCase());
  }
  const words = key.split(' ');
  const verb = words.at(-1)!;
  if (words.length >= 2 && OBJECT_PLACEHOLDER.test(words.at(-2)!) && /^\p{Ll}+$/u.test(verb)) keys.push(verb);
  return [...new Set(keys)];
}

/** The synonyms of one German sub-sense, as written: split at `; ` outside annotations. */
function splitSynonyms(subSense: string): string[] {
  const synonyms = [''];
  for (const piece of splitAnnotations(subSense)) {
    const parts = piece.annotation ? [piece.text] : piece.text.split(SYNONYM_SEPARATOR);
    synonyms[synonyms.length - 1] += parts[0]!;
    synonyms.push(...parts.slice(1));
  }
  return synonyms.map((s) => s.trim()).filter((s) => s !== '');
}

/** Plain text and annotations, in order; an annotation keeps its brackets or slashes. */
function splitAnnotations(text: string): Piece[] {
  const pieces: Piece[] = [];
  let plainStart = 0;
  let index = 0;
  while (index < text.length) {
    const end = annotationEnd(text, index);
    if (end === -1) {
      index++;
      continue;
    }
    if (index > plainStart) pieces.push({ text: text.slice(plainStart, index), annotation: false });
    pieces.push({ text: text.slice(index, end), annotation: true });
    index = plainStart = end;
  }
  if (text.length > plainStart) pieces.push({ text: text.slice(plainStart), annotation: false });
  return pieces;
}

/** Where the annotation opening at `start` ends (exclusive), or -1 when none opens there. */
function annotationEnd(text: string, start: number): number {
  const char = text[start];
  if (char === '/') return abbreviationEnd(text, start);
  if (!isOpening(char)) return -1;
  // Brackets nest (`(oft [pej.])`); an unclosed one is plain text.
  const expected: string[] = [];
  for (let index = start; index < text.length; index++) {
    const current = text[index];
    if (isOpening(current)) expected.push(CLOSING[current]);
    else if (current === expected.at(-1)) {
      expected.pop();
      if (expected.length === 0) return index + 1;
    }
  }
  return -1;
}

// `/NATO/`, `/z. B./`, `/[/`: a word of its own, with no space just inside either slash. This keeps
// `er/sie`, `Ski/Schi` and a spaced ` / ` between alternatives as text.
function abbreviationEnd(text: string, start: number): number {
  if (start > 0 && !isSpace(text[start - 1])) return -1;
  const first = text[start + 1];
  if (first === undefined || first === '/' || isSpace(first)) return -1;
  const close = text.indexOf('/', start + 2);
  if (close === -1 || isSpace(text[close - 1])) return -1;
  const after = text[close + 1];
  return after === undefined || isSpace(after) || after === ';' || after === ',' ? close + 1 : -1;
}
