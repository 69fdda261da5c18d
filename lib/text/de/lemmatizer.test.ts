import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseLexicon } from '../lexicon';
import type { LemmaCandidate } from '../types';
import { createLemmatizer, degreeLemma, guessAdjective } from './lemmatizer';

// A tiny table in the format of lib/text/lexicon.ts: one line per form, candidates best first.
const TSV = `
sagten\tsagen|VERB
Sagen\tSagen|NOUN:n
sagen\tsagen|VERB
half\thelfen|VERB
geholfen\thelfen|VERB,geholfen|ADJ
helfen\thelfen|VERB
Helfen\tHelfen|NOUN:n
hätten\thaben|VERB
wurde\twerden|VERB
Mächte\tMacht|NOUN:f
Macht\tMacht|NOUN:f
macht\tmachen|VERB
Verbündeten\tVerbündete|NOUN:n,Verbündeter|NOUN:m
verbündeten\tverbünden|VERB,verbündet|ADJ
verbündete\tverbünden|VERB,verbündet|ADJ
Beamte\tBeamte|NOUN:m
Beamten\tBeamte|NOUN:m
die\tder|OTHER
Russen\tRusse|NOUN:m
Russe\tRusse|NOUN:m
groß\tgroß|ADJ
ehrgeizig\tehrgeizig|ADJ
bahnbrechend\tbahnbrechend|ADJ
kriegerisch\tkriegerisch|ADJ
schnell\tschnell|ADJ
teuer\tteuer|ADJ
alt\talt|ADJ
gut\tgut|ADJ
hoch\thoch|ADJ
wichtig\twichtig|ADJ
Wichtigste\tWichtigste|NOUN:n
Wichtigsten\tWichtigste|NOUN:n
Maschine\tMaschine|NOUN:f
Maschinen\tMaschine|NOUN:f
Importe\tImport|NOUN:m,Importe|NOUN:f
Krieg\tKrieg|NOUN:m
Kriegs\tKrieg|NOUN:m
Rat\tRat|NOUN:m
Bank\tBank|NOUN:f
Redakteur\tRedakteur|NOUN:m
entgleisen\tentgleisen|VERB
gestützten\tgestützt|ADJ
befugten\tbefugt|ADJ
russischen\trussisch|ADJ
Weltraum\tWeltraum|NOUN:m
herausfinden\therausfinden|VERB
unter\tunter|ADJ
`;

const lexicon = parseLexicon(TSV);
const lemmatize = createLemmatizer(lexicon);
const best = (word: string) => lemmatize(word)[0]!;
const lemmas = (word: string) => lemmatize(word).map((c) => c.lemma);
const c = (lemma: string, pos: LemmaCandidate['pos'], source: LemmaCandidate['source']): LemmaCandidate => ({
  lemma,
  pos,
  source,
});

describe('the form table', () => {
  test.each([
    ['sagten', 'sagen', 'VERB'],
    ['half', 'helfen', 'VERB'],
    ['geholfen', 'helfen', 'VERB'],
    ['hätten', 'haben', 'VERB'],
    ['wurde', 'werden', 'VERB'],
    ['Mächte', 'Macht', 'NOUN'],
    ['die', 'der', 'OTHER'],
  ] as const)('%s → %s (%s)', (word, lemma, pos) => {
    expect(best(word)).toEqual(c(lemma, pos, 'lexicon'));
  });

  test('keeps the table\u2019s order (Importe → Import, then Importe)', () => {
    expect(lemmas('Beamten')).toEqual(['Beamte']);
    expect(lemmas('Importe')).toEqual(['Import', 'Importe']);
  });

  test('a capitalised nominalisation also offers the lowercase readings, after its own', () => {
    expect(lemmatize('Helfen')).toEqual([c('Helfen', 'NOUN', 'lexicon'), c('helfen', 'VERB', 'lexicon')]);
    expect(lemmatize('Wichtigsten')).toEqual([c('Wichtigste', 'NOUN', 'lexicon'), c('wichtig', 'ADJ', 'degree')]);
    // Verbündete is a nominalised adjective (verbündete): its nouns first, then verb and adjective.
    expect(lemmas('Verbündeten')).toEqual(['Verbündete', 'Verbündeter', 'verbünden', 'verbündet']);
    expect(lemmas('Macht')).toEqual(['Macht']);
  });
});

