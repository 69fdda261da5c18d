// German sentence splitter: a single linear scan over the tokens of tokenize().
//
// A sentence ends
//   - at a line break (any newline between two tokens: paragraphs, headings, list items), and
//   - after ".", "!", "?", "…" or "..." (with any directly following terminals and closing quotes or
//     brackets: `nicht.“`, `Pros!).`) when whitespace and then an uppercase letter, a digit or an
//     opening quote or bracket follow, or the text ends.
// A "." does not end a sentence after
//   - a single letter: initials and dotted abbreviations ("John F. Kennedy", "U. S.", "z. B.", "d. h.", "z.B."),
//   - a title or reference abbreviation ("Dr.", "Prof.", "Nr.", "Abs.", "bzw.", "ca.", "vgl." …),
//   - an abbreviation that is also a word or often ends a sentence ("Art.", "Gen.", "Mio.", "Mrd.",
//     "Jh.", "Feb." …) unless a typical sentence opener follows ("Die", "Er", "Das" …),
//   - an ordinal before a month or a noun like "Jahrhundert" ("am 6. Februar", "des 21. Jahrhunderts"),
//   - a list number or Roman numeral that is all of the sentence so far ("1. Die Lage").
// "etc." and "usw." end a sentence before an uppercase word like any other word. Numbers with dots
// ("2.000", "23.02.2023") are single tokens and never split.

import type { SentenceSpan, Token } from '../types';
import { tokenize } from './tokenizer';

/** Month names, full and abbreviated: after "<number>." they make it an ordinal ("am 6. Februar"). */
const MONTHS: readonly string[] = [
  'Januar',
  'Jänner',
  'Februar',
  'Feber',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];
const MONTH_ABBREVIATIONS: readonly string[] = [
  'Jan',
  'Feb',
  'Mär',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Okt',
  'Nov',
  'Dez',
];
/** Abbreviations after which a "." never ends a sentence (titles, references, lowercase abbreviations). */
const NEVER_FINAL: ReadonlySet<string> = withCapitalized([
  'Dr',
  'Prof',
  'Hr',
  'Hrn',
  'Fr',
  'Frl',
  'Mr',
  'Mrs',
  'Ms',
  'Rep',
  'Sen',
  'St',
  'Nr',
  'Abs',
  'Bd',
  'Kap',
  'Ziff',
  'Abb',
  'Tab',
  'Anm',
  'Tel',
  'Dipl',
  'Ing',
  'Hrsg',
  'Bsp',
  'Pkt',
  'bzw',
  'ca',
  'vgl',
  'geb',
  'gest',
  'evtl',
  'ggf',
  'inkl',
  'exkl',
  'zzgl',
  'lt',
  'gem',
  'sog',
  'bzgl',
  'insb',
  'bspw',
  'zit',
  'zB',
  'zT',
  'uU',
  'ua',
  'dh',
  'uvm',
]);

/** Abbreviations that are also words or often close a sentence: "." ends one only before a sentence opener. */
const FINAL_BEFORE_OPENER: ReadonlySet<string> = new Set([
  'Art',
  'Gen',
  'Mio',
  'Mrd',
  'Tsd',
  'Jh',
  'Jhd',
  'Jr',
  'Str',
  'Co',
  ...MONTH_ABBREVIATIONS,
]);

/** Words that typically open a German sentence. */
const OPENERS: ReadonlySet<string> = new Set([
  'Der',
  'Die',
  'Das',
  'Den',
  'Dem',
  'Des',
  'Ein',
  'Eine',
  'Einer',
  'Einen',
  'Ich',
  'Du',
  'Er',
  'Sie',
  'Es',
  'Wir',
  'Ihr',
  'Man',
  'Dies',
  'Diese',
  'Dieser',
  'Dieses',
  'Aber',
  'Und',
  'Oder',
  'Doch',
  'Denn',
  'Dann',
  'Auch',
  'Im',
  'In',
  'Am',
  'An',
  'Auf',
  'Aus',
  'Als',
  'Wenn',
  'Da',
  'Dort',
  'Hier',
  'Nach',
  'Bei',
  'Beim',
  'Mit',
  'Für',
  'Zu',
  'Zum',
  'Zur',
  'Vor',
  'Seit',
  'So',
  'Noch',
  'Nur',
  'Nicht',
  'Wie',
  'Was',
  'Wer',
  'Wo',
  'Warum',
  'Damit',
  'Dabei',
  'Daher',
  'Deshalb',
  'Trotzdem',
  'Jedoch',
  'Zudem',
  'Außerdem',
  'Allerdings',
  'Laut',
  'Unter',
  'Über',
  'Heute',
  'Jetzt',
  'Ja',
  'Nein',
  'Bis',
  'Vom',
  'Von',
  'Alle',
  'Viele',
  'Mehr',
  'Sein',
  'Seine',
  'Ihre',
  'Unser',
  'Unsere',
  'Mein',
  'Meine',
  'Kein',
  'Keine',
  'Nun',
  'Zuletzt',
  'Zuvor',
]);

