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

describe('inline clutter of news pages', () => {
  test.each([
    ['Lesen Sie auch: Wehrpflicht – was die Koalition jetzt plant', 'teaser'],
    ['Mehr zum Thema', 'teaser'],
    ['Das könnte Sie auch interessieren', 'teaser'],
    ['Zum Thema:', 'teaser'],
    ['Dieser Artikel ist exklusiv für Abonnenten. Lesen Sie jetzt 4 Wochen gratis.', 'paywall'],
    ['Bereits Abonnent? Hier einloggen', 'paywall'],
    ['Die wichtigsten Nachrichten jeden Morgen im Newsletter „Briefing“. Hier abonnieren', 'subscription'],
    ['Kostenlos abonnieren: Der Politik-Newsletter – jeden Morgen um 6 Uhr.', 'subscription'],
    ['Anzeige Jetzt Festgeld sichern: 3,8 % Zinsen', 'advertisement'],
    ['Über den Autor: Max Muster ist Korrespondent in Brüssel.', 'author'],
    ['14:32 Uhr', 'timestamp'],
    ['Foto: Mindaugas Kulbis/dpa', 'caption'],
    ['© picture alliance / Thomas Frey', 'caption'],
    ['dpa/nk', 'metadata'],
  ] as const)('%s → %s', (text, reason) => {
    expect(classifyBlock(text)).toBe(reason);
  });

  test.each([
    'Zum Thema nukleare Teilhabe sagte der Experte, Deutschland müsse seine Rolle stärken.',
    'Der Text ist für die Verhandlungen in Brüssel entscheidend.',
    'Das Angebot der Regierung an die Industrie ist Teil einer größeren Strategie.',
    'Um 10:45 Uhr traf der Minister im Hauptquartier ein.',
    'Berlin (dpa) - Der Bundestag hat am Donnerstag den neuen Wehrdienst beschlossen.',
    'Die Partei wirbt seit Wochen um neue Abonnenten ihres Mitgliedermagazins.',
    '© 2025 Tagesblick Medien GmbH · Impressum · Datenschutz',
  ])('article text (or the site’s own copyright) is not inline clutter: %s', (text) => {
    expect(classifyBlock(text) ?? 'kept').not.toMatch(/^(teaser|paywall|subscription|author|timestamp|caption)$/);
  });

  test('a ticker entry loses its time, not its text; a label takes its follower', () => {
    const p = (text: string) => ({ kind: 'paragraph' as const, text });
    const { blocks, removed } = removeBoilerplate([
      p('13:05 Uhr: Die Sitzung hat begonnen.'),
      p('+++ 9.30 Uhr +++ Der Minister ist eingetroffen.'),
      p('Lesen Sie auch:'),
      p('Wehrpflicht: Was die Koalition plant'),
      p('Anzeige'),
      p('Jetzt Tagesgeld sichern bei der Beispielbank'),
      p('Anzeige'),
      p('Die Regierung hat die Pläne am Abend bestätigt.'),
    ]);
    expect(blocks.map((b) => b.text)).toEqual([
      'Die Sitzung hat begonnen.',
      'Der Minister ist eingetroffen.',
      'Die Regierung hat die Pläne am Abend bestätigt.',
    ]);
    expect(removed).toEqual([
      { text: '13:05 Uhr', reason: 'timestamp' },
      { text: '9.30 Uhr', reason: 'timestamp' },
      { text: 'Lesen Sie auch:', reason: 'teaser' },
      { text: 'Wehrpflicht: Was die Koalition plant', reason: 'teaser' },
      { text: 'Anzeige', reason: 'advertisement' },
      { text: 'Jetzt Tagesgeld sichern bei der Beispielbank', reason: 'advertisement' },
      { text: 'Anzeige', reason: 'advertisement' },
    ]);
  });
});
