import { describe, expect, test } from 'vitest';
import { parseLexicon } from '../../lexicon';
import { createFormTable, RANK, readingScore } from './form-table';

const lines = (tsv: string) => tsv.split('\n').slice(0, -1);

describe('readingScore', () => {
  test('a capitalised form prefers noun readings, a lowercase one the others', () => {
    expect(readingScore('Fragen', 'Frage', 'NOUN', RANK.noun)).toBeLessThan(
      readingScore('Fragen', 'fragen', 'VERB', RANK.verb),
    );
    expect(readingScore('fragen', 'fragen', 'VERB', RANK.verb)).toBeLessThan(
      readingScore('fragen', 'Frage', 'NOUN', RANK.noun),
    );
    expect(readingScore('arme', 'arm', 'ADJ', RANK.adjective)).toBeLessThan(
      readingScore('arme', 'Arm', 'NOUN', RANK.noun),
    );
    // "Die" at a sentence start is still the article
    expect(readingScore('Die', 'der', 'OTHER', RANK.functionWord)).toBe(8);
  });

  test('adds the rank, and a little bonus when the lemma is the form itself', () => {
    expect(readingScore('Fragen', 'Frage', 'NOUN', 0)).toBe(0);
    expect(readingScore('Fragen', 'Fragen', 'NOUN', 0)).toBe(-0.5);
    expect(readingScore('fragen', 'Frage', 'NOUN', 0)).toBe(4);
    expect(readingScore('Fragen', 'fragen', 'VERB', 0)).toBe(10);
    expect(readingScore('geholfen', 'helfen', 'VERB', RANK.pastParticiple)).toBe(1);
    expect(readingScore('geholfen', 'geholfen', 'ADJ', RANK.adjective)).toBe(1.5);
  });

  test('the ranks order verb forms, participles and adjectives', () => {
    expect(RANK.functionWord).toBeLessThan(RANK.verb);
    expect(RANK.verb).toBeLessThan(RANK.verbVariant);
    expect(RANK.verbVariant).toBeLessThan(RANK.pastParticiple);
    expect(RANK.pastParticiple).toBeLessThan(RANK.adjective);
    expect(RANK.adjective).toBeLessThan(RANK.presentParticiple);
  });
});

