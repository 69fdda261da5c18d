import { expect, test } from 'vitest';
import { wordSpan } from './context';

const cut = (sentence: string, span: { start: number; end: number } | null) =>
  span ? sentence.slice(span.start, span.end) : null;

test('finds the form the word was met in, as a whole word', () => {
  const sentence = 'Die Waffenruhe hielt, doch die Waffe blieb geladen.';
  expect(cut(sentence, wordSpan(sentence, 'Waffe', 'Waffe'))).toBe('Waffe');
  expect(wordSpan(sentence, 'Waffe', 'Waffe')).toEqual({ start: 31, end: 36 });
});

test('falls back to the lemma, then to either ignoring case', () => {
  const sentence = 'Sanktionen treffen die Wirtschaft.';
  expect(cut(sentence, wordSpan(sentence, null, 'Sanktionen'))).toBe('Sanktionen');
  const start = 'Druck wächst.';
  expect(cut(start, wordSpan(start, 'druck', 'Druck'))).toBe('Druck');
  expect(cut('Öffentlicher Druck', wordSpan('Öffentlicher Druck', 'öffentlicher', 'öffentlich'))).toBe('Öffentlicher');
});

test('null when the word is not there as a whole word', () => {
  expect(wordSpan('Die Waffenruhe hielt.', 'Waffe', 'Waffe')).toBeNull();
  expect(wordSpan('Er hört nicht auf.', 'hört … auf', 'aufhören')).toBeNull();
  expect(wordSpan('Text', '', '')).toBeNull();
});

test('a multi-word selection is found as written', () => {
  const sentence = 'Unter öffentlichem Druck lenkte die Regierung ein.';
  expect(cut(sentence, wordSpan(sentence, 'öffentlichem Druck', 'öffentlicher Druck'))).toBe('öffentlichem Druck');
});
