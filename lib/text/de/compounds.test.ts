import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseLexicon } from '../lexicon';
import type { CompoundPart } from '../types';
import { createCompoundSplitter } from './compounds';

// Noun lemmas with the forms the tests need, in the table's format.
const nouns: Record<string, string[]> = {
  Verteidigung: [],
  Industrie: [],
  Basis: [],
  Werkzeug: [],
  Maschine: ['Maschinen'],
  Import: ['Importe'],
  Elektronik: [],
  Stellvertreter: [],
  Vertreter: [],
  Krieg: ['Kriegs'],
  Sicherheit: [],
  Studie: ['Studien'],
  Anstrengung: ['Anstrengungen'],
  Ballon: [],
  Rakete: ['Raketen'],
  Abwehr: [],
  Architektur: [],
  Handel: ['Handels'],
  Druck: [],
  Regierung: [],
  Chef: ['Chefs'],
  Bund: [],
  Kanzler: [],
  Bundeskanzler: [],
  Woche: ['Wochen'],
  Ende: [],
  Wochenende: [],
  Minister: [],
  Außenminister: [],
  Luft: [],
  Waffe: ['Waffen'],
  Experte: [],
  Luftwaffenexperte: [],
  Pilot: ['Piloten'],
  Zug: [],
  Partner: [],
  Schaft: [],
  Partnerschaft: [],
  Zurück: [],
  Haltung: [],
  Zurückhaltung: [],
  Flug: [],
  Zeuge: ['Zeugen'],
  Flugzeug: ['Flugzeugen'],
  Hilfe: [],
  Paket: [],
  Land: ['Länder'],
  Spiel: [],
  Gruppe: ['Gruppen'],
  Ukraine: [],
  Verbündete: ['Verbündeten'],
  Preisgünstige: [],
  Preis: [],
  Günstige: [],
  Bad: [],
};
const TSV = [
  ...Object.entries(nouns).flatMap(([lemma, forms]) => [lemma, ...forms].map((form) => `${form}\t${lemma}|NOUN`)),
  'entgleisen\tentgleisen|VERB',
  'schwimmen\tschwimmen|VERB',
  'hoch\thoch|ADJ',
  'ausgegeben\tausgeben|VERB',
  'preisgünstige\tpreisgünstig|ADJ',
  'günstige\tgünstig|ADJ',
  'verbündete\tverbündet|ADJ',
].join('\n');

const split = createCompoundSplitter(parseLexicon(TSV));
/** The gold notation: lemmas joined by "+", a linking element in parentheses. */
const show = (parts: readonly CompoundPart[] | null) =>
  parts
    ? parts.map((p, i) => (i === parts.length - 1 ? p.lemma : `${p.lemma}${p.link ? `(${p.link})` : ''}`)).join('+')
    : '-';

describe('splits', () => {
  test.each([
    ['Verteidigungsindustriebasis', 'Verteidigung(s)+Industrie+Basis'],
    ['Werkzeugmaschinen', 'Werkzeug+Maschine'],
    ['Stellvertreterkrieg', 'Stellvertreter+Krieg'],
    ['Sicherheitsstudien', 'Sicherheit(s)+Studie'],
    ['Kriegsanstrengungen', 'Krieg(s)+Anstrengung'],
    ['Raketenabwehrarchitektur', 'Rakete(n)+Abwehr+Architektur'],
    ['Handelsdruck', 'Handel(s)+Druck'],
    ['Regierungschefs', 'Regierung(s)+Chef'],
    ['Länderspiel', 'Land(er)+Spiel'],
    ['Hilfspaket', 'Hilfe(s)+Paket'],
  ])('%s → %s', (word, expected) => {
    expect(show(split(word))).toBe(expected);
  });

  test('parts carry their surface with the linking element; the surfaces make the word', () => {
    expect(split('Verteidigungsindustriebasis')).toEqual([
      { surface: 'Verteidigungs', lemma: 'Verteidigung', link: 's' },
      { surface: 'industrie', lemma: 'Industrie', link: '' },
      { surface: 'basis', lemma: 'Basis', link: '' },
    ]);
    expect(split('Werkzeugmaschinen')).toEqual([
      { surface: 'Werkzeug', lemma: 'Werkzeug', link: '' },
      { surface: 'maschinen', lemma: 'Maschine', link: '' },
    ]);
  });

  test('an unknown first part is kept whole when nothing else fits', () => {
    expect(show(split('Mikroelektronikimporte'))).toBe('Mikroelektronik+Import');
    expect(show(split('Spionageballon'))).toBe('Spionage+Ballon');
    expect(show(split('Hacktivistengruppen'))).toBe('Hacktivist(en)+Gruppe');
    expect(show(split('Vorkriegsgruppen'))).toBe('Vorkrieg(s)+Gruppe');
    // too short to be trusted: an unknown part under 6 letters, a head under 5
    expect(split('Desinbasis')).toBeNull();
    expect(split('Schiefelbad')).toBeNull();
  });

  test('a modifier the table attests in its own compounds is one part', () => {
    // "Luftwaffenexperte" attests Luftwaffe, so not Luft + Waffe(n) + Pilot
    expect(show(split('Luftwaffenpiloten'))).toBe('Luftwaffe(n)+Pilot');
  });

  test('adjectives and verb stems as modifiers, an -ung noun of a known verb as head', () => {
    expect(show(split('Hochbasis'))).toBe('hoch+Basis');
    expect(show(split('Schwimmballon'))).toBe('schwimmen+Ballon');
    expect(show(split('Zugentgleisung'))).toBe('Zug+Entgleisung');
  });
});

