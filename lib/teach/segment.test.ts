import { expect, test } from 'vitest';
import { segmentDocument, sentencesOf } from './segment';

test('each sentence becomes a group; headings start sections', () => {
  const doc = segmentDocument({
    blocks: [
      { kind: 'paragraph', text: 'Einleitung ohne Überschrift. Zweiter Satz.' },
      { kind: 'heading', text: 'Teil eins' },
      { kind: 'paragraph', text: 'Dr. Müller kam am 6. Februar. Er blieb!' },
      { kind: 'heading', text: 'Leere Überschrift' },
    ],
  });
  expect(doc.sections).toEqual([
    { headingDe: null, paragraphs: [['Einleitung ohne Überschrift.', 'Zweiter Satz.']] },
    { headingDe: 'Teil eins', paragraphs: [['Dr. Müller kam am 6. Februar.', 'Er blieb!'], ['Leere Überschrift']] },
  ]);
});

test('sentences keep every character of the paragraph', () => {
  const text = '„Absolut.“ Ich würde — sagte er — beginnen… Ja? 2.000 Soldaten.';
  expect(sentencesOf(text).join(' ')).toBe(text);
});
