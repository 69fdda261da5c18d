// @vitest-environment jsdom
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import type { StoredToken } from '@/lib/annotation/tokens';
import type { Segment } from '@/lib/articles/segments';
import {
  type Colouring,
  makeCurrent,
  markFocusTerms,
  showRevealButtons,
  showStatuses,
  toggleReveal,
  unwrapWords,
  wrapWords,
} from './body-dom';
import { SentenceText } from './sentence-text';

const term = (text: string, partial = false): Segment => ({ type: 'term', text, term: text, partial });
const plain = (text: string): Segment => ({ type: 'text', text });
// „rot Linie“ glued into one nobr span around the term button; Waffenlieferungen a term inside a compound.
const SEGMENTS: Segment[] = [
  plain('Ist „dies“ „'),
  term('rot Linie'),
  plain('“ und Waffen'),
  term('lieferungen', true),
];
const TOKENS: StoredToken[] = [
  [5, 9, 'dies', 'OTHER'],
  [12, 15, 'rot', 'ADJ'],
  [16, 21, 'Linie', 'NOUN'],
  [23, 26, 'und', 'OTHER'],
  [27, 44, 'Waffenlieferung', 'NOUN'],
];
const LABELS = { show: 'Show translation', hide: 'Hide translation' };

/** A sentence as the server renders it, in a body of two groups. */
function body(): HTMLElement {
  const sentence = renderToStaticMarkup(<SentenceText segments={SEGMENTS} termsTabbable={false} />);
  const groups = ['p1-s1', 'p1-s2'].map(
    (anchor) =>
      `<div class="group"><span id="${anchor}" class="de" data-anchor="${anchor}" tabindex="-1">${sentence}</span>` +
      `<span id="en-${anchor}" class="en">English.</span></div>`,
  );
  const root = document.createElement('div');
  root.append(...new DOMParser().parseFromString(groups.join(''), 'text/html').body.children);
  return root;
}

describe("the reader body's DOM enhancements", () => {
  test('words are wrapped exactly as SentenceText colours them, text and offsets unchanged', () => {
    const root = body();
    const sentence = root.querySelector<HTMLElement>('#p1-s1')!;
    const text = sentence.textContent;
    const spans: Colouring = new Map();
    wrapWords(sentence, TOKENS, spans);
    showStatuses(spans, { Linie: 'known' });
    const coloured = renderToStaticMarkup(
      <SentenceText
        segments={SEGMENTS}
        termsTabbable={false}
        colouring={{ tokens: TOKENS, statuses: { Linie: 'known' } }}
      />,
    );
    expect(sentence.innerHTML).toBe(coloured);
    expect(sentence.textContent).toBe(text);
    // The compound split by its term's button: one lemma, a span on each side.
    expect(spans.get('Waffenlieferung')?.map((span) => span.textContent)).toEqual(['Waffen', 'lieferungen']);

    showStatuses(spans, { Linie: 'learning-2', dies: 'known' });
    expect(sentence.querySelector('.w[data-status="learning-2"]')?.textContent).toBe('Linie');
    expect(sentence.querySelector('.w[data-status="known"]')?.textContent).toBe('dies');

    unwrapWords(root);
    expect(sentence.innerHTML).toBe(renderToStaticMarkup(<SentenceText segments={SEGMENTS} termsTabbable={false} />));
  });

  test('one sentence at a time is in the tab order, with its terms and buttons', () => {
    const root = body();
    const [first, second] = ['#p1-s1', '#p1-s2'].map((id) => root.querySelector<HTMLElement>(id)!);
    showRevealButtons(root, true, LABELS);
    makeCurrent(root, first!);
    makeCurrent(root, second!);
    expect([first!.tabIndex, second!.tabIndex]).toEqual([-1, 0]);
    expect(second!.getAttribute('aria-describedby')).toBe('reader-keys-hint');
    expect(first!.hasAttribute('aria-describedby')).toBe(false);
    expect([...first!.querySelectorAll('button.term')].every((b) => b.getAttribute('tabindex') === '-1')).toBe(true);
    expect([...second!.querySelectorAll('button.term')].some((b) => b.hasAttribute('tabindex'))).toBe(false);
    expect(root.querySelector<HTMLElement>('[data-reveal="p1-s2"]')!.tabIndex).toBe(0);
    expect(root.querySelector<HTMLElement>('[data-reveal="p1-s1"]')!.tabIndex).toBe(-1);
  });

  test('German only: a reveal button a sentence, which shows its English and says so', () => {
    const root = body();
    showRevealButtons(root, true, LABELS);
    const reveal = root.querySelector<HTMLElement>('button.reveal[data-reveal="p1-s1"]')!;
    expect(reveal.previousElementSibling?.id).toBe('p1-s1');
    expect(reveal.getAttribute('aria-controls')).toBe('en-p1-s1');
    toggleReveal(reveal, LABELS);
    expect(reveal.closest('.group')!.classList.contains('revealed')).toBe(true);
    expect([reveal.getAttribute('aria-expanded'), reveal.textContent]).toEqual(['true', 'Hide translation']);
    // Another layout and back: the sentence stays revealed.
    showRevealButtons(root, false, LABELS);
    expect(root.querySelectorAll('button.reveal')).toHaveLength(0);
    showRevealButtons(root, true, LABELS);
    expect(root.querySelector('[data-reveal="p1-s1"]')!.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('[data-reveal="p1-s2"]')!.getAttribute('aria-expanded')).toBe('false');
  });

  test("an assignment's focus terms are marked, and only they", () => {
    const root = body();
    markFocusTerms(root, new Set(['rot Linie']));
    const focused = [...root.querySelectorAll<HTMLElement>('button.term--focus')];
    expect(focused.map((b) => b.dataset.term)).toEqual(['rot Linie', 'rot Linie']);
    expect(root.querySelectorAll('[data-focus]')).toHaveLength(2);
    markFocusTerms(root, new Set());
    expect(root.querySelectorAll('.term--focus, [data-focus]')).toHaveLength(0);
  });
});
