import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { lemmasOf, nounGender, nounLemmas, parseLexicon, separableKey } from './lexicon';
import type { Lexicon } from './types';

const TSV = [
  'Mächte\tMacht|NOUN:f',
  'Verbündeten\tVerbündete|NOUN:n,Verbündeter|NOUN:m,verbünden|VERB',
  'hört+auf\taufhören|VERB',
  'aufhört\taufhören|VERB',
  'dem\tder|OTHER',
  'groß\tgroß|ADJ',
  'Grat\tGrat|NOUN:m',
  'US-Dollar\tUS-Dollar|NOUN',
].join('\n');

describe('parseLexicon', () => {
  test('reads form → candidates, best first, source "lexicon"', () => {
    const lexicon = parseLexicon(TSV);
    expect(lexicon.forms.size).toBe(8);
    expect(lexicon.forms.get('Verbündeten')).toEqual([
      { lemma: 'Verbündete', pos: 'NOUN', source: 'lexicon' },
      { lemma: 'Verbündeter', pos: 'NOUN', source: 'lexicon' },
      { lemma: 'verbünden', pos: 'VERB', source: 'lexicon' },
    ]);
    expect(lexicon.forms.get('dem')).toEqual([{ lemma: 'der', pos: 'OTHER', source: 'lexicon' }]);
    expect(lexicon.forms.get('groß')).toEqual([{ lemma: 'groß', pos: 'ADJ', source: 'lexicon' }]);
  });

  test('reads the nouns\u2019 genders; a candidate without one has none', () => {
    const lexicon = parseLexicon(TSV);
    expect(nounGender(lexicon, 'Grat')).toBe('m');
    expect(nounGender(lexicon, 'Macht')).toBe('f');
    expect(nounGender(lexicon, 'Verbündete')).toBe('n');
    expect(nounGender(lexicon, 'US-Dollar')).toBeUndefined();
    expect(nounGender(lexicon, 'groß')).toBeUndefined();
    const handMade: Lexicon = { forms: new Map([['Grat', [{ lemma: 'Grat', pos: 'NOUN', source: 'lexicon' }]]]) };
    expect(nounGender(handMade, 'Grat')).toBeUndefined();
  });

  test('keys separable verb forms as form+particle', () => {
    const lexicon = parseLexicon(TSV);
    expect(separableKey('hört', 'auf')).toBe('hört+auf');
    expect(lexicon.forms.get(separableKey('hört', 'auf'))?.[0]?.lemma).toBe('aufhören');
    expect(lexicon.forms.get('aufhört')?.[0]?.lemma).toBe('aufhören');
  });

  test('shares and freezes equal candidates', () => {
    const lexicon = parseLexicon('hört+auf\taufhören|VERB\naufhört\taufhören|VERB');
    const a = lexicon.forms.get('hört+auf')![0]!;
    expect(lexicon.forms.get('aufhört')![0]).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });

  test('tolerates CRLF, blank and comment lines, unknown tags; skips malformed lines and duplicates', () => {
    const lexicon = parseLexicon(
      '# a comment\r\n\r\nHaus\tHaus|NOUN:n,Haus|NOUN:n\r\nohne-tab\nleer\t\nkaputt\t|NOUN,ok|XYZ:q\n\tNOUN|NOUN\nZeile\tZeile|NOUN:f',
    );
    expect([...lexicon.forms.keys()]).toEqual(['Haus', 'kaputt', 'Zeile']);
    expect(lexicon.forms.get('Haus')).toEqual([{ lemma: 'Haus', pos: 'NOUN', source: 'lexicon' }]);
    expect(lexicon.forms.get('kaputt')).toEqual([{ lemma: 'ok', pos: 'OTHER', source: 'lexicon' }]);
    expect(nounGender(lexicon, 'Zeile')).toBe('f');
  });

  test('an empty table is an empty lexicon', () => {
    expect(parseLexicon('').forms.size).toBe(0);
  });

  test('round-trips any well-formed table', () => {
    const text = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/[\t\n\r,|#]/.test(s) && !s.startsWith('#'));
    const pos = fc.constantFrom('NOUN', 'VERB', 'ADJ', 'OTHER');
    const row = fc.tuple(
      text,
      fc.uniqueArray(fc.tuple(text, pos), { minLength: 1, maxLength: 4, selector: ([l, p]) => `${l}|${p}` }),
    );
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: ([form]) => form, maxLength: 20 }), (rows) => {
        const lexicon = parseLexicon(
          rows.map(([form, cs]) => `${form}\t${cs.map(([l, p]) => `${l}|${p}`).join(',')}`).join('\n'),
        );
        expect(lexicon.forms.size).toBe(rows.length);
        for (const [form, cs] of rows) {
          expect(lexicon.forms.get(form)).toEqual(cs.map(([lemma, p]) => ({ lemma, pos: p, source: 'lexicon' })));
        }
      }),
    );
  });
});

describe('lemma sets', () => {
  test('nounLemmas and lemmasOf collect lemmas by part of speech', () => {
    const lexicon = parseLexicon(TSV);
    expect([...nounLemmas(lexicon)].sort()).toEqual(['Grat', 'Macht', 'US-Dollar', 'Verbündete', 'Verbündeter']);
    expect([...lemmasOf(lexicon, 'VERB')].sort()).toEqual(['aufhören', 'verbünden']);
    expect([...lemmasOf(lexicon, 'OTHER')]).toEqual(['der']);
  });
});
