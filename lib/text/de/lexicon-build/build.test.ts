import { expect, test } from 'vitest';
import { createLemmatizer } from '../lemmatizer';
import { parseLexicon } from '../../lexicon';
import { buildLexiconTsv } from './build';
import type { GermanPosDict } from './types';

// A few entries of each package, in their shapes.
const DATA: GermanPosDict = {
  words: {
    Frage: { NOM: { SIN: 'Frage', PLU: 'Fragen' }, DAT: { SIN: 'Frage', PLU: 'Fragen' }, G: 'F' },
    Fragen: { NOM: { SIN: 'Fragen' }, GEN: { SIN: 'Fragens' }, G: 'N' },
    Jahr: { NOM: { SIN: 'Jahr', PLU: 'Jahre' }, GEN: { SIN: 'Jahrs', PLU: 'Jahre' }, G: 'N' },
    Abschluß: { NOM: { SIN: 'Abschluß', PLU: 'Abschlüsse' }, G: 'M' },
    Abschluss: { NOM: { SIN: 'Abschluss', PLU: 'Abschlüsse' }, G: 'M' },
  },
  adjectives: {
    geholfen: { NOM: { DEF: { M: 'geholfene' } } },
    entscheidend: { NOM: { DEF: { M: 'entscheidende' } } },
  },
  verbs: {
    fragen: { INF: 'fragen', PRÄ: { S: { '3': 'fragt' } } },
    helfen: { INF: 'helfen', PA2: ['geholfen'], PRT: { S: { '3': 'half' } } },
    entscheiden: { INF: 'entscheiden', PA1: 'entscheidend' },
    aufhören: { INF: 'aufhören', PRÄ: { S: { '3': ['hört', 'auf'] } }, EIZ: 'aufzuhören' },
    einen: { INF: 'einen' },
  },
};

const { tsv, forms, lemmas, skipped } = buildLexiconTsv(DATA);
const lines = tsv.split('\n');

test('builds the sorted table, candidates best first', () => {
  expect(lines.pop()).toBe('');
  expect(lines.filter((line) => !/^[^\t]+\t[^,]+\|OTHER$/.test(line))).toEqual([
    'Abschluss\tAbschluss|NOUN:m',
    'Abschluß\tAbschluß|NOUN:m',
    'Abschlüsse\tAbschluss|NOUN:m,Abschluß|NOUN:m',
    'Frage\tFrage|NOUN:f',
    'Fragen\tFrage|NOUN:f,Fragen|NOUN:n',
    'Fragene\tFragen|NOUN:n',
    'Fragenes\tFragen|NOUN:n',
    'Fragens\tFragen|NOUN:n',
    'Jahr\tJahr|NOUN:n',
    'Jahre\tJahr|NOUN:n',
    'Jahres\tJahr|NOUN:n',
    'Jahrs\tJahr|NOUN:n',
    'aufhören\taufhören|VERB',
    'aufhört\taufhören|VERB',
    'aufzuhören\taufhören|VERB',
    'einen\tein|OTHER,einen|VERB',
    'entscheiden\tentscheiden|VERB',
    'entscheidend\tentscheidend|ADJ,entscheiden|VERB',
    'entscheidende\tentscheidend|ADJ',
    'fragen\tfragen|VERB',
    'fragt\tfragen|VERB',
    'geholfen\thelfen|VERB,geholfen|ADJ',
    'geholfene\tgeholfen|ADJ',
    'half\thelfen|VERB',
    'helfen\thelfen|VERB',
    'hört+auf\taufhören|VERB',
  ]);
  expect(lines).toContain('dem\tder|OTHER');
  expect(lines).toContain('einschliesslich\teinschließlich|OTHER');
  expect([...lines].sort()).toEqual(lines);
  expect({ forms, skipped }).toEqual({ forms: lines.length, skipped: 0 });
  // 5 nouns, 2 adjectives, 5 verbs, 34 function words
  expect(lemmas).toBe(46);
});

test('the lemmatizer reads the table', () => {
  const lemmatize = createLemmatizer(parseLexicon(tsv));
  const best = (word: string) => lemmatize(word)[0];
  expect(best('Fragen')).toMatchObject({ lemma: 'Frage', pos: 'NOUN' });
  expect(best('fragt')).toMatchObject({ lemma: 'fragen', pos: 'VERB' });
  expect(best('Jahres')).toMatchObject({ lemma: 'Jahr', pos: 'NOUN' });
  expect(best('einen')).toMatchObject({ lemma: 'ein', pos: 'OTHER' });
  expect(best('Die')).toMatchObject({ lemma: 'der', pos: 'OTHER' });
  expect(best('geholfen')).toMatchObject({ lemma: 'helfen', pos: 'VERB' });
});
