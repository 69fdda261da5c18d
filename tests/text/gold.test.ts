import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadLexicon } from '@/lib/annotation/queries.server';
import { type CompoundPart, createGermanEngine, type GlossaryEntry } from '@/lib/text';

// The hand-checked gold set (tests/text/gold/README.md) measured against the real lemma table.
// Targets from the language-engine issue: lemmas ≥ 97 %, matches precision 100 % and recall ≥ 98 %,
// compounds ≥ 90 %. Each test prints its figure.
const GOLD = path.join(import.meta.dirname, 'gold');
const lines = (file: string) =>
  fs
    .readFileSync(path.join(GOLD, file), 'utf8')
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() && !l.startsWith('#'));
const glossary = JSON.parse(fs.readFileSync(path.join(GOLD, 'glossary.json'), 'utf8')) as GlossaryEntry[];
const engine = createGermanEngine(loadLexicon(), glossary);
const percent = (x: number) => `${(100 * x).toFixed(1)} %`;

type Expected = { term: string; start: number; end: number; part: boolean };
/** "Peking hat die [roten Linien]{rote Linie} …" → plain text and the marked spans. */
function parseMatchLine(line: string): { text: string; expected: Expected[] } {
  const expected: Expected[] = [];
  let text = '';
  const pattern = /\[([^\]]+)\]\{([^}|]+)(\|part)?\}/g;
  let last = 0;
  for (const m of line.matchAll(pattern)) {
    text += line.slice(last, m.index);
    expected.push({ term: m[2]!, start: text.length, end: text.length + m[1]!.length, part: Boolean(m[3]) });
    text += m[1]!;
    last = m.index! + m[0].length;
  }
  return { text: text + line.slice(last), expected };
}

function formatSplit(parts: readonly CompoundPart[] | null): string {
  if (!parts) return '-';
  return parts.map((p, i) => (i === parts.length - 1 ? p.lemma : `${p.lemma}${p.link ? `(${p.link})` : ''}`)).join('+');
}

describe('gold set', () => {
  test('has at least 200 hand-checked cases', () => {
    const total = lines('lemmas.tsv').length + lines('compounds.tsv').length + lines('matches.txt').length;
    console.info(`gold cases: ${total}`);
    expect(total).toBeGreaterThanOrEqual(200);
  });

  test('lemmas ≥ 97 %', () => {
    const misses: string[] = [];
    const cases = lines('lemmas.tsv');
    for (const line of cases) {
      const [surface, lemmas, pos] = line.split('\t') as [string, string, string | undefined];
      const best = engine.lemmatize(surface)[0];
      const ok = best !== undefined && lemmas.split('|').includes(best.lemma) && (!pos || best.pos === pos);
      if (!ok) misses.push(`${surface}: expected ${lemmas}/${pos ?? '?'}, got ${best?.lemma}/${best?.pos}`);
    }
    const accuracy = 1 - misses.length / cases.length;
    console.info(
      `lemma accuracy: ${percent(accuracy)} (${cases.length - misses.length}/${cases.length})${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`,
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.97);
  });

  test('compound splits ≥ 90 %', () => {
    const misses: string[] = [];
    const cases = lines('compounds.tsv');
    for (const line of cases) {
      const [word, expected] = line.split('\t') as [string, string];
      const got = formatSplit(engine.splitCompound(word));
      if (got !== expected.trim()) misses.push(`${word}: expected ${expected}, got ${got}`);
    }
    const accuracy = 1 - misses.length / cases.length;
    console.info(
      `compound accuracy: ${percent(accuracy)} (${cases.length - misses.length}/${cases.length})${misses.length ? `\n  ${misses.join('\n  ')}` : ''}`,
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.9);
  });

  test('glossary matches: precision 100 %, recall ≥ 98 %', () => {
    let expectedCount = 0;
    let predictedCount = 0;
    let correct = 0;
    const problems: string[] = [];
    for (const line of lines('matches.txt')) {
      const { text, expected } = parseMatchLine(line);
      const predicted = engine.annotate(text).flatMap((s) => s.matches);
      expectedCount += expected.length;
      predictedCount += predicted.length;
      for (const p of predicted) {
        const hit = expected.find((e) => e.start === p.start && e.end === p.end && e.term === p.term);
        if (hit && hit.part === (p.kind === 'compound-part')) correct++;
        else problems.push(`unexpected ${p.kind} [${p.surface}]{${p.term}} in: ${text}`);
      }
      for (const e of expected) {
        if (!predicted.some((p) => p.start === e.start && p.end === e.end && p.term === e.term))
          problems.push(`missed [${text.slice(e.start, e.end)}]{${e.term}} in: ${text}`);
      }
    }
    const precision = predictedCount ? correct / predictedCount : 1;
    const recall = expectedCount ? correct / expectedCount : 1;
    console.info(
      `matches: precision ${percent(precision)}, recall ${percent(recall)} (${correct} correct, ${predictedCount} found, ${expectedCount} expected)${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`,
    );
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(0.98);
  });
});
