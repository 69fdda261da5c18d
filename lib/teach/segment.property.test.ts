import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { extractDocument } from './extract.server';
import { normalizeWhitespace } from './plain-text';
import { segmentDocument } from './segment';
import { SOURCE_FORMATS } from './types';

// Nothing is lost or reordered between the input and the stored sentence groups (for text without
// clutter: bare numbers, agency tags or list markers are rightly removed or unwrapped), and extraction
// never throws, whatever it is given.

const WORDS = [
  'Die',
  'Regierung',
  'hat',
  'Peking',
  'gewarnt',
  'Dr.',
  'Müller',
  'z.',
  'B.',
  'Straße',
  'Öl',
  'über',
  'US-Beamte',
  '„Nein“',
  'sagte',
  'er',
  'am',
  'Februar',
  'etc.',
  'Jahr',
  'Ukraine',
];
const PUNCTUATION = ['', '', '', '.', ',', '!', '?', '…', ':', ';', '“', ')'];
const SPACE = [' ', ' ', ' ', '  ', '\t', '\u00a0', '\n'];

const word = fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...PUNCTUATION)).map(([w, p]) => w + p);
const paragraph = fc.array(fc.tuple(word, fc.constantFrom(...SPACE)), { minLength: 1, maxLength: 30 }).map((parts) =>
  parts
    .map(([w, s]) => w + s)
    .join('')
    .trim(),
);
/** Distinct paragraphs (repeats would rightly be dropped as duplicates), blank-line separated. */
const text = fc
  .uniqueArray(paragraph, { minLength: 1, maxLength: 8, selector: normalizeWhitespace })
  .chain((paragraphs) =>
    fc
      .array(fc.constantFrom('\n\n', '\n \n', '\r\n\r\n', '\n\n\n'), {
        minLength: paragraphs.length,
        maxLength: paragraphs.length,
      })
      .map((breaks) => paragraphs.map((p, i) => p + breaks[i]).join('')),
  );

const stored = (format: 'txt' | 'md' | 'paste', input: string) => {
  const doc = extractDocument(format, input);
  const { sections } = segmentDocument(doc);
  return {
    doc,
    joined: sections.flatMap((s) => [...(s.headingDe ? [s.headingDe] : []), ...s.paragraphs.flat()]).join(' '),
  };
};

describe('no text is lost or reordered', () => {
  test.each(['txt', 'paste', 'md'] as const)('%s', (format) => {
    fc.assert(
      fc.property(text, (input) => {
        const { doc, joined } = stored(format, input);
        expect(doc.removed).toEqual([]);
        expect(joined).toBe(normalizeWhitespace(input));
      }),
      { numRuns: 200 },
    );
  });

  test('md headings', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), paragraph), { minLength: 1, maxLength: 6 }), (blocks) => {
        const unique = [...new Map(blocks.map(([h, p]) => [normalizeWhitespace(p), [h, p] as const])).values()];
        const input = unique.map(([heading, p]) => (heading ? `# ${p.replace(/\n/g, ' ')}` : p)).join('\n\n');
        const expected = normalizeWhitespace(unique.map(([, p]) => p).join(' '));
        expect(stored('md', input).joined).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the importer never throws', () => {
  const tags = fc.constantFrom(
    '<p>',
    '</p>',
    '<br>',
    '<h2>',
    '</h2>',
    '<script>',
    '</script>',
    '<div class="x">',
    '</div>',
    '<!--',
    '-->',
    '<![CDATA[',
    '<',
    '>',
    '&amp;',
    '&#0;',
    '<style>',
    '</style>',
    '<table><tr><td>',
    '<svg><foreignObject>',
    '<ul><li>',
  );
  const htmlish = fc.array(fc.oneof(tags, fc.string(), word), { maxLength: 40 }).map((parts) => parts.join(''));
  const anything = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), htmlish);

  test.each(SOURCE_FORMATS)('%s', (format) => {
    fc.assert(
      fc.property(anything, (input) => {
        const { sections } = segmentDocument(extractDocument(format, input));
        for (const section of sections) for (const p of section.paragraphs) for (const g of p) expect(g.trim()).toBe(g);
      }),
      { numRuns: format === 'html' || format === 'docx' ? 60 : 300 },
    );
  });
});
