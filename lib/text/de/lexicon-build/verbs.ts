import { type FormSink, RANK } from './form-table';
import type { GermanPosDict, VerbParadigm, VerbSlot } from './types';

// Verbs: the infinitive, the finite forms (indicative first, then subjunctive and imperative), the
// zu-infinitive and the participles. A separable verb adds its split main-clause forms keyed
// form+particle ("hört+auf" → aufhören: "er hört … auf") and its joined subordinate-clause forms
// ("…, dass er aufhört"), which rank a little lower. Verbs the package lists with a zu-infinitive
// only ("aufrechtzuerhalten") are conjugated through their base verb ("erhalten").

const TENSES = ['PRÄ', 'PRT', 'KJ1', 'KJ2'] as const;
const NUMBERS = ['S', 'P'] as const;
const PERSONS = ['1', '2', '3'] as const;
/** A separable verb's joined form ("aufhört") ranks this much after its split form ("hört+auf"). */
const JOINED = 0.1;

/** The rank of a finite form: indicative (PRÄ, PRT) before subjunctive (KJ1, KJ2). */
export function tenseRank(tense: (typeof TENSES)[number]): number {
  return tense === 'PRÄ' || tense === 'PRT' ? RANK.verb : RANK.verbVariant;
}

/** A separable slot's verb form and particle: ["hört", "auf"] → { form: "hört", particle: "auf" }. */
export function separableSlot(value: VerbSlot | undefined): { form: string; particle: string } | undefined {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string'
    ? { form: value[0], particle: value[1] }
    : undefined;
}

/**
 * A zu-infinitive's particle and base verb: "aufrechtzuerhalten" → aufrecht + erhalten. Undefined
 * without a particle of two letters or more before "zu" ("zu helfen", "zuzunehmen").
 */
export function splitZuInfinitive(zuInfinitive: string): { particle: string; base: string } | undefined {
  const at = zuInfinitive.indexOf('zu');
  return at < 2 ? undefined : { particle: zuInfinitive.slice(0, at), base: zuInfinitive.slice(at + 2) };
}

/** Adds one verb's paradigm: "half" → helfen, "hört+auf" and "aufhört" → aufhören. */
export function addVerb(sink: FormSink, lemma: string, info: VerbParadigm): void {
  sink.add(lemma, lemma, 'VERB', RANK.verb);
  sink.add(info.INF, lemma, 'VERB', RANK.verb);
  sink.add(info.EIZ, lemma, 'VERB', RANK.verbVariant);
  sink.add(info.PA1, lemma, 'VERB', RANK.presentParticiple);
  for (const form of info.PA2 ?? []) sink.add(form, lemma, 'VERB', RANK.pastParticiple);
  let particle = '';
  for (const tense of TENSES) {
    const rank = tenseRank(tense);
    for (const number of NUMBERS) {
      for (const person of PERSONS) {
        const value = info[tense]?.[number]?.[person];
        if (typeof value === 'string') {
          sink.add(value, lemma, 'VERB', rank);
          continue;
        }
        const separable = separableSlot(value);
        if (!separable) continue;
        particle = separable.particle;
        sink.addSeparable(separable.form, separable.particle, lemma, rank); // main clause: "hört … auf"
        sink.add(separable.particle + separable.form, lemma, 'VERB', rank + JOINED); // "…, dass er aufhört"
      }
    }
  }
  for (const number of NUMBERS) {
    const imperative = info.IMP?.[number];
    if (typeof imperative !== 'string') continue;
    // The package stores a separable imperative joined ("abbaue"); the text has "baue … ab".
    if (particle && imperative.startsWith(particle) && imperative.length > particle.length) {
      sink.addSeparable(imperative.slice(particle.length), particle, lemma, RANK.verbVariant);
    } else if (!particle) sink.add(imperative, lemma, 'VERB', RANK.verbVariant);
  }
}

/**
 * Adds a separable verb the package lists with its zu-infinitive only ("aufrechterhalten":
 * "aufrechtzuerhalten"), conjugated through its base verb: "erhält+aufrecht", "aufrechterhält",
 * "aufrechterhalten" (participle). Its finite forms rank like subjunctive ones. Does nothing for a
 * verb with finite forms or without a known base verb.
 */
export function addZuInfinitiveVerb(
  sink: FormSink,
  lemma: string,
  info: VerbParadigm,
  verbs: GermanPosDict['verbs'],
): void {
  if (!info.EIZ || info.PRÄ) return;
  const split = splitZuInfinitive(info.EIZ);
  if (!split || !lemma.startsWith(split.particle)) return;
  const { particle } = split;
  const base = Object.hasOwn(verbs, split.base) ? verbs[split.base] : undefined;
  if (!base?.PRÄ) return;
  for (const form of base.PA2 ?? []) sink.add(particle + form, lemma, 'VERB', RANK.pastParticiple);
  for (const tense of TENSES) {
    for (const number of NUMBERS) {
      for (const person of PERSONS) {
        const form = base[tense]?.[number]?.[person];
        if (typeof form !== 'string') continue;
        sink.addSeparable(form, particle, lemma, RANK.verbVariant);
        sink.add(particle + form, lemma, 'VERB', RANK.verbVariant + JOINED);
      }
    }
  }
}

/** Adds every verb: first each verb's own paradigm, then the zu-infinitive-only ones. */
export function addVerbs(sink: FormSink, verbs: GermanPosDict['verbs']): void {
  for (const [lemma, info] of Object.entries(verbs)) if (info) addVerb(sink, lemma, info);
  for (const [lemma, info] of Object.entries(verbs)) if (info) addZuInfinitiveVerb(sink, lemma, info, verbs);
}
