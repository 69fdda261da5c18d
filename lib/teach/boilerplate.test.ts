import { describe, expect, test } from 'vitest';
import { classifyBlock, removeBoilerplate } from './boilerplate';

describe('boilerplate', () => {
  test.each([
    ['Anzeige', 'advertisement'],
    ['Werbung', 'advertisement'],
    ['Folgen Sie uns auf Twitter', 'social'],
    ['Diese Website verwendet Cookies. Akzeptieren', 'cookie-banner'],
    ['Newsletter abonnieren', 'subscription'],
    ['Lesezeit: 4 Minuten', 'metadata'],
    ['Kommentar schreiben', 'comments'],
    ['* * *', 'empty'],
  ] as const)('%s → %s', (text, reason) => {
    expect(classifyBlock(text)).toBe(reason);
  });

  test.each([
    'Die Werbung für Rüstungsgüter ist in Deutschland streng geregelt.',
    'Die Regierung hat den Newsletter der Botschaft eingestellt, sagte ein Sprecher.',
    'RUSSEN RUFEN ZU HAUSE AN: Mehr als 2.000 abgefangene Anrufe russischer Soldaten zeichnen ein düsteres Bild.',
    '– PATRICK KYHOS wurde zum Büro des National Cyber Director des Weißen Hauses ernannt.',
    'Von Berlin aus reiste der Kanzler weiter nach Peking.',
  ])('article text is kept: %s', (text) => {
    expect(classifyBlock(text)).toBeNull();
  });

  test('repeats keep their first occurrence; a sponsored run ends at the next kicker', () => {
    const p = (text: string) => ({ kind: 'paragraph' as const, text });
    const { blocks, removed } = removeBoilerplate([
      p('Ein Satz.'),
      p('Eine Nachricht von Beispiel AG:'),
      p('Wir bauen die Zukunft.'),
      p('NEUES THEMA: Ein echter Satz.'),
      p('Ein Satz.'),
    ]);
    expect(blocks.map((b) => b.text)).toEqual(['Ein Satz.', 'NEUES THEMA: Ein echter Satz.']);
    expect(removed.map((r) => r.reason)).toEqual(['advertisement', 'advertisement', 'duplicate']);
  });
});
