import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { lexiconBinaryPath, lexiconPath, loadLexicon } from '@/lib/annotation/queries.server';
import { createCompoundSplitter, createLemmatizer, nounGender, type ParsedLexicon } from '@/lib/text';

// The real lemma table (built by scripts/build-lexicon.ts at install time) on forms from the seed
// articles. Prints the table's load time and size once; asserts no timings.
let lexicon: ParsedLexicon;
let lemmatize: ReturnType<typeof createLemmatizer>;

beforeAll(() => {
  const started = performance.now();
  lexicon = loadLexicon();
  const ms = performance.now() - started;
  const mb = fs.statSync(lexiconBinaryPath()).size / 1e6;
  console.info(`lemma table: ${lexicon.forms.size} forms, ${mb.toFixed(1)} MB, loaded in ${ms.toFixed(0)} ms`);
  lemmatize = createLemmatizer(lexicon);
});

describe('the loader', () => {
  test('reads the generated table from node_modules/.cache, once', () => {
    expect(lexiconPath()).toBe(path.resolve('node_modules/.cache/lesebruecke/lexicon-de.tsv'));
    expect(lexiconBinaryPath()).toBe(path.resolve('node_modules/.cache/lesebruecke/lexicon-de.bin'));
    expect(loadLexicon()).toBe(lexicon);
    expect(lexicon.forms.size).toBeGreaterThan(300_000);
  });

  test('is the one home of the path, under any project root (the build script writes there)', () => {
    expect(lexiconPath('/srv/app')).toBe(path.resolve('/srv/app/node_modules/.cache/lesebruecke/lexicon-de.tsv'));
  });

  describe('without the table', () => {
    afterEach(() => {
      vi.restoreAllMocks();
      vi.resetModules();
    });

    test('says how to build it', async () => {
      const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'lesebruecke-lexicon-'));
      vi.spyOn(process, 'cwd').mockReturnValue(empty);
      vi.resetModules();
      const fresh = await import('@/lib/annotation/queries.server');
      expect(() => fresh.loadLexicon()).toThrow('lemma table missing: run "npm run text:build-lexicon"');
    });
  });
});

