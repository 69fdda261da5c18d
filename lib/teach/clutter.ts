import {
  AD_LABEL,
  AUTHOR_CUE,
  labelledFollower,
  NEWSLETTER_CUE,
  PAYWALL_CUE,
  PROMO,
  TEASER_CUE,
  words,
} from './boilerplate';
import { htmlBlocks, SKIP } from './html-blocks';
import type { RemovalReason } from './types';

// Inline clutter of a news page found in its markup, before Readability picks the article: boxes
// inside the article body (advertisements with their text, teasers for other articles, newsletter and
// paywall boxes, author boxes, photo captions) that Readability keeps because they sit among the
// paragraphs. An element is clutter on two kinds of evidence together, never on a class name alone:
// what its text says (German labels and calls to action, shared with ./boilerplate.ts), and its
// class/id hints (ad, teaser, related, newsletter, paywall, author, caption, credit …) backed by its
// shape (short, or made of links). Every rule is bounded by size: an element with more text than a
// box has is never clutter as a whole, only its parts may be. Pure: it reads the DOM it is given.

export type Clutter = { element: Element; reason: RemovalReason };

/** Characters of text beyond which an element is not looked at as a whole (a box has far fewer). */
const BOX_CHARS_MAX = 2_000;

type HintedReason = 'advertisement' | 'teaser' | 'subscription' | 'paywall' | 'caption' | 'author';
/** Class and id words that name a kind of box (whole words of the name: "ad-slot", "teaserBox"). */
const HINTS: Record<HintedReason, RegExp> = {
  advertisement:
    /^(?:ad|ads|adv|advert|adverts|advertisement|advertising|adslot|adunit|anzeige|anzeigen|werbung|sponsor|sponsored|promo|commercial|outbrain|taboola)$/u,
  teaser:
    /^(?:teaser|teasers|related|recommendation|recommendations|recommended|empfehlung|empfehlungen|readmore|readalso|weiterlesen|crosslink|crosslinks|linkbox|more)$/u,
  subscription: /^(?:newsletter|newsletters|subscribe|subscription|signup|optin|abo)$/u,
  paywall: /^(?:paywall|paywalled|paid|premium|plus|regwall|metered)$/u,
  caption: /^(?:caption|captions|figcaption|credit|credits|photocredit|bildunterschrift|bildnachweis|bildquelle)$/u,
  author: /^(?:author|authors|autor|autorin|autoren|authorbox|byline|bio|contributor)$/u,
};

/** What a box's words must also say when only its class says what it is. */
const HINT_TEXT: Partial<Record<HintedReason, RegExp>> = {
  subscription: /newsletter|abonn|anmeld|registrier|bestell|e-mail|postfach/iu,
  paywall: /abo\b|abonn|weiterlesen|zugang|testen|anmelden|einloggen|login|freischalten/iu,
};

/** The words of an element's class, id, role and aria-label ("c-teaser__box adSlot" → c, teaser, box, ad, slot). */
function hintWords(element: Element): string[] {
  const names = ['class', 'id', 'role', 'aria-label'].map((name) => element.getAttribute(name) ?? '').join(' ');
  return names
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Characters of text under each element (scripts, styles and media not counted), in one pass. */
function textLengths(root: Element): Map<Element, number> {
  const lengths = new Map<Element, number>();
  const count = (node: Node): number => {
    if (node.nodeType === 3) return (node.textContent ?? '').trim().length;
    if (node.nodeType !== 1 || SKIP.has(node.nodeName.toLowerCase())) return 0;
    let sum = 0;
    for (const child of Array.from(node.childNodes)) sum += count(child);
    lengths.set(node as Element, sum);
    return sum;
  };
  count(root);
  return lengths;
}

/** The share of an element's text that is link text. */
function linkShare(element: Element, length: number): number {
  if (length === 0) return 0;
  let links = 0;
  for (const link of Array.from(element.querySelectorAll('a'))) links += (link.textContent ?? '').trim().length;
  return Math.min(1, links / length);
}

const endsLikeSentence = (text: string) => /[.!?…]["“”»«’')\]]*$/u.test(text);

/** Why an element as a whole is clutter, or null. */
function classify(element: Element, length: number): RemovalReason | null {
  const blocks = htmlBlocks(element);
  if (blocks.length === 0) return null;
  const first = blocks[0]!.text;
  const text = blocks.map((block) => block.text).join(' ');
  const count = words(text);
  const tag = element.nodeName.toLowerCase();
  if (tag === 'figcaption' && count <= 80) return 'caption';

  // What the text says.
  if (AD_LABEL.test(first) && count <= 150 && blocks.length <= 6) return 'advertisement';
  if (/^(?:anzeige|werbung)\s/iu.test(first) && PROMO.test(text) && count <= 60) return 'advertisement';
  if (TEASER_CUE.test(first) && count <= 100 && blocks.length <= 8) return 'teaser';
  if (AUTHOR_CUE.test(first) && count <= 150) return 'author';
  if (NEWSLETTER_CUE.test(text) && count <= 80) return 'subscription';
  if (PAYWALL_CUE.test(text) && count <= 100) return 'paywall';

  // What its class says, with its shape.
  const hints = hintWords(element);
  const links = linkShare(element, length);
  const hinted = (reason: HintedReason) =>
    hints.some((word) => HINTS[reason].test(word)) && (HINT_TEXT[reason]?.test(text) ?? true);
  if (hinted('advertisement') && (count <= 60 || links >= 0.5)) return 'advertisement';
  if (hinted('teaser') && links >= 0.3 && count <= 100) return 'teaser';
  if (hinted('subscription') && count <= 80) return 'subscription';
  if (hinted('paywall') && count <= 100) return 'paywall';
  if (hinted('caption') && count <= 60) return 'caption';
  if (hinted('author') && count <= 120) return 'author';

  // Its shape alone: a few words that are all links, inside the page's content, is a teaser's headline.
  if (
    links >= 0.75 &&
    count <= 25 &&
    !endsLikeSentence(text) &&
    !['a', 'span', 'strong', 'em', 'b', 'i'].includes(tag) &&
    !element.closest('nav, header, footer')
  )
    return 'teaser';
  return null;
}

/**
 * The clutter boxes under `root`, outermost first, in document order. A label standing alone
 * ("Anzeige", "Lesen Sie auch:") takes its next sibling along when that is the advertisement's text
 * or the teaser's headline.
 */
export function findClutter(root: Element): Clutter[] {
  const lengths = textLengths(root);
  const found: Clutter[] = [];
  const taken = new Set<Element>();
  const visit = (element: Element) => {
    if (taken.has(element)) return;
    const length = lengths.get(element) ?? 0;
    if (length === 0) return;
    const reason = element === root || length > BOX_CHARS_MAX ? null : classify(element, length);
    if (!reason) {
      for (const child of Array.from(element.children)) visit(child);
      return;
    }
    found.push({ element, reason });
    const next = element.nextElementSibling;
    const label = (element.textContent ?? '').trim();
    if (next && (reason === 'advertisement' || reason === 'teaser') && label.length <= 40) {
      const follower = labelledFollower(label, (next.textContent ?? '').replace(/\s+/gu, ' ').trim());
      if (follower) {
        found.push({ element: next, reason: follower });
        taken.add(next);
      }
    }
  };
  visit(root);
  return found;
}
