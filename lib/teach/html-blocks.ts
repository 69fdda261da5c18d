import { normalizeWhitespace } from './plain-text';
import type { ExtractedBlock } from './types';

// The text of a DOM tree as headings and paragraphs. Pure: it reads the nodes it is given (jsdom's,
// in extract.server.ts) and nothing else.

/** Elements whose content is not text (scripts, styles, media, form controls). */
export const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'head',
  'title',
  'meta',
  'link',
  'img',
  'picture',
  'video',
  'audio',
  'canvas',
  'button',
  'input',
  'select',
  'textarea',
  'option',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BLOCKS = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'blockquote',
  'section',
  'article',
  'main',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'figure',
  'figcaption',
  'pre',
  'dl',
  'dt',
  'dd',
  'header',
  'footer',
  'nav',
  'aside',
  'address',
  'details',
  'summary',
  'hr',
  'form',
  'fieldset',
  'body',
  'center',
]);
/** Page chrome: outside the article wherever it appears. */
const CHROME = new Set(['nav', 'header', 'footer', 'aside', 'form']);

/** A block and whether it lies inside page chrome (nav, header, footer, aside, form). */
export type WalkedBlock = ExtractedBlock & { chrome: boolean };

/** Headings and paragraphs of an element as plain text, in document order. */
export function htmlBlocks(root: Node): WalkedBlock[] {
  const blocks: WalkedBlock[] = [];
  let buffer = '';
  let bufferChrome = false;
  const flush = () => {
    // A line break alone joins lines; an empty line (two <br>) separates paragraphs.
    for (const part of buffer.split(/\n[^\S\n]*\n/u)) {
      const text = normalizeWhitespace(part);
      if (text) blocks.push({ kind: 'paragraph', text, chrome: bufferChrome });
    }
    buffer = '';
  };
  const visit = (node: Node, chrome: boolean, pre: boolean) => {
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      if (!buffer) bufferChrome = chrome;
      buffer += pre ? text : text.replace(/\s+/gu, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      buffer += '\n';
      return;
    }
    const inChrome = chrome || CHROME.has(tag);
    if (HEADINGS.has(tag)) {
      flush();
      const text = normalizeWhitespace(node.textContent ?? '');
      if (text) blocks.push({ kind: 'heading', text, chrome: inChrome });
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) visit(child, inChrome, pre || tag === 'pre');
    if (block) flush();
  };
  visit(root, false, false);
  flush();
  return blocks;
}
