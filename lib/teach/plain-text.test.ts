import { describe, expect, test } from 'vitest';
import { looksBinary, markdownBlocks, textBlocks } from './plain-text';

describe('plain text', () => {
  test('blank lines separate paragraphs; single line breaks become spaces', () => {
    expect(textBlocks('Erste Zeile\nzweite Zeile.\r\n\r\n  \nNächster   Absatz.\n')).toEqual([
      { kind: 'paragraph', text: 'Erste Zeile zweite Zeile.' },
      { kind: 'paragraph', text: 'Nächster Absatz.' },
    ]);
  });

  test('binary input is recognised, German text is not', () => {
    expect(looksBinary('PK\u0003\u0004\u0000\u0000')).toBe(true);
    expect(looksBinary('\ufffd\ufffd\ufffd Gr\ufffd\ufffde')).toBe(true);
    expect(looksBinary('Größe, Maß und „Anführungszeichen“.\n\tEingerückt.')).toBe(false);
  });
});

describe('Markdown', () => {
  test('headings, paragraphs and list items, markup stripped', () => {
    const md = [
      '# Die **Lage** in Europa',
      '',
      'Ein *betonter* Satz mit [Link](https://example.org) und ![Bild](x.png) `Code`.',
      'Fortsetzung_mit_Unterstrich.',
      '',
      '- erster Punkt',
      '- zweiter Punkt',
      '',
      '> Ein Zitat.',
      '',
      'Untertitel',
      '---',
      '[ref]: https://example.org',
    ].join('\n');
    expect(markdownBlocks(md)).toEqual([
      { kind: 'heading', text: 'Die Lage in Europa' },
      { kind: 'paragraph', text: 'Ein betonter Satz mit Link und Code. Fortsetzung_mit_Unterstrich.' },
      { kind: 'paragraph', text: 'erster Punkt' },
      { kind: 'paragraph', text: 'zweiter Punkt' },
      { kind: 'paragraph', text: 'Ein Zitat.' },
      { kind: 'heading', text: 'Untertitel' },
    ]);
  });
});
