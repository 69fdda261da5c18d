import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadLexicon } from '@/lib/annotation/queries.server';
import { createLemmatizer } from '@/lib/text';

// The command-line contracts other tools rely on, run exactly as documented. Each run starts npm and
// tsx and loads the lemma table: about 2.5 s on an idle 2-core machine and several times that on a busy
// one, hence the generous timeout. What depends on the lemmatizer and not on the command line is
// checked in-process, on the same table.
const ROOT = path.resolve(import.meta.dirname, '../..');
const PROCESS_TIMEOUT = 60_000;
const npm = (args: string[], input?: string) =>
  spawnSync('npm', ['run', '--silent', ...args], { cwd: ROOT, input, encoding: 'utf8' });

describe('npm run --silent text:annotate', { timeout: PROCESS_TIMEOUT }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesebruecke-cli-'));
  const glossary = path.join(dir, 'glossary.json');
  fs.writeFileSync(
    glossary,
    JSON.stringify([
      { lemma: 'rote Linie', note: 'extra fields are allowed' },
      { lemma: 'Werkzeugmaschine' },
      { lemma: 'aufhören' },
    ]),
  );

  test('prints one JSON object per match per line', () => {
    const text =
      'Peking hat die roten Linien nicht überschritten. Die Werkzeugmaschinenexporte steigen, und China hört damit nicht auf.';
    const result = npm(['text:annotate', '--', '--glossary', glossary], text);
    expect(result.status, result.stderr).toBe(0);
    const matches = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const m of matches) {
      expect(Object.keys(m)).toEqual(['term', 'start', 'end', 'surface', 'kind']);
      expect(text.slice(m.start as number, m.end as number)).toBe(m.surface);
    }
    expect(matches).toEqual([
      { term: 'rote Linie', start: 15, end: 27, surface: 'roten Linien', kind: 'phrase' },
      { term: 'Werkzeugmaschine', start: 53, end: 69, surface: 'Werkzeugmaschine', kind: 'compound-part' },
      { term: 'aufhören', start: 97, end: 117, surface: 'hört damit nicht auf', kind: 'separable' },
    ]);
  });

  test('no match prints nothing', () => {
    const result = npm(['text:annotate', '--', '--glossary', glossary], 'Die Linie ist rot.');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
  });

  test('a bad glossary file is refused with a reason', () => {
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ lemma: 'x' }));
    const result = npm(['text:annotate', '--', '--glossary', path.join(dir, 'bad.json')], 'Text');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/JSON array/);
  });
});

describe('npm run --silent text:lemma', () => {
  // What the command prints for a word: its lemmas from the real table, best first, each once.
  let lemmatize: ReturnType<typeof createLemmatizer>;
  beforeAll(() => {
    lemmatize = createLemmatizer(loadLexicon());
  });
  const lemmasOf = (word: string) => [...new Set(lemmatize(word).map((c) => c.lemma))];

  test.each([
    ['Werkzeugmaschinen', 'Werkzeugmaschine'],
    ['größten', 'groß'],
    ['half', 'helfen'],
    ['Stellvertreterkriegs', 'Stellvertreterkrieg'],
  ])('%s → %s first', (word, lemma) => {
    expect(lemmasOf(word)[0]).toBe(lemma);
  });

  test(
    'prints those lemmas, one per line, best first, each once, and nothing else',
    () => {
      // A word with several lemmas in the table (noun, verb, adjective), so order and each-once show.
      const out = execFileSync('npm', ['run', '--silent', 'text:lemma', '--', 'Verbündeten'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      const lemmas = out.trim().split('\n');
      expect(lemmas[0]).toBe('Verbündete');
      expect(new Set(lemmas).size).toBe(lemmas.length);
      expect(out).toBe(`${lemmasOf('Verbündeten').join('\n')}\n`);
      expect(lemmas.length).toBeGreaterThan(1);
    },
    PROCESS_TIMEOUT,
  );
});
