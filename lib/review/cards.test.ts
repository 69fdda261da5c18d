import { describe, expect, test } from 'vitest';
import { intlFor } from '@/lib/format';
import { resources } from '@/lib/i18n/resources';
import { buildCloze, type CardEntry, cardDirections, cardFace, type CardTerm, CLOZE_BLANK, germanSide } from './cards';

const entry = (over: Partial<CardEntry> = {}): CardEntry => ({
  lemma: 'Werkzeugmaschine',
  translation: 'machine tool',
  contextDe: 'China liefert Werkzeugmaschinen an Russland.',
  contextEn: 'China supplies machine tools to Russia.',
  surface: 'Werkzeugmaschinen',
  ...over,
});
const _ = CLOZE_BLANK;

describe('buildCloze', () => {
  test('blanks the surface form met in the text', () => {
    expect(buildCloze(entry())).toEqual({ text: `China liefert ${_} an Russland.`, answer: 'Werkzeugmaschinen' });
  });

  test('falls back to the lemma when there is no surface form', () => {
    expect(buildCloze(entry({ surface: null, contextDe: 'Die Werkzeugmaschine steht still.' }))?.text).toBe(
      `Die ${_} steht still.`,
    );
  });

  test('matches whole words only, umlauts included', () => {
    expect(buildCloze({ lemma: 'Öl', surface: 'Öl', contextDe: 'Der Preis für Erdöl steigt.' })).toBeNull();
    expect(buildCloze({ lemma: 'Öl', surface: 'Öl', contextDe: 'Erdöl und Öl sind teuer.' })).toEqual({
      text: `Erdöl und ${_} sind teuer.`,
      answer: 'Öl',
    });
    expect(
      buildCloze({ lemma: 'Bündnis', surface: 'Bündnisses', contextDe: 'Die Stärke des Bündnisses wächst.' })?.text,
    ).toBe(`Die Stärke des ${_} wächst.`);
  });

  test('prefers the exact case, then any case', () => {
    expect(buildCloze({ lemma: 'essen', surface: 'Essen', contextDe: 'Essen in Essen: wir essen.' })).toEqual({
      text: `${_} in ${_}: wir essen.`,
      answer: 'Essen',
    });
    expect(buildCloze({ lemma: 'liefern', surface: 'liefern', contextDe: 'Liefern will niemand.' })).toEqual({
      text: `${_} will niemand.`,
      answer: 'Liefern',
    });
  });

  test('a word occurring twice is blanked both times, so the sentence does not give it away', () => {
    expect(
      buildCloze({
        lemma: 'Sanktion',
        surface: 'Sanktionen',
        contextDe: 'Sanktionen wirken, sagt er, aber Sanktionen kosten.',
      })?.text,
    ).toBe(`${_} wirken, sagt er, aber ${_} kosten.`);
  });

  test('regular-expression characters in the word are literal', () => {
    expect(buildCloze({ lemma: 'a.b', surface: null, contextDe: 'axb und a.b' })?.text).toBe(`axb und ${_}`);
  });

  test('no context, or a context without the word, gives no cloze', () => {
    expect(buildCloze(entry({ contextDe: null }))).toBeNull();
    expect(buildCloze(entry({ contextDe: '   ' }))).toBeNull();
    expect(buildCloze(entry({ contextDe: 'Russland kauft Drohnen.' }))).toBeNull();
  });
});

test('every entry gets both translation directions; cloze only with a usable context', () => {
  expect(cardDirections(entry())).toEqual(['de-en', 'en-de', 'cloze']);
  expect(cardDirections(entry({ contextDe: null }))).toEqual(['de-en', 'en-de']);
  expect(cardDirections(entry({ contextDe: 'Nichts davon.' }))).toEqual(['de-en', 'en-de']);
});

