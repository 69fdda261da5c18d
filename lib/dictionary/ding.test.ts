import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dingKey, dingKeys, isDingComment, parseDingLine } from './ding';

const rows = (line: string) => parseDingLine(line, 7).map((s) => [s.key, s.german, s.english]);
const keys = (line: string) => parseDingLine(line, 1).map((s) => s.key);

describe('parseDingLine', () => {
  test('one sense per German synonym of each sub-sense, aligned with its English sub-sense', () => {
    const line =
      'Maschine {f}; Werkzeugmaschine {f} | Maschinen {pl}; Werkzeugmaschinen {pl} :: machine; machine tool | machines; machine tools';
    expect(parseDingLine(line, 42)).toEqual([
      { key: 'maschine', german: 'Maschine {f}; Werkzeugmaschine {f}', english: 'machine; machine tool', line: 42 },
      {
        key: 'werkzeugmaschine',
        german: 'Maschine {f}; Werkzeugmaschine {f}',
        english: 'machine; machine tool',
        line: 42,
      },
      {
        key: 'maschinen',
        german: 'Maschinen {pl}; Werkzeugmaschinen {pl}',
        english: 'machines; machine tools',
        line: 42,
      },
      {
        key: 'werkzeugmaschinen',
        german: 'Maschinen {pl}; Werkzeugmaschinen {pl}',
        english: 'machines; machine tools',
        line: 42,
      },
    ]);
  });

  test('verb forms and phrases are senses of their own', () => {
    expect(
      rows(
        'aufhören {vi} | aufhörend | aufgehört | er/sie hört auf | mit etw. aufhören :: to stop | stopping | stopped | he/she stops | to stop doing sth.',
      ),
    ).toEqual([
      ['aufhören', 'aufhören {vi}', 'to stop'],
      ['aufhörend', 'aufhörend', 'stopping'],
      ['aufgehört', 'aufgehört', 'stopped'],
      ['hört auf', 'er/sie hört auf', 'he/she stops'],
      ['mit etw. aufhören', 'mit etw. aufhören', 'to stop doing sth.'],
      ['aufhören', 'mit etw. aufhören', 'to stop doing sth.'],
    ]);
  });

  test('annotations of every kind stay in the text but not in the key', () => {
    expect(rows('Grat {m} (Bergkamm) [geogr.] | Grate {pl} :: ridge; arête [geogr.] | ridges')).toEqual([
      ['grat', 'Grat {m} (Bergkamm) [geogr.]', 'ridge; arête [geogr.]'],
      ['grate', 'Grate {pl}', 'ridges'],
    ]);
    expect(rows('Europäische Union {f} /EU/ [pol.] :: European Union /EU/')).toEqual([
      ['europäische union', 'Europäische Union {f} /EU/ [pol.]', 'European Union /EU/'],
      ['eu', 'Europäische Union {f} /EU/ [pol.]', 'European Union /EU/'],
    ]);
  });

  test('"; " inside an annotation does not split synonyms, and brackets nest', () => {
    expect(keys('Waffenstillstand {m} (Krieg; Konflikt) :: ceasefire')).toEqual(['waffenstillstand']);
    expect(keys('Ausfuhr {f} (von Waren (aller Art); Export) [econ.]; Export {m} :: export')).toEqual([
      'ausfuhr',
      'export',
    ]);
  });

  test('a key appears once per sub-sense', () => {
    expect(keys('Lieferkette {f}; Liefer(ungs)kette {f} | Lieferketten {pl} :: supply chain | supply chains')).toEqual([
      'lieferkette',
      'lieferketten',
    ]);
  });

  test('a sub-sense with an empty side is left out, the rest of the line stays aligned', () => {
    expect(rows('Beistand {m} | militärischer Beistand ::  | military assistance')).toEqual([
      ['militärischer beistand', 'militärischer Beistand', 'military assistance'],
    ]);
    expect(rows(' | paralleles Faltblatt {n} ::  | parallel sheet')).toEqual([
      ['paralleles faltblatt', 'paralleles Faltblatt {n}', 'parallel sheet'],
    ]);
  });

  test('Windows line ends and a byte order mark are tolerated', () => {
    expect(rows('\uFEFFDrohne {f} | Drohnen {pl} :: drone | drones\r')).toEqual([
      ['drohne', 'Drohne {f}', 'drone'],
      ['drohnen', 'Drohnen {pl}', 'drones'],
    ]);
  });

  test.each([
    ['a comment', '# Version :: devel 2023-01-30'],
    ['a blank line', '   '],
    ['no separator', 'dies ist keine Zeile im Ding-Format'],
    ['two separators', 'Panzer {m} :: tank :: Panzer'],
    ['sides that do not align', 'Panzer {m} | Panzer {pl} :: tank'],
    ['a side without its separator space', 'Panzer {m} ::tank'],
    ['no headword, only annotations', '(Gattung unbekannt) [zool.] :: unknown genus'],
  ])('%s gives no sense', (_, line) => {
    expect(parseDingLine(line, 1)).toEqual([]);
  });

  test('isDingComment tells comments and blank lines from entries', () => {
    expect(['# x', '  # x', '', ' \t', '\uFEFF# header'].map(isDingComment)).toEqual([true, true, true, true, true]);
    expect(['Grat {m} :: ridge', 'kein Eintrag', '(x) :: y'].map(isDingComment)).toEqual([false, false, false]);
  });
});