describe('createFormTable', () => {
  const never = () => false;

  test('orders each form’s candidates best first', () => {
    const table = createFormTable(never);
    table.add('einen', 'einen', 'VERB', RANK.verb);
    table.add('einen', 'ein', 'OTHER', RANK.functionWord);
    table.add('geholfen', 'geholfen', 'ADJ', RANK.adjective);
    table.add('geholfen', 'helfen', 'VERB', RANK.pastParticiple);
    table.add('entscheidend', 'entscheiden', 'VERB', RANK.presentParticiple);
    table.add('entscheidend', 'entscheidend', 'ADJ', RANK.adjective);
    expect(lines(table.finish().tsv)).toEqual([
      'einen\tein|OTHER,einen|VERB',
      'entscheidend\tentscheidend|ADJ,entscheiden|VERB',
      'geholfen\thelfen|VERB,geholfen|ADJ',
    ]);
  });

  test('breaks ties by lemma|POS in code-unit order; sorts the forms in code-unit order', () => {
    const table = createFormTable(never);
    table.add('Weisen', 'Weiser', 'NOUN', RANK.noun, 'm');
    table.add('Weisen', 'Weise', 'NOUN', RANK.noun, 'f');
    table.add('Äpfel', 'Apfel', 'NOUN', RANK.noun, 'm');
    table.add('Zug', 'Zug', 'NOUN', RANK.noun, 'm');
    table.add('ab', 'ab', 'OTHER', RANK.functionWord);
    // "Weiser|" < "Weise|" since "r" < "|"
    expect(lines(table.finish().tsv)).toEqual([
      'Weisen\tWeiser|NOUN:m,Weise|NOUN:f',
      'Zug\tZug|NOUN:m',
      'ab\tab|OTHER',
      'Äpfel\tApfel|NOUN:m',
    ]);
  });

  test('a reading added twice keeps its best score and the first gender given', () => {
    const table = createFormTable(never);
    table.add('Heiden', 'Heide', 'NOUN', 1, 'f');
    table.add('Heiden', 'Heiden', 'NOUN', 0, 'n');
    table.add('Heiden', 'Heide', 'NOUN', -1, 'm');
    table.add('Heiden', 'Heide', 'NOUN', 0);
    const { tsv, forms, lemmas } = table.finish();
    expect(tsv).toBe('Heiden\tHeide|NOUN:f,Heiden|NOUN:n\n');
    expect([forms, lemmas]).toEqual([1, 2]);
  });

  test('a form in old spelling adds the reformed one, ranked lower, with the reformed lemma if it is one', () => {
    const isLemma = (pos: string, lemma: string) => pos === 'NOUN' && lemma === 'Abschluss';
    const table = createFormTable(isLemma);
    table.add('Abschluß', 'Abschluß', 'NOUN', RANK.noun, 'm');
    table.add('Abschluss', 'Abschluss', 'NOUN', RANK.noun, 'm');
    table.add('muß', 'müssen', 'VERB', RANK.verb);
    table.add('muss', 'müssen', 'VERB', RANK.verbVariant);
    table.add('bloßlegen', 'bloßlegen', 'VERB', RANK.verb);
    table.add('Straße', 'Straße', 'NOUN', RANK.noun, 'f');
    const { tsv, lemmas } = table.finish();
    expect(lines(tsv)).toEqual([
      'Abschluss\tAbschluss|NOUN:m',
      'Abschluß\tAbschluß|NOUN:m',
      'Straße\tStraße|NOUN:f',
      'blosslegen\tbloßlegen|VERB',
      'bloßlegen\tbloßlegen|VERB',
      'muss\tmüssen|VERB',
      'muß\tmüssen|VERB',
    ]);
    // the variants add no lemma readings of their own
    expect(lemmas).toBe(5);
    // "muss" had its own reading at 0.1 and the variant of "muß" at 0 + 0.3: the best is kept
    const table2 = createFormTable(never);
    table2.add('muß', 'müssen', 'VERB', RANK.verb);
    table2.add('muss', 'mussen', 'VERB', 0.2);
    expect(lines(table2.finish().tsv)).toEqual(['muss\tmussen|VERB,müssen|VERB', 'muß\tmüssen|VERB']);
  });

  test('keys a separable verb’s split form verb form + "+" + particle', () => {
    const table = createFormTable(never);
    table.addSeparable('hört', 'auf', 'aufhören', RANK.verb);
    table.addSeparable('läßt', 'zu', 'zulassen', RANK.verb);
    expect(lines(table.finish().tsv)).toEqual([
      'hört+auf\taufhören|VERB',
      'lässt+zu\tzulassen|VERB',
      'läßt+zu\tzulassen|VERB',
    ]);
  });

  test('ignores missing or empty words; skips and counts those that would break the line format', () => {
    const table = createFormTable(never);
    table.add(undefined, 'helfen', 'VERB', RANK.verb);
    table.add('', 'helfen', 'VERB', RANK.verb);
    table.add('helfen', '', 'VERB', RANK.verb);
    table.add('Tab\there', 'Tab', 'NOUN', RANK.noun);
    table.add('a,b', 'a', 'OTHER', RANK.functionWord);
    table.add('x', 'y|z', 'OTHER', RANK.functionWord);
    table.add('auf+hören', 'aufhören', 'VERB', RANK.verb);
    table.addSeparable('', 'auf', 'aufhören', RANK.verb);
    table.addSeparable('hört', '', 'aufhören', RANK.verb);
    table.addSeparable('hört', 'a\nuf', 'aufhören', RANK.verb);
    expect(table.finish()).toEqual({ tsv: '\n', forms: 0, lemmas: 0, skipped: 7 });
  });

  test('writes what parseLexicon reads back, genders included', () => {
    const table = createFormTable(never);
    table.add('Verbündeten', 'Verbündeter', 'NOUN', RANK.noun, 'm');
    table.add('Verbündeten', 'Verbündete', 'NOUN', RANK.noun - 0.2, 'n');
    table.add('verbündeten', 'verbünden', 'VERB', RANK.verb);
    table.addSeparable('hört', 'auf', 'aufhören', RANK.verb);
    const parsed = parseLexicon(table.finish().tsv);
    expect(parsed.forms.get('Verbündeten')?.map((c) => `${c.lemma}|${c.pos}`)).toEqual([
      'Verbündete|NOUN',
      'Verbündeter|NOUN',
    ]);
    expect(parsed.nounGenders.get('Verbündeter')).toBe('m');
    expect(parsed.forms.get('hört+auf')?.[0]?.lemma).toBe('aufhören');
  });
});
