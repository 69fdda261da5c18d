// German tokenizer: one pass of a global regular expression over the text. Every token is an exact
// slice of the input (UTF-16 offsets), tokens come in increasing order and never overlap, whitespace
// is never a token, and no input makes it throw.
//
//   word    letters (and digits) with inner hyphens or apostrophes: "US-Dollar", "F-16-Kampfflugzeuge",
//           "G7-Gesprächen", "King's", "1,5-Grad-Ziel", "2023er". A truncated compound keeps its
//           hyphen: "Staats-" in "Staats- und Regierungschefs", "-politik" in "Wirtschafts- und -politik".
//   number  digits with inner ".", "," or ":" between digits: "2.000", "1,5", "11:30", "23.02.2023";
//           also digit groups joined like a word but without a letter: "100-200", "1'000".
//           An ordinal's dot is punctuation: "21." is number "21" + punct ".".
//   punct   any other visible character, one code point each (with its combining marks; emoji
//           sequences joined by U+200D and flag pairs stay whole): . , ; : ! ? „ “ ” " ' » « – — … ( ) [ ].
//           Three or more dots are one token, the ASCII spelling of "…": "...".
//
// Control (Cc) and format (Cf) characters outside a word are skipped like whitespace; inside a word
// the soft hyphen and zero-width (non-)joiner are kept as part of it.

import type { Token, TokenKind } from '../types';

/** Hyphens that join compound parts: hyphen-minus, U+2010 hyphen, U+2011 non-breaking hyphen. */
const HYPHEN = '[\\-\\u2010\\u2011]';
/** Inner joiners: hyphens and apostrophes (' ’, and ‘ ´ as commonly mistyped for it). */
const JOINER = "[\\-\\u2010\\u2011'\\u2018\\u2019\\u00B4]";
/**
 * What may follow the first character of a word part: letters, marks, digits, soft hyphen, ZWNJ, ZWJ.
 * Written as an unrolled loop with a fast path for German lowercase letters: the big Unicode class is
 * checked only where the small one fails (about 1.4× faster on German text).
 */
const WORD_REST =
  '[a-z\\u00DF-\\u00F6\\u00F8-\\u00FF]*(?:[\\p{L}\\p{M}\\p{N}\\u00AD\\u200C\\u200D][a-z\\u00DF-\\u00F6\\u00F8-\\u00FF]*)*';
/**
 * One part of a word or number: a run starting with a letter, or a number with ".", "," or ":"
 * between digit groups ("2.000", "11:30", "1,5" in "1,5-Grad-Ziel"); either may go on with letters,
 * marks and digits ("2023er", "G7").
 */
const PART = `(?:\\p{L}|\\p{Nd}+(?:[.,:]\\p{Nd}+)*|\\p{N})${WORD_REST}`;
/**
 * Parts joined by hyphens or apostrophes. A chain with a letter is a word ("16-jährige", "F-16",
 * "King's"), one without is a number ("2.000", "100-200", "1'000"). Every quantifier here is followed
 * only by optional matches, so the engine never backtracks into it: matching is linear on any input.
 */
const CHAIN = `${PART}(?:${JOINER}${PART})*`;
/** A forward truncation keeps its hyphen when a lowercase word (und, oder, bzw., sowie …), a comma, slash or & follows. */
const TRUNCATION = `(?:${HYPHEN}(?=[,/&]|\\s+\\p{Ll}))?`;
/** A backward truncation ("und -politik"): a hyphen after whitespace (or at the start) directly before a lowercase letter. */
const BACK_TRUNCATION = `(?<!\\S)${HYPHEN}(?=\\p{Ll})${CHAIN}`;
/** What may be glued to a punctuation character: combining marks and emoji skin-tone modifiers. */
const PUNCT_TAIL = '[\\p{M}\\u{1F3FB}-\\u{1F3FF}]*';
const VISIBLE = '[^\\s\\p{Cc}\\p{Cf}]';
const PUNCT = `\\.{3,}|[\\u{1F1E6}-\\u{1F1FF}]{2}|${VISIBLE}${PUNCT_TAIL}(?:\\u200D${VISIBLE}${PUNCT_TAIL})*`;

const SOURCE = `(${CHAIN}${TRUNCATION}|${BACK_TRUNCATION})|${PUNCT}`;
/** Does a chain hold a letter at all? Without one it is a number ("2.000", "½", "100-200"). */
const HAS_LETTER = /\p{L}/u;

/** Split a text into word, number and punctuation tokens with exact UTF-16 offsets. */
export function tokenize(text: string): Token[] {
  // A fresh RegExp per call: its lastIndex is the only mutable state, and V8 caches the compiled code.
  const tokens: Token[] = [];
  if (typeof text !== 'string' || text.length === 0) return tokens;
  const re = new RegExp(SOURCE, 'gu');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const surface = m[0];
    const start = m.index;
    let kind: TokenKind = 'punct';
    if (m[1] !== undefined) {
      const c = surface.charCodeAt(0);
      // Only a chain that starts with something other than an ASCII letter can lack a letter.
      kind = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || HAS_LETTER.test(surface) ? 'word' : 'number';
    }
    tokens.push({ surface, start, end: start + surface.length, kind });
  }
  return tokens;
}