describe('dingKey', () => {
  test.each([
    ['Maschine {f}', 'maschine'],
    ['Werkzeugmaschinen {pl}', 'werkzeugmaschinen'],
    ['Grat {m} (beim Schärfen) [mach.]', 'grat'],
    ['Drohne {f} (ferngesteuertes, unbemanntes Luftfahrzeug (Militär)) [mil.]', 'drohne'],
    ['Nordatlantikvertrags-Organisation {f} /NATO/', 'nordatlantikvertrags-organisation'],
    ['zum Beispiel /z. B./', 'zum beispiel'],
    ['öffnende eckige Klammer /[/', 'öffnende eckige klammer'],
    ['Liefer(ungs)kette {f}', 'lieferkette'],
    ['  den   Rubikon  überschreiten [übtr.] ', 'den rubikon überschreiten'],
    ['STRASSE', 'strasse'],
    ['GROẞE Straße', 'große straße'],
  ])('%s → %s', (german, key) => {
    expect(dingKey(german)).toBe(key);
  });

  test('leading placeholders of verb phrases are dropped, other words stay', () => {
    expect(dingKey('jdm. etw. liefern {vt}')).toBe('liefern');
    expect(dingKey('jdn./etw. prüfen')).toBe('prüfen');
    expect(dingKey('sich zurückziehen {vr}')).toBe('zurückziehen');
    expect(dingKey('ich/er/sie hörte auf')).toBe('hörte auf');
    expect(dingKey('mit etw. aufhören')).toBe('mit etw. aufhören');
    expect(dingKey('sich')).toBe('sich');
    expect(dingKey('Sie fuhren nach Hause.')).toBe('sie fuhren nach hause.');
  });

  test('slashes between words are text, not abbreviations', () => {
    expect(dingKey('er/sie ist/war gefahren')).toBe('ist/war gefahren');
    expect(dingKey('Ski/Schi fahren')).toBe('ski/schi fahren');
    expect(dingKey('per Autostopp fahren / reisen')).toBe('per autostopp fahren / reisen');
  });

  test('decomposed umlauts give the same key as composed ones', () => {
    expect(dingKey('Ru\u0308ckschlag')).toBe('rückschlag');
    expect(dingKey('Ru\u0308ckschlag')).toBe(dingKey('Rückschlag'));
  });

  test('an unclosed bracket is plain text; nothing but annotations is empty', () => {
    expect(dingKey('runde Klammer (')).toBe('runde klammer (');
    expect(dingKey('{f} [pol.] (nur Text)')).toBe('');
  });
});

describe('dingKeys', () => {
  test('a headword is also found by its abbreviations', () => {
    expect(dingKeys('Vereinigte Staaten {pl} von Amerika /USA/ /US/ (Kfz: /USA/) [geogr.]')).toEqual([
      'vereinigte staaten von amerika',
      'usa',
    ]);
    expect(dingKeys('Nordatlantikvertrags-Organisation {f} /NATO/')).toEqual([
      'nordatlantikvertrags-organisation',
      'nato',
    ]);
  });

  test('two-letter codes of places are not keys: they would answer "in" and "am"', () => {
    expect(dingKeys('Indien {n} /IN/ [geogr.]')).toEqual(['indien']);
    expect(dingKeys('Europäische Union {f} /EU/ [pol.]')).toEqual(['europäische union', 'eu']);
  });

  test('abbreviations that are no words (/z. B./, /[/) are not keys', () => {
    expect(dingKeys('zum Beispiel /z. B./')).toEqual(['zum beispiel']);
    expect(dingKeys('öffnende eckige Klammer /[/')).toEqual(['öffnende eckige klammer']);
  });

  test('a verb phrase with its object first is also found by the bare verb', () => {
    expect(dingKeys('zu etw. beitragen {vi}')).toEqual(['zu etw. beitragen', 'beitragen']);
    expect(dingKeys('sich an etw. gewöhnen {vr}')).toEqual(['an etw. gewöhnen', 'gewöhnen']);
    expect(dingKeys('den Rubikon überschreiten')).toEqual(['den rubikon überschreiten']);
    expect(dingKeys('{f} [pol.]')).toEqual([]);
  });
});

describe('properties', () => {
  const dingish = fc
    .array(
      fc.constantFrom(
        'Maschine',
        'Grat',
        'aufhören',
        'Rückschlag',
        'jdm.',
        'etw.',
        'sich',
        'er/sie',
        'Straße',
        ' ',
        ' :: ',
        ' | ',
        '; ',
        '{f}',
        '{pl}',
        '[pol.]',
        '(',
        ')',
        '[',
        ']',
        '{',
        '}',
        '/',
        '/NATO/',
        '#',
        '\r',
        '\uFEFF',
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join(''));

  test('never throws; every sense has a lower-case, trimmed, non-empty key and both sides', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), dingish), fc.integer({ min: 1 }), (line, lineNumber) => {
        for (const sense of parseDingLine(line, lineNumber)) {
          expect(sense.key).not.toBe('');
          expect(sense.key).toBe(sense.key.toLowerCase());
          expect(sense.key).toBe(sense.key.trim());
          expect(sense.german).not.toBe('');
          expect(sense.english).not.toBe('');
          expect(sense.line).toBe(lineNumber);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('dingKey never throws and is lower-case and trimmed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), dingish), (german) => {
        const key = dingKey(german);
        expect(key).toBe(key.toLowerCase());
        expect(key).toBe(key.trim());
      }),
    );
  });
});