describe('case variants', () => {
  test('a sentence-initial capital falls back to the lowercase word', () => {
    expect(best('Die')).toEqual(c('der', 'OTHER', 'lexicon'));
    expect(best('Sagten')).toEqual(c('sagen', 'VERB', 'lexicon'));
    expect(best('Größten')).toEqual(c('groß', 'ADJ', 'degree'));
  });

  test('all capitals: the capitalised noun, else the lowercase word, else the word itself', () => {
    expect(best('RUSSEN')).toEqual(c('Russe', 'NOUN', 'lexicon'));
    expect(best('HALF')).toEqual(c('helfen', 'VERB', 'lexicon'));
    expect(lemmatize('USA')).toEqual([c('USA', 'OTHER', 'identity')]);
  });

  test('decomposed umlauts are read as composed ones', () => {
    expect(best('gro\u0308ßten'.normalize('NFD'))).toEqual(c('groß', 'ADJ', 'degree'));
  });
});

describe('degree', () => {
  test.each([
    ['größten', 'groß'],
    ['größte', 'groß'],
    ['größer', 'groß'],
    ['ehrgeizigsten', 'ehrgeizig'],
    ['bahnbrechendsten', 'bahnbrechend'],
    ['kriegerischste', 'kriegerisch'],
    ['schnelleren', 'schnell'],
    ['teurer', 'teuer'],
    ['älteste', 'alt'],
    ['besser', 'gut'],
    ['besten', 'gut'],
    ['höchsten', 'hoch'],
    ['wichtigsten', 'wichtig'],
  ])('%s → %s', (word, lemma) => {
    expect(lemmatize(word)).toEqual([c(lemma, 'ADJ', 'degree')]);
  });

  test('a lowercase form with only noun readings tries the degree rule first', () => {
    const table = parseLexicon('wichtigsten\tWichtigste|NOUN\nwichtig\twichtig|ADJ\nanders\tAnder|NOUN');
    const lemmatizeNoun = createLemmatizer(table);
    expect(lemmatizeNoun('wichtigsten')[0]).toEqual(c('wichtig', 'ADJ', 'degree'));
    expect(lemmatizeNoun('anders')).toEqual([c('Ander', 'NOUN', 'lexicon')]);
  });

  test('only for adjectives of the table', () => {
    expect(degreeLemma(lexicon, 'hinter')).toBeUndefined();
    expect(degreeLemma(lexicon, 'oder')).toBeUndefined();
    expect(best('hinter')).toEqual(c('hinter', 'OTHER', 'identity'));
  });
});

describe('compounds', () => {
  test.each([
    ['Werkzeugmaschinen', 'Werkzeugmaschine'],
    ['Mikroelektronikimporte', 'Mikroelektronikimport'],
    ['Stellvertreterkriegs', 'Stellvertreterkrieg'],
    ['Zugentgleisungen', 'Zugentgleisung'],
  ])('%s → %s (the longest known head)', (word, lemma) => {
    expect(best(word)).toEqual(c(lemma, 'NOUN', 'compound'));
  });

  test('a three-letter head only when nothing else fits', () => {
    expect(best('Sicherheitsrat')).toEqual(c('Sicherheitsrat', 'NOUN', 'compound'));
  });

  test('hyphenated words lemmatise their last part and keep the rest', () => {
    expect(best('US-Beamten')).toEqual(c('US-Beamte', 'NOUN', 'compound'));
    expect(best('US-Beamte')).toEqual(c('US-Beamte', 'NOUN', 'compound'));
    expect(best('deutsch-russischen')).toEqual(c('deutsch-russisch', 'ADJ', 'compound'));
    expect(best('NATO-Kriegs')).toEqual(c('NATO-Krieg', 'NOUN', 'compound'));
    expect(lemmatize('F-16')).toEqual([c('F-16', 'OTHER', 'identity')]);
    expect(lemmatize('Xyz-Abc')).toEqual([c('Xyz-Abc', 'OTHER', 'identity')]);
  });

  test('lowercase adjective compounds need a known modifier', () => {
    expect(best('weltraumgestützten')).toEqual(c('weltraumgestützt', 'ADJ', 'compound'));
    expect(best('unbefugten')).toEqual(c('unbefugt', 'ADJ', 'compound'));
    expect(best('darunter')).toEqual(c('darunter', 'OTHER', 'identity'));
  });
});

