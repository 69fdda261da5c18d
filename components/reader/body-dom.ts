import type { StoredToken } from '@/lib/annotation/tokens';
import type { VocabularyStatus } from '@/lib/vocabulary/status';
import { HINT_ID } from './article-sections';

// The article body is server HTML that React does not manage in the browser (docs/decisions/
// 046-article-text-sent-once.md): what changes in it while the learner reads — the current sentence,
// German only's reveal buttons, words coloured by status, an assignment's focus terms, an editor's
// note opened — is done here, on the DOM, in the same markup the server would have rendered.

/** The sentences and section headings, in reading order. */
export const itemsOf = (body: HTMLElement) => [...body.querySelectorAll<HTMLElement>('[data-anchor]')];

/** The pill buttons that follow a sentence in the tab order while it is the current one. */
const companionsOf = (item: HTMLElement) =>
  item.closest('.group')?.querySelectorAll<HTMLElement>(':scope > .reveal, :scope > .note > .note__marker') ?? [];

function setCurrent(item: HTMLElement, current: boolean) {
  item.tabIndex = current ? 0 : -1;
  if (current) item.setAttribute('aria-describedby', HINT_ID);
  else item.removeAttribute('aria-describedby');
  for (const term of item.querySelectorAll<HTMLElement>('button.term')) {
    if (current) term.removeAttribute('tabindex');
    else term.tabIndex = -1;
  }
  for (const button of companionsOf(item)) button.tabIndex = current ? 0 : -1;
}

/** Makes `item` the one sentence (or heading) in the tab order, with its terms and buttons (roving tabindex). */
export function makeCurrent(body: HTMLElement, item: HTMLElement) {
  const previous = body.querySelector<HTMLElement>('[data-anchor][tabindex="0"]');
  if (previous === item) return;
  if (previous) setCurrent(previous, false);
  setCurrent(item, true);
}

/** German only: a button after each German sentence reveals its English; other layouts have none. */
export function showRevealButtons(body: HTMLElement, show: boolean, labels: { show: string; hide: string }) {
  for (const button of body.querySelectorAll('button.reveal')) button.remove();
  if (!show) return;
  for (const de of body.querySelectorAll<HTMLElement>('.group > .de')) {
    const anchor = de.dataset.anchor ?? '';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'reveal';
    button.setAttribute('aria-controls', `en-${anchor}`);
    button.dataset.reveal = anchor;
    button.tabIndex = de.tabIndex === 0 ? 0 : -1;
    labelReveal(button, de.parentElement!.classList.contains('revealed'), labels);
    de.after(button);
  }
}

function labelReveal(button: HTMLElement, revealed: boolean, labels: { show: string; hide: string }) {
  button.setAttribute('aria-expanded', String(revealed));
  button.textContent = revealed ? labels.hide : labels.show;
}

/** A reveal button pressed: its sentence's English shows or hides (and stays so across layouts). */
export function toggleReveal(button: HTMLElement, labels: { show: string; hide: string }) {
  const group = button.closest('.group');
  if (!group) return;
  labelReveal(button, group.classList.toggle('revealed'), labels);
}

/** Says of each glossary term that it opens a card, once the island is there to open it. */
export function announceCards(body: HTMLElement) {
  for (const term of body.querySelectorAll('button.term')) term.setAttribute('aria-haspopup', 'dialog');
}

/** An assignment's focus terms, marked apart from the other glossary terms. */
export function markFocusTerms(body: HTMLElement, lemmas: ReadonlySet<string>) {
  for (const term of body.querySelectorAll<HTMLElement>('button.term')) {
    const focus = lemmas.has(term.dataset.term ?? '');
    term.classList.toggle('term--focus', focus);
    if (focus) term.dataset.focus = 'true';
    else delete term.dataset.focus;
  }
}

/** The coloured words of a body: each lemma's word spans, to restatus them without a walk. */
export type Colouring = Map<string, HTMLElement[]>;

/**
 * Wraps each word of a sentence (or heading) in `<span class="w">`, as SentenceText does with a
 * colouring: a word split across elements (a term's button and the rest of its compound) gets a span
 * in each. The text is unchanged, so offsets into it stay valid; spans are inline and only coloured,
 * so nothing moves.
 */
export function wrapWords(container: HTMLElement, tokens: readonly StoredToken[], into: Colouring) {
  const texts: Text[] = [];
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
  let at = 0;
  let first = 0; // the first token that does not end before this text node
  for (const text of texts) {
    const from = at;
    const to = (at += text.data.length);
    while (first < tokens.length && tokens[first]![1] <= from) first++;
    const pieces: Node[] = [];
    let cursor = from;
    for (let index = first; index < tokens.length && tokens[index]![0] < to; index++) {
      const [start, end, lemma] = tokens[index]!;
      if (end <= cursor) continue;
      const wordStart = Math.max(start, cursor);
      const wordEnd = Math.min(end, to);
      if (wordStart > cursor) pieces.push(document.createTextNode(text.data.slice(cursor - from, wordStart - from)));
      const word = document.createElement('span');
      word.className = 'w';
      word.textContent = text.data.slice(wordStart - from, wordEnd - from);
      pieces.push(word);
      const spans = into.get(lemma);
      if (spans) spans.push(word);
      else into.set(lemma, [word]);
      cursor = wordEnd;
    }
    if (!pieces.length) continue;
    if (cursor < to) pieces.push(document.createTextNode(text.data.slice(cursor - from)));
    text.replaceWith(...pieces);
  }
}

/** Colours every wrapped word by its lemma's status (unknown when the learner has none). */
export function showStatuses(colouring: Colouring, statuses: Readonly<Record<string, VocabularyStatus>>) {
  for (const [lemma, spans] of colouring) {
    const status = Object.hasOwn(statuses, lemma) ? statuses[lemma]! : 'unknown';
    for (const span of spans) if (span.dataset.status !== status) span.dataset.status = status;
  }
}

/** Takes the word spans out again (signed out): the text as the server rendered it. */
export function unwrapWords(body: HTMLElement) {
  const parents = new Set<Node>();
  for (const span of body.querySelectorAll('span.w')) {
    parents.add(span.parentNode!);
    span.replaceWith(...span.childNodes);
  }
  for (const parent of parents) parent.normalize();
}

/** Space kept between an editor's note and its marker or the screen's edge. */
const GAP = 8;

/**
 * An editor's note opened or closed (the native popover's `toggle` event): the marker says so, the
 * close button is a tab stop only while open, the open note sits below its marker (above it when there
 * is no room) inside the screen, and a closed note gives focus back to its marker.
 */
export function noteToggled(popover: HTMLElement, opened: boolean) {
  const marker = popover.parentElement?.querySelector<HTMLElement>('.note__marker');
  const close = popover.querySelector<HTMLElement>('.popover__close');
  marker?.setAttribute('aria-expanded', String(opened));
  if (close) close.tabIndex = opened ? 0 : -1;
  if (opened && marker) {
    const at = marker.getBoundingClientRect();
    const below = at.bottom + GAP + popover.offsetHeight <= window.innerHeight;
    popover.style.top = `${Math.max(GAP, below ? at.bottom + GAP : at.top - GAP - popover.offsetHeight)}px`;
    popover.style.left = `${Math.max(GAP, Math.min(at.left, document.documentElement.clientWidth - popover.offsetWidth - GAP))}px`;
  } else if (!opened && (popover.contains(document.activeElement) || document.activeElement === document.body)) {
    marker?.focus();
  }
}