describe('the table file', () => {
  test('is sorted by form, one well-formed line per form', () => {
    const lines = fs.readFileSync(lexiconPath(), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const wellFormed =
      /^[^\t]+\t[^\t,|]+\|(?:NOUN(?::[mfn])?|VERB|ADJ|OTHER)(?:,[^\t,|]+\|(?:NOUN(?::[mfn])?|VERB|ADJ|OTHER))*$/;
    const bad: string[] = [];
    let previous = '';
    for (const line of lines) {
      const form = line.slice(0, line.indexOf('\t'));
      if (!wellFormed.test(line) || !(form > previous)) bad.push(line);
      previous = form;
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });
});

describe('the compact binary the loader reads', () => {
  test('answers a sample of the text table’s lines, misses and genders as the text says', () => {
    const lines = fs.readFileSync(lexiconPath(), 'utf8').trimEnd().split('\n');
    expect(lexicon.forms.size).toBe(lines.length);
    const genders = new Map<string, string>();
    for (const [index, line] of lines.entries()) {
      const [form, list] = line.split('\t') as [string, string];
      const candidates = list.split(',').map((raw) => raw.split(/[|:]/) as [string, string, string?]);
      for (const [lemma, pos, gender] of candidates)
        if (pos === 'NOUN' && gender && !genders.has(lemma)) genders.set(lemma, gender);
      if (index % 101 !== 0) continue;
      expect(lexicon.forms.get(form)).toEqual(candidates.map(([lemma, pos]) => ({ lemma, pos, source: 'lexicon' })));
      expect(lexicon.forms.has(`${form}#`)).toBe(false);
    }
    for (const [index, [lemma, gender]] of [...genders].entries())
      if (index % 53 === 0) expect(nounGender(lexicon, lemma)).toBe(gender);
  });
});

describe('real forms from the seed articles', () => {
  test.each([
    // nouns: plural, case, umlaut plural, nominalised adjectives
    ['Mächte', 'Macht', 'NOUN'],
    ['Streitkräfte', 'Streitkraft', 'NOUN'],
    ['Drohnen', 'Drohne', 'NOUN'],
    ['Ländern', 'Land', 'NOUN'],
    ['Jahres', 'Jahr', 'NOUN'],
    ['Verbündeten', 'Verbündete', 'NOUN'],
    ['Beamte', 'Beamte', 'NOUN'],
    ['RUSSEN', 'Russe', 'NOUN'],
    ['Importe', 'Import', 'NOUN'],
    // compounds and hyphenated words
    ['Werkzeugmaschinen', 'Werkzeugmaschine', 'NOUN'],
    ['Mikroelektronikimporte', 'Mikroelektronikimport', 'NOUN'],
    ['Stellvertreterkriegs', 'Stellvertreterkrieg', 'NOUN'],
    ['Verteidigungsindustriebasis', 'Verteidigungsindustriebasis', 'NOUN'],
    ['US-Beamte', 'US-Beamte', 'NOUN'],
    ['F-16-Kampfflugzeuge', 'F-16-Kampfflugzeug', 'NOUN'],
    ['Russlands', 'Russland', 'NOUN'],
    ['Moskaus', 'Moskau', 'NOUN'],
    // adjectives: positive, comparative, superlative
    ['europäischen', 'europäisch', 'ADJ'],
    ['größten', 'groß', 'ADJ'],
    ['ehrgeizigsten', 'ehrgeizig', 'ADJ'],
    ['bahnbrechendsten', 'bahnbrechend', 'ADJ'],
    ['kriegerischste', 'kriegerisch', 'ADJ'],
    ['höchsten', 'hoch', 'ADJ'],
    ['hochrangiger', 'hochrangig', 'ADJ'],
    // verbs: regular, strong, auxiliaries, participles, separable
    ['sagten', 'sagen', 'VERB'],
    ['half', 'helfen', 'VERB'],
    ['geholfen', 'helfen', 'VERB'],
    ['hätten', 'haben', 'VERB'],
    ['wurde', 'werden', 'VERB'],
    ['müsste', 'müssen', 'VERB'],
    ['zunahm', 'zunehmen', 'VERB'],
    ['auszuüben', 'ausüben', 'VERB'],
    ['aufgehört', 'aufhören', 'VERB'],
    // function words
    ['Die', 'der', 'OTHER'],
    ['uns', 'wir', 'OTHER'],
    ['einen', 'ein', 'OTHER'],
  ])('%s → %s (%s)', (word, lemma, pos) => {
    expect(lemmatize(word)[0]).toMatchObject({ lemma, pos });
  });

  test('separable verbs are keyed form+particle', () => {
    expect(lexicon.forms.get('hört+auf')?.[0]?.lemma).toBe('aufhören');
    expect(lexicon.forms.get('übt+aus')?.[0]?.lemma).toBe('ausüben');
    expect(lexicon.forms.get('aufhört')?.[0]?.lemma).toBe('aufhören');
  });

  test('nouns carry their gender', () => {
    expect(nounGender(lexicon, 'Krieg')).toBe('m');
    expect(nounGender(lexicon, 'Maschine')).toBe('f');
    expect(nounGender(lexicon, 'Werkzeug')).toBe('n');
  });

  test('compounds split over the real table', () => {
    const split = createCompoundSplitter(lexicon);
    const show = (word: string) =>
      split(word)
        ?.map((p) => p.lemma + (p.link ? `(${p.link})` : ''))
        .join('+') ?? '-';
    expect(show('Verteidigungsindustriebasis')).toBe('Verteidigung(s)+Industrie+Basis');
    expect(show('Werkzeugmaschinen')).toBe('Werkzeug+Maschine');
    expect(show('Mikroelektronikimporte')).toBe('Mikroelektronik+Import');
    expect(show('Stellvertreterkrieg')).toBe('Stellvertreter+Krieg');
    expect(show('Spionageballon')).toBe('Spionage+Ballon');
    expect(show('Raketenabwehrarchitektur')).toBe('Rakete(n)+Abwehr+Architektur');
    expect(show('Bundeskanzler')).toBe('Bund(es)+Kanzler');
    for (const word of ['Regierung', 'Verbündeten', 'Sicherheit', 'Ukraine', 'Partnerschaft'])
      expect(show(word)).toBe('-');
  });
});