describe('regular endings on words the table lacks', () => {
  test('plural and case endings of a table noun', () => {
    expect(best('Banken')).toEqual(c('Bank', 'NOUN', 'lexicon'));
  });

  test('feminine -in of a table noun', () => {
    expect(best('Redakteurinnen')).toEqual(c('Redakteurin', 'NOUN', 'lexicon'));
    expect(best('Redakteurin')).toEqual(c('Redakteurin', 'NOUN', 'lexicon'));
  });

  test('zu-infinitives of a table verb', () => {
    expect(best('herauszufinden')).toEqual(c('herausfinden', 'VERB', 'lexicon'));
  });

  test('adjectives by their suffix, in any degree (a guess: source identity)', () => {
    expect(best('hochrangiger')).toEqual(c('hochrangig', 'ADJ', 'identity'));
    expect(best('fotografische')).toEqual(c('fotografisch', 'ADJ', 'identity'));
    expect(best('wahrscheinlichste')).toEqual(c('wahrscheinlich', 'ADJ', 'degree'));
    expect(guessAdjective('zwischen')).toBeUndefined();
  });

  test('genitive -s of names, with the word itself second', () => {
    expect(lemmatize('Moskaus')).toEqual([c('Moskau', 'NOUN', 'identity'), c('Moskaus', 'OTHER', 'identity')]);
    expect(lemmas('Chinas')).toEqual(['China', 'Chinas']);
    expect(lemmas('Bidens')).toEqual(['Biden', 'Bidens']);
    expect(lemmatize('Mindestens')).toEqual([c('Mindestens', 'OTHER', 'identity')]);
    expect(lemmatize('Anonymous')).toEqual([c('Anonymous', 'OTHER', 'identity')]);
  });
});

describe('identity', () => {
  test('unknown words are their own lemma, POS OTHER', () => {
    expect(lemmatize('uns')).toEqual([c('uns', 'OTHER', 'identity')]);
    expect(lemmatize('Scholz')).toEqual([c('Scholz', 'OTHER', 'identity')]);
    expect(lemmatize('2023')).toEqual([c('2023', 'OTHER', 'identity')]);
    expect(lemmatize('')).toEqual([c('', 'OTHER', 'identity')]);
  });

  test('the table decides: uns → wir once the table has it', () => {
    expect(createLemmatizer(parseLexicon('uns\twir|OTHER'))('uns')).toEqual([c('wir', 'OTHER', 'lexicon')]);
  });

  test('never empty, and every candidate well-formed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (word) => {
        const found = lemmatize(word);
        expect(found.length).toBeGreaterThan(0);
        for (const candidate of found) {
          expect(['NOUN', 'VERB', 'ADJ', 'OTHER']).toContain(candidate.pos);
          expect(['lexicon', 'degree', 'compound', 'identity']).toContain(candidate.source);
          expect(typeof candidate.lemma).toBe('string');
        }
      }),
    );
  });
});

describe('memoisation', () => {
  test('repeated calls give equal, independent arrays', () => {
    const first = lemmatize('Verbündeten');
    first.pop();
    expect(lemmatize('Verbündeten')).toHaveLength(4);
  });

  test('each lemmatizer reads its own table', () => {
    const other = createLemmatizer(parseLexicon('sagten\tsagten|VERB'));
    expect(other('sagten')[0]!.lemma).toBe('sagten');
    expect(best('sagten').lemma).toBe('sagen');
  });
});
