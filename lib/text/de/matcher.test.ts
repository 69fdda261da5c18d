import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseLexicon } from '../lexicon';
import { createCompoundSplitter } from './compounds';
import { createLemmatizer } from './lemmatizer';
import { createTermMatcher } from './matcher';
import { splitSentences } from './sentences';
import { tokenize } from './tokenizer';

// A tiny lemma table in the build format; the real one is measured by tests/text/gold.test.ts.
const lexicon = parseLexicon(`
rote\trot|ADJ
roten\trot|ADJ
rot\trot|ADJ
Linie\tLinie|NOUN:f
Linien\tLinie|NOUN:f
Fahne\tFahne|NOUN:f
überschreiten\tüberschreiten|VERB
überschreitet\tüberschreiten|VERB
überschritten\tüberschreiten|VERB
hat\thaben|VERB
die\tder|OTHER
den\tder|OTHER
der\tder|OTHER
einen\tein|OTHER
einem\tein|OTHER
Rubikon\tRubikon|NOUN:m
Keil\tKeil|NOUN:m
zwischen\tzwischen|OTHER
treiben\ttreiben|VERB
treibt\ttreiben|VERB
aufhören\taufhören|VERB
aufgehört\taufhören|VERB
hört+auf\taufhören|VERB
hört\thören|VERB
auf\tauf|OTHER
Werkzeug\tWerkzeug|NOUN:n
Maschine\tMaschine|NOUN:f
Maschinen\tMaschine|NOUN:f
Werkzeugmaschine\tWerkzeugmaschine|NOUN:f
Export\tExport|NOUN:m
Exporte\tExport|NOUN:m
Krieg\tKrieg|NOUN:m
Stellvertreter\tStellvertreter|NOUN:m
Stellvertreterkriegs\tStellvertreterkrieg|NOUN:m
Stellvertreterkrieg\tStellvertreterkrieg|NOUN:m
`);
const lemmatize = createLemmatizer(lexicon);
const deps = { lexicon, lemmatize, splitCompound: createCompoundSplitter(lexicon), tokenize, splitSentences };
const GLOSSARY = [
  'rote Linie',
  'die rote Linie überschreiten',
  'den Rubikon überschreiten',
  'einen Keil zwischen … treiben',
  'aufhören',
  'Werkzeugmaschine',
  'Stellvertreterkrieg',
];
const matcher = createTermMatcher(
  GLOSSARY.map((lemma) => ({ lemma })),
  deps,
);
const found = (text: string) => matcher.match(text).map((m) => `${m.kind}:${m.surface}=${m.term}`);

describe('glossary matching', () => {
  test('any inflected form', () => {
    expect(found('Es gibt keine roten Linien.')).toEqual(['phrase:roten Linien=rote Linie']);
    expect(found('Das Ende des Stellvertreterkriegs.')).toEqual(['word:Stellvertreterkriegs=Stellvertreterkrieg']);
  });

  test('an idiom whose verb moves; the longer match wins over the phrase inside it', () => {
    expect(found('Peking hat die rote Linie nicht überschritten.')).toEqual([
      'phrase:rote Linie nicht überschritten=die rote Linie überschreiten',
    ]);
    expect(found('China überschreitet die rote Linie.')).toEqual([
      'phrase:überschreitet die rote Linie=die rote Linie überschreiten',
    ]);
  });

  test('articles in entries are optional; an explicit … slot takes a few words', () => {
    expect(found('Er will Rubikon überschreiten.')).toEqual(['phrase:Rubikon überschreiten=den Rubikon überschreiten']);
    expect(found('Peking treibt einen Keil zwischen Europa und die USA.')).toEqual([
      'phrase:treibt einen Keil zwischen=einen Keil zwischen … treiben',
    ]);
  });

  test('separable verbs, split and joined', () => {
    expect(found('Peking hört damit nicht auf.')).toEqual(['separable:hört damit nicht auf=aufhören']);
    expect(found('Peking hat aufgehört.')).toEqual(['word:aufgehört=aufhören']);
    expect(found('Peking hört auf Washington.')).toEqual([]);
  });

  test('a term inside a compound is a partial match on its letters', () => {
    expect(found('Die Werkzeugmaschinenexporte steigen.')).toEqual(['compound-part:Werkzeugmaschine=Werkzeugmaschine']);
  });

  test('never across a sentence boundary, and no near misses', () => {
    expect(found('Das Tuch ist rote. Linie zwei fährt nicht.')).toEqual([]);
    expect(found('Das ist die rote Linie. Peking wird sie nicht überschreiten.')).toEqual([
      'phrase:rote Linie=rote Linie',
    ]);
    expect(found('Eine rote Fahne und die Linie.')).toEqual([]);
  });
});

describe('matcher properties', () => {
  const germanish = fc
    .array(
      fc.constantFrom(
        'die',
        'rote',
        'Linie',
        'roten',
        'Linien',
        'hört',
        'auf',
        'überschreitet',
        'Rubikon',
        'Werkzeugmaschinenexporte',
        '.',
        ',',
        '„',
        '“',
        ' ',
        '\n\n',
      ),
      { maxLength: 40 },
    )
    .map((w) => w.join(' '));

  test('offsets slice the text back, on any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), germanish), (text) => {
        for (const m of matcher.match(text)) {
          expect(text.slice(m.start, m.end)).toBe(m.surface);
          expect(GLOSSARY).toContain(m.term);
        }
      }),
    );
  });

  test('deterministic: the same input gives the same output, also from a fresh matcher', () => {
    const fresh = createTermMatcher(
      GLOSSARY.map((lemma) => ({ lemma })),
      deps,
    );
    fc.assert(
      fc.property(germanish, (text) => {
        expect(matcher.match(text)).toEqual(fresh.match(text));
        expect(matcher.match(text)).toEqual(matcher.match(text));
      }),
    );
  });
});
