import fs from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import { loadLexicon } from '@/lib/annotation/queries.server';
import { extractCandidates, type TermCandidate } from '@/lib/text';

// Candidate extraction with the real lemma table and the seeded glossary, on a seeded article.
type Article = { sections: { heading: { de: string } | null; paragraphs: { de: string }[][] }[] };
const glossary = JSON.parse(fs.readFileSync('prisma/content/glossary.json', 'utf8')) as {
  lemma: string;
  variants: string[];
}[];

let texts: string[];
let candidates: TermCandidate[];
beforeAll(() => {
  const article = JSON.parse(
    fs.readFileSync('prisma/content/articles/chinas-kalkulation-waffenlieferungen.json', 'utf8'),
  ) as Article;
  texts = article.sections.flatMap((s) => [
    ...(s.heading ? [s.heading.de] : []),
    ...s.paragraphs.flatMap((p) => p.map((g) => g.de)),
  ]);
  candidates = extractCandidates(loadLexicon(), { texts, glossary });
});

const surfaces = (candidate: TermCandidate | undefined) =>
  candidate?.occurrences.map((o) => texts[o.text]!.slice(o.start, o.end));

test('finds domain compounds, phrases, Funktionsverbgefüge and moved particles', () => {
  const byLemma = new Map(candidates.map((c) => [c.lemma, c]));
  expect(byLemma.get('Sicherheitslage')).toMatchObject({ kind: 'noun', grammar: { gender: 'f' } });
  expect(surfaces(byLemma.get('chinesischer Spionageballon'))).toHaveLength(2);
  expect(byLemma.get('an die Öffentlichkeit bringen')).toMatchObject({ kind: 'phrase', keys: ['Öffentlichkeit'] });
  expect(surfaces(byLemma.get('ausbilden'))).toContain('bildet taiwanesische Truppen aus');
});

test('proposes nothing the approved glossary already has, and no names or numbers', () => {
  const approved = new Set(glossary.flatMap((e) => [e.lemma, ...e.variants]));
  expect(candidates.filter((c) => approved.has(c.lemma))).toEqual([]);
  expect(candidates.filter((c) => /\d/.test(c.lemma) || /^(?:China|Russland|Taiwan|USA|NATO)$/.test(c.lemma))).toEqual(
    [],
  );
});