describe('known words', () => {
  test('split only into plain nouns when transparent', () => {
    expect(show(split('Bundeskanzler'))).toBe('Bund(es)+Kanzler');
    expect(show(split('Wochenende'))).toBe('Woche(n)+Ende');
    expect(show(split('Außenminister'))).toBe('außen+Minister');
  });

  test('the head must end the word\u2019s own lemma: Flugzeugen is no Flug + Zeuge', () => {
    expect(split('Flugzeugen')).toBeNull();
  });

  test.each(['Regierung', 'Sicherheit', 'Verbündeten', 'Partnerschaft', 'Zurückhaltung', 'Preisgünstige'])(
    '%s stays whole',
    (word) => {
      expect(split(word)).toBeNull();
    },
  );
});

describe('not split', () => {
  test.each([
    ['Beamte', 'shorter than 8 letters'],
    ['Ukraine', 'shorter than 8 letters'],
    ['Ausgegeben', 'a capitalised verb form'],
    ['werkzeugmaschinen', 'lowercase'],
    ['WERKZEUGMASCHINEN', 'all capitals'],
    ['US-Werkzeugmaschinen', 'hyphenated'],
    ['Russland', 'a country name'],
    ['Qwertzuiop', 'no known part'],
  ])('%s (%s)', (word) => {
    expect(split(word)).toBeNull();
  });
});

describe('invariants', () => {
  const parts = ['Krieg', 'Basis', 'Waffe', 'Druck', 'Industrie', 'Rakete', 'Abwehr', 'Ballon', 'Sicherheit', 'Handel'];
  const links = ['', 's', 'n', 'en', 'es', 'e', 'er', 'ns', 'ens'];
  const words = fc
    .array(fc.tuple(fc.constantFrom(...parts), fc.constantFrom(...links)), { minLength: 1, maxLength: 4 })
    .map((ps) => ps.map(([p, l], i) => (i === 0 ? p : p.toLowerCase()) + (i === ps.length - 1 ? '' : l)).join(''));

  test('surfaces concatenate to the word; links are Fugen; each surface ends with its link', () => {
    fc.assert(
      fc.property(words, (word) => {
        const found = split(word);
        if (!found) return;
        expect(found.length).toBeGreaterThan(1);
        expect(found.map((p) => p.surface).join('')).toBe(word);
        for (const p of found) {
          expect(links).toContain(p.link);
          expect(p.surface.toLowerCase().endsWith(p.link)).toBe(true);
        }
      }),
    );
  });

  test('a compound of known nouns with valid links is split', () => {
    expect(show(split('Raketenabwehrballon'))).toBe('Rakete(n)+Abwehr+Ballon');
  });

  test('results are fresh copies, and each splitter reads its own table', () => {
    const first = split('Handelsdruck')!;
    first[0]!.lemma = 'x';
    expect(split('Handelsdruck')![0]!.lemma).toBe('Handel');
    const other = createCompoundSplitter(parseLexicon('Handel\tHandel|NOUN'));
    expect(other('Handelsdruck')).toBeNull();
  });
});
