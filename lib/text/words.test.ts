import { expect, test } from 'vitest';
import { countWords } from './words';

test.each([
  ['', 0],
  ['Die Ukraine hat ihre ersten Rückschläge erlitten.', 7],
  ['900 Millionen US-Dollar an Werkzeugmaschinen', 5],
  ['Mehr als 2.000 abgefangene Anrufe, 11:30 Uhr, F-16-Kampfflugzeuge', 8],
  ['„Absolut. Ich würde damit beginnen“, sagte Pence – am Mittwoch.', 9],
  ["King's College London", 3],
  ['— – … „“ ,', 0],
] as const)('%j has %i words', (text, expected) => {
  expect(countWords(text)).toBe(expected);
});
