import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { encodeLexicon, parseLexicon } from './lexicon';
import { decodeLexiconTable, type NounGender } from './lexicon-table';
import type { LemmaCandidate, PartOfSpeech } from './types';

const TSV = [
  'Mächte\tMacht|NOUN:f',
  'Verbündeten\tVerbündete|NOUN:n,Verbündeter|NOUN:m,verbünden|VERB',
  'hört+auf\taufhören|VERB',
  'aufhört\taufhören|VERB',
  'dem\tder|OTHER',
  'Krieg\tKrieg|NOUN',
  'Kriege\tKrieg|NOUN:m',
  'groß\tgroß|ADJ',
].join('\n');

/** The table as a plain Map, read the obvious way: what the compact table must answer. */
function referenceMap(tsv: string): Map<string, LemmaCandidate[]> {
  const map = new Map<string, LemmaCandidate[]>();
  for (const line of tsv.split('\n')) {
    if (!line) continue;
    const [form, list] = line.split('\t') as [string, string];
    const candidates: LemmaCandidate[] = [];
    for (const raw of list.split(',')) {
      const [lemma, tag] = raw.split('|') as [string, string];
      const pos = tag.split(':')[0] as PartOfSpeech;
      if (!candidates.some((c) => c.lemma === lemma && c.pos === pos))
        candidates.push({ lemma, pos, source: 'lexicon' });
    }
    map.set(form, candidates);
  }
  return map;
}

describe('the compact table', () => {
  test('answers every form as a Map of the same lines does, in the same order', () => {
    const table = decodeLexiconTable(encodeLexicon(TSV));
    const reference = referenceMap(TSV);
    expect(table.forms.size).toBe(reference.size);
    for (const [form, candidates] of reference) {
      expect(table.forms.has(form)).toBe(true);
      expect(table.forms.get(form)).toEqual(candidates);
    }
    expect([...table.forms.keys()]).toEqual([...reference.keys()]);
    expect([...table.forms.values()]).toEqual([...reference.values()]);
    expect([...table.forms]).toEqual([...reference]);
  });

  test('misses what it lacks: other case, a prefix, an extension, the empty string, a lemma that is no form', () => {
    const { forms } = parseLexicon(TSV);
    for (const miss of ['mächte', 'Mächt', 'Mächtee', '', 'hört', 'auf', 'Macht', 'verbünden']) {
      expect(forms.get(miss)).toBeUndefined();
      expect(forms.has(miss)).toBe(false);
    }
  });

  test('keys separable verbs form+particle', () => {
    const { forms } = parseLexicon(TSV);
    expect(forms.get('hört+auf')).toEqual([{ lemma: 'aufhören', pos: 'VERB', source: 'lexicon' }]);
  });

  test('keeps a noun lemma’s first gender, also when an earlier line gave it none', () => {
    const { nounGenders } = parseLexicon(TSV);
    expect(nounGenders.get('Macht')).toBe('f');
    expect(nounGenders.get('Verbündete')).toBe('n');
    expect(nounGenders.get('Verbündeter')).toBe('m');
    expect(nounGenders.get('Krieg')).toBe('m');
    expect(nounGenders.get('verbünden')).toBeUndefined();
    expect(nounGenders.get('Frieden')).toBeUndefined();
  });

  test('hands out one frozen object per candidate', () => {
    const { forms } = parseLexicon(TSV);
    const first = forms.get('Verbündeten')![0]!;
    expect(Object.isFrozen(first)).toBe(true);
    expect(forms.get('Verbündeten')![0]).toBe(first);
    expect(forms.get('aufhört')![0]).toBe(forms.get('hört+auf')![0]);
  });

  test('reads bytes that do not start at a multiple of 4 (a copy) and refuses other bytes', () => {
    const bytes = encodeLexicon(TSV);
    const shifted = new Uint8Array(bytes.byteLength + 1);
    shifted.set(bytes, 1);
    expect(decodeLexiconTable(shifted.subarray(1)).forms.get('dem')?.[0]?.lemma).toBe('der');
    expect(() => decodeLexiconTable(new TextEncoder().encode(TSV))).toThrow('npm run text:build-lexicon');
    expect(() => decodeLexiconTable(new Uint8Array(3))).toThrow('npm run text:build-lexicon');
    expect(() => decodeLexiconTable(bytes.subarray(0, bytes.byteLength - 4))).toThrow('truncated');
  });

  test('round trip: any table of lines reads back as the Map of the same lines', () => {
    const word = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).filter((s) => !/[\t\n\r,|:#+]/.test(s));
    const candidate = fc.record({
      lemma: word,
      pos: fc.constantFrom<PartOfSpeech>('NOUN', 'VERB', 'ADJ', 'OTHER'),
      gender: fc.constantFrom<NounGender | ''>('', 'm', 'f', 'n'),
    });
    const line = fc.tuple(word, fc.array(candidate, { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(fc.uniqueArray(line, { selector: ([form]) => form, maxLength: 40 }), fc.string(), (lines, miss) => {
        const tsv = lines
          .map(
            ([form, list]) =>
              `${form}\t${list.map((c) => `${c.lemma}|${c.pos}${c.pos === 'NOUN' && c.gender ? `:${c.gender}` : ''}`).join(',')}`,
          )
          .join('\n');
        const table = decodeLexiconTable(encodeLexicon(tsv));
        const reference = referenceMap(tsv);
        expect([...table.forms]).toEqual([...reference]);
        expect(table.forms.get(miss)).toEqual(reference.get(miss));
        const genders = new Map<string, NounGender>();
        for (const [, list] of lines)
          for (const c of list)
            if (c.pos === 'NOUN' && c.gender && !genders.has(c.lemma)) genders.set(c.lemma, c.gender);
        for (const [, list] of lines)
          for (const c of list) expect(table.nounGenders.get(c.lemma)).toBe(genders.get(c.lemma));
      }),
    );
  });
});

describe('walks of the compact table', () => {
  test('lemmasOf answers as a Set collected from a walk of the forms, in the same order', () => {
    const table = decodeLexiconTable(encodeLexicon(TSV));
    const reference = referenceMap(TSV);
    for (const pos of ['NOUN', 'VERB', 'ADJ', 'OTHER'] as const) {
      const expected = new Set([...reference.values()].flat().flatMap((c) => (c.pos === pos ? [c.lemma] : [])));
      const lemmas = table.lemmasOf(pos);
      expect([...lemmas]).toEqual([...expected]);
      expect(lemmas.size).toBe(expected.size);
      for (const lemma of ['Macht', 'Verbündete', 'verbünden', 'aufhören', 'der', 'Krieg', 'groß', 'Mächte', ''])
        expect(lemmas.has(lemma)).toBe(expected.has(lemma));
    }
  });

  test('a walk meets every form whole, also forms longer than a decoded run and runs ending inside a form', () => {
    const forms = Array.from({ length: 4_000 }, (_, i) => `Form${'ä'.repeat(i % 17)}${i}`);
    forms.splice(1_500, 0, `Lang${'x'.repeat(40_000)}`);
    const tsv = forms.map((form) => `${form}\t${form}|NOUN`).join('\n');
    const table = decodeLexiconTable(encodeLexicon(tsv));
    expect([...table.forms.keys()]).toEqual(forms);
    expect([...table.forms].map(([form, [candidate]]) => [form, candidate?.lemma])).toEqual(forms.map((f) => [f, f]));
  });
});
