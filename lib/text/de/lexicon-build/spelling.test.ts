import { describe, expect, test } from 'vitest';
import { hasOldSz, reformSz } from './spelling';

describe('old ß spelling', () => {
  test.each([
    ['muß', true, 'muss'],
    ['mußte', true, 'musste'],
    ['läßt', true, 'lässt'],
    // the letters do not show a compound's seam: the ß before the vowel of "Ufer" stays
    ['Flußufer', false, 'Flußufer'],
    ['Schlußstrich', true, 'Schlussstrich'],
    ['Straße', false, 'Straße'],
    ['großen', false, 'großen'],
    ['groß', true, 'gross'],
    ['Fuß+ball', true, 'Fuss+ball'],
    ['sagen', false, 'sagen'],
  ])('%s: old %s, reformed %s', (word, old, reformed) => {
    expect(hasOldSz(word)).toBe(old);
    expect(reformSz(word)).toBe(reformed);
  });

  test('every ß before a consonant or at the end is reformed, one before a vowel kept', () => {
    expect(reformSz('Meßgefäß')).toBe('Messgefäss');
    expect(reformSz('Grußbuße')).toBe('Grussbuße');
  });
});
