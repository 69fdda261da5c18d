import { expect, test } from 'vitest';
import type { StoredToken } from '@/lib/annotation/tokens';
import { PHRASE_WORDS_MAX, phraseAt } from './phrase';

const text = 'und erhöhten damit den öffentlichen Druck, da die Besorgnis zunahm.';
const at = (word: string) => text.indexOf(word);
const tokens: StoredToken[] = [
  [0, 3, 'und', 'OTHER'],
  [4, 12, 'erhöhen', 'VERB'],
  [13, 18, 'damit', 'OTHER'],
  [19, 22, 'der', 'OTHER'],
  [23, 35, 'öffentlich', 'ADJ'],
  [36, 41, 'Druck', 'NOUN', 'm'],
  [43, 45, 'da', 'OTHER'],
  [46, 49, 'der', 'OTHER'],
  [50, 59, 'Besorgnis', 'NOUN', 'f'],
  [60, 66, 'zunehmen', 'VERB'],
];

test('an adjective before a noun is cited in agreement with it; the surface is the text as met', () => {
  expect(phraseAt(tokens, text, at('öffentlichen'), at('Druck') + 5)).toEqual({
    lemma: 'öffentlicher Druck',
    surface: 'öffentlichen Druck',
    start: 23,
    end: 41,
  });
  const feminine: StoredToken[] = [
    [0, 4, 'rot', 'ADJ'],
    [5, 10, 'Linie', 'NOUN', 'f'],
  ];
  expect(phraseAt(feminine, 'rote Linie', 0, 10)?.lemma).toBe('rote Linie');
  const neuter: StoredToken[] = [
    [0, 5, 'leise', 'ADJ'],
    [6, 12, 'Wasser', 'NOUN', 'n'],
  ];
  expect(phraseAt(neuter, 'leises Wasser', 0, 12)?.lemma).toBe('leises Wasser');
});

test('any other phrase is its lemmas in order', () => {
  expect(phraseAt(tokens, text, at('den'), at('Druck') + 5)?.lemma).toBe('der öffentlich Druck');
  expect(phraseAt(tokens, text, at('erhöhten'), at('damit') + 5)?.lemma).toBe('erhöhen damit');
});

test('a selection that starts or ends inside a word takes the whole word', () => {
  expect(phraseAt(tokens, text, at('öffentlichen') + 3, at('Druck') + 2)?.surface).toBe('öffentlichen Druck');
});

test('one word, no word or too many words is no phrase', () => {
  expect(phraseAt(tokens, text, at('Druck'), at('Druck') + 5)).toBeNull();
  expect(phraseAt(tokens, text, 41, 43)).toBeNull();
  const many = Array.from({ length: PHRASE_WORDS_MAX + 1 }, (_, i): StoredToken => [i * 2, i * 2 + 1, 'a', 'OTHER']);
  expect(phraseAt(many, 'a '.repeat(PHRASE_WORDS_MAX + 1), 0, 100)).toBeNull();
  expect(phraseAt(many.slice(0, PHRASE_WORDS_MAX), 'a '.repeat(PHRASE_WORDS_MAX), 0, 100)).not.toBeNull();
});