describe('cardFace', () => {
  const term = { gender: 'f', plural: 'Werkzeugmaschinen', englishPreferred: 'machine tool' } as const;

  test('the German side names a glossary noun with its article and plural', () => {
    expect(germanSide('Werkzeugmaschine', term)).toBe('die Werkzeugmaschine, die Werkzeugmaschinen');
    expect(germanSide('Bündnis', { gender: 'n', plural: null, englishPreferred: 'alliance' })).toBe('das Bündnis');
    expect(germanSide('liefern', { gender: null, plural: null, englishPreferred: 'supply' })).toBe('liefern');
    expect(germanSide('liefern')).toBe('liefern');
  });

  test('German to English, English to German and cloze', () => {
    expect(cardFace('de-en', entry(), term)).toEqual({
      prompt: 'die Werkzeugmaschine, die Werkzeugmaschinen',
      answer: 'machine tool',
      hint: 'China liefert Werkzeugmaschinen an Russland.',
    });
    expect(cardFace('en-de', entry(), term)).toEqual({
      prompt: 'machine tool',
      answer: 'die Werkzeugmaschine, die Werkzeugmaschinen',
      hint: 'China supplies machine tools to Russia.',
      cue: { kind: 'noun', with: 'plural', first: 'W', letters: 16, words: 1 },
    });
    expect(cardFace('cloze', entry(), term)).toEqual({
      prompt: `China liefert ${_} an Russland.`,
      answer: 'Werkzeugmaschinen',
      hint: 'China supplies machine tools to Russia.',
    });
  });

  test('an empty translation borrows the glossary English; no context means no hint', () => {
    expect(cardFace('en-de', entry({ translation: '', contextEn: null }), term)).toEqual({
      prompt: 'machine tool',
      answer: 'die Werkzeugmaschine, die Werkzeugmaschinen',
      cue: { kind: 'noun', with: 'plural', first: 'W', letters: 16, words: 1 },
    });
  });

  test('an English to German card says which German word it wants; the other cards do not', () => {
    const cue = (lemma: string, over?: Partial<CardTerm> | null) =>
      cardFace('en-de', entry({ lemma }), over === null ? null : { ...term, ...over }).cue;
    expect(cue('Bündnis', { gender: 'n', plural: null, kind: 'noun' })).toEqual({
      kind: 'noun',
      with: 'article',
      first: 'B',
      letters: 7,
      words: 1,
    });
    expect(cue('liefern', { gender: null, plural: null, kind: 'verb' })).toMatchObject({ kind: 'verb', with: 'none' });
    expect(cue('unter Druck setzen', { gender: null, plural: null, kind: 'idiom' })).toMatchObject({
      kind: 'phrase',
      first: 'u',
      letters: 16,
      words: 3,
    });
    // Without a glossary term: German capitalises nouns, so a capitalised lemma asks for a noun.
    expect(cue('Aussicht', null)).toEqual({ kind: 'noun', with: 'none', first: 'A', letters: 8, words: 1 });
    expect(cue('Öffentlichkeit', null)).toMatchObject({ kind: 'noun', first: 'Ö', letters: 14 });
    expect(cue('beängstigend', null)).toMatchObject({ kind: 'word', first: 'b', letters: 12 });
    expect(cue('öffentlicher Druck', null)).toMatchObject({ kind: 'phrase', words: 2 });
    expect(cardFace('de-en', entry(), term).cue).toBeUndefined();
    expect(cardFace('cloze', entry(), term).cue).toBeUndefined();
  });

  test('a cloze whose word left the sentence shows the German to English face', () => {
    expect(cardFace('cloze', entry({ contextDe: 'Anderer Satz.' }))).toEqual(
      cardFace('de-en', entry({ contextDe: 'Anderer Satz.' })),
    );
  });
});

describe('the cue, as the review page words it', () => {
  const say = (locale: 'en' | 'de', lemma: string, term?: CardTerm | null) => {
    const cue = cardFace('en-de', { ...entry(), lemma }, term).cue!;
    const message = (resources[locale].review as { cue: { text: string } }).cue.text;
    return String(intlFor(locale).formatters.getMessageFormat(message, locale).format(cue));
  };
  const noun = { gender: 'f', plural: 'Werkzeugmaschinen', englishPreferred: 'machine tool', kind: 'noun' } as const;

  test('in English and German', () => {
    expect(say('en', 'Werkzeugmaschine', noun)).toBe(
      'German noun with article and plural: starts with “W”, 16 letters',
    );
    expect(say('de', 'Werkzeugmaschine', noun)).toBe(
      'Deutsches Nomen mit Artikel und Plural: beginnt mit „W“, 16 Buchstaben',
    );
    expect(say('en', 'Bündnis', { ...noun, gender: 'n', plural: null })).toBe(
      'German noun with article: starts with “B”, 7 letters',
    );
    expect(say('en', 'beängstigend', null)).toBe('German word: starts with “b”, 12 letters');
    expect(say('de', 'unter Druck setzen', null)).toBe('Deutsche Wendung: beginnt mit „u“, 3 Wörter');
    expect(say('en', 'Ei', null)).toBe('German noun: starts with “E”, 2 letters');
  });
});