/** Nouns counted with ordinals ("des 21. Jahrhunderts", "im 2. Quartal", "zum 3. Mal"). */
const ORDINAL_NOUNS: readonly string[] = [
  'Jahrhundert',
  'Jahrtausend',
  'Jahrestag',
  'Geburtstag',
  'Todestag',
  'Weltkrieg',
  'Quartal',
  'Kapitel',
  'Platz',
  'Rang',
  'Liga',
  'Bundesliga',
  'Klasse',
  'Runde',
  'Auflage',
  'Stock',
  'Etage',
  'Spieltag',
  'Advent',
  'Lebensjahr',
  'Mal',
  'Parteitag',
  'Sinfonie',
  'Symphonie',
  'Amendment',
  'Armee',
  'Division',
  'Flotte',
  'Legislaturperiode',
];
/** Words after which "<number>." is an ordinal: months (also abbreviated, and "Jh.") and ordinal nouns with their endings. */
const ORDINAL_HEAD = new RegExp(
  `^(?:(?:${MONTHS.join('|')})s?|${[...MONTH_ABBREVIATIONS, 'Jh', 'Jhd'].join('|')}|(?:${ORDINAL_NOUNS.join('|')})(?:e|es|s|en|n)?)$`,
  'u',
);

const TERMINALS = '.!?…';
/** Characters that close a quotation or parenthesis and stay with the sentence before them. */
const CLOSERS = '“”"\'’‘»«›‹)]}';
/** How the next sentence may start: uppercase letter, digit, opening quote or bracket. */
const OPENING = /^[\p{Lu}\p{Lt}\p{Nd}„“"‚‘'»«›‹([¿¡]/u;
const DIGITS = /^\p{Nd}{1,3}$/u;
const ROMAN = /^[IVXLC]+$/;
const MARKS = /^\p{M}+$/u;

function withCapitalized(words: readonly string[]): ReadonlySet<string> {
  const all = new Set<string>();
  for (const w of words) {
    all.add(w);
    all.add(w.charAt(0).toUpperCase() + w.slice(1));
  }
  return all;
}

function isLineBreak(code: number): boolean {
  return (
    code === 10 || code === 13 || code === 11 || code === 12 || code === 0x85 || code === 0x2028 || code === 0x2029
  );
}

function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isLineBreak(text.charCodeAt(i))) return true;
  return false;
}

function isOneOf(token: Token, chars: string): boolean {
  return token.kind === 'punct' && token.surface.length === 1 && chars.includes(token.surface);
}

/** ".", "!", "?", "…" or "..." (the tokenizer's single token for three or more dots). */
function isTerminal(token: Token): boolean {
  return isOneOf(token, TERMINALS) || (token.kind === 'punct' && token.surface.startsWith('...'));
}

/** A single letter, possibly with combining marks ("F", "z", "é"). */
function isSingleLetter(token: Token): boolean {
  if (token.kind !== 'word') return false;
  const s = token.surface;
  if (s.length === 1) return true;
  const first = s.codePointAt(0) ?? 0;
  const rest = s.slice(first > 0xffff ? 2 : 1);
  return MARKS.test(rest);
}

/**
 * Does the "." at `dot` (first of the terminal run) end the sentence that began at token `first`,
 * given the token `next` that follows the run?
 */
function dotEndsSentence(tokens: readonly Token[], first: number, dot: number, next: Token): boolean {
  const prev = dot > first ? tokens[dot - 1] : undefined;
  if (prev === undefined || prev.end !== tokens[dot]!.start) return true;
  const word = prev.surface;
  if (prev.kind === 'number') {
    if (!DIGITS.test(word)) return true;
    if (dot - 1 === first) return false; // list number: "1. Die Lage"
    return !ORDINAL_HEAD.test(next.surface);
  }
  if (prev.kind !== 'word') return true;
  if (isSingleLetter(prev) || NEVER_FINAL.has(word)) return false;
  if (FINAL_BEFORE_OPENER.has(word)) return OPENERS.has(next.surface);
  if (dot - 1 === first && ROMAN.test(word)) return false; // list numeral: "II. Die Folgen"
  return true;
}

/**
 * Split a text into sentences. Each span runs from the first to the last token of its sentence
 * (closing quotes and brackets after the final punctuation included). Pass the text's tokens if you
 * already have them; they must be tokenize(text).
 */
export function splitSentences(text: string, tokens: readonly Token[] = tokenize(text)): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const n = tokens.length;
  let first = -1; // index of the current sentence's first token
  for (let i = 0; i < n; i++) {
    if (first < 0) first = i;
    let last = i;
    const token = tokens[i]!;
    let ends = false;
    if (isTerminal(token)) {
      // The terminal run: further terminals and closing quotes/brackets written directly after it.
      while (last + 1 < n) {
        const t = tokens[last + 1]!;
        if (t.start !== tokens[last]!.end || !(isTerminal(t) || isOneOf(t, CLOSERS))) break;
        last++;
      }
      const next = tokens[last + 1];
      if (next === undefined) ends = true;
      else if (next.start > tokens[last]!.end && OPENING.test(next.surface)) {
        ends = token.surface !== '.' || dotEndsSentence(tokens, first, i, next);
      }
    }
    const after = tokens[last + 1];
    if (ends || after === undefined || hasLineBreak(text, tokens[last]!.end, after.start)) {
      spans.push({ start: tokens[first]!.start, end: tokens[last]!.end });
      first = -1;
    }
    i = last;
  }
  return spans;
}
