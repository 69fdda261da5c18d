import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import type { Segment } from '@/lib/articles/segments';
import { SentenceText } from './sentence-text';

const html = (segments: Segment[], colour = false) =>
  renderToStaticMarkup(
    <p>
      <SentenceText
        segments={segments}
        colouring={
          colour
            ? {
                tokens: [
                  [5, 9, 'dies', 'OTHER'],
                  [12, 15, 'rot', 'ADJ'],
                  [16, 21, 'Linie', 'NOUN'],
                ],
                statuses: {},
              }
            : undefined
        }
      />
    </p>,
  );
const term = (text: string, partial = false): Segment => ({ type: 'term', text, term: text, partial });
const plain = (text: string): Segment => ({ type: 'text', text });

describe('SentenceText', () => {
  test('an opening „ and the closing “ stay on the term’s line (no „ stranded at a line end)', () => {
    const out = html([plain('als „'), term('rote Linie'), plain('“ in')]);
    expect(out).toMatch(/<span class="nobr">„<button[^>]*>rote Linie<\/button>“<\/span> in/);
    expect(out.replace(/<[^>]+>/g, '')).toBe('als „rote Linie“ in');
  });

  test('a term inside a compound keeps the rest of the word on its line', () => {
    const out = html([plain('Die Waffen'), term('lieferungen', true), plain(', sagt')]);
    expect(out).toContain('Die <span class="nobr">Waffen<button');
    expect(out).toContain('lieferungen</button>,</span> sagt');
  });

  test('a term between spaces needs no wrapper', () => {
    expect(html([plain('Die '), term('Linie'), plain(' hält')])).not.toContain('nobr');
  });

  test('coloured words keep their offsets across the joined characters', () => {
    const out = html([plain('Ist „dies“ „'), term('rot Linie'), plain('“')], true);
    expect(out.replace(/<[^>]+>/g, '')).toBe('Ist „dies“ „rot Linie“');
    expect(out).toContain('<span class="w" data-status="unknown">dies</span>');
    expect(out).toContain('<span class="w" data-status="unknown">rot</span>');
    expect(out).toContain('<span class="w" data-status="unknown">Linie</span>');
  });

  test('term buttons leave the tab order when asked', () => {
    const out = renderToStaticMarkup(<SentenceText segments={[term('Linie')]} termsTabbable={false} />);
    expect(out).toContain('tabindex="-1"');
  });
});
