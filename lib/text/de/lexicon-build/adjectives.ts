import { type FormSink, RANK } from './form-table';
import type { AdjectiveParadigm, GermanPosDict } from './types';

// Adjectives: the lemma and its inflected forms of the positive degree (the package lists no other;
// comparatives and superlatives are left to the lemmatizer's degree rule, lib/text/de/lemmatizer.ts).

/** The inflected forms of an adjective's paradigm, in the package's order (with repeats). */
export function adjectiveForms(paradigm: AdjectiveParadigm | null | undefined): string[] {
  const forms: string[] = [];
  for (const articles of Object.values(paradigm ?? {})) {
    for (const genders of Object.values(articles ?? {})) {
      for (const form of Object.values(genders ?? {})) forms.push(form);
    }
  }
  return forms;
}

/** Adds every adjective: "großen" → groß. */
export function addAdjectives(sink: FormSink, adjectives: GermanPosDict['adjectives']): void {
  for (const [lemma, paradigm] of Object.entries(adjectives)) {
    sink.add(lemma, lemma, 'ADJ', RANK.adjective);
    for (const form of adjectiveForms(paradigm)) sink.add(form, lemma, 'ADJ', RANK.adjective);
  }
}
