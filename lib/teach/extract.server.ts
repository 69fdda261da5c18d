import 'server-only';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { removeBoilerplate, classifyBlock } from './boilerplate';
import { markdownBlocks, normalizeWhitespace, textBlocks } from './plain-text';
import type { ExtractedBlock, ExtractedDocument, RemovedBlock, SourceFormat } from './types';

// HTML is parsed with jsdom's defaults: no scripts run and no resources (images, styles, frames)
// load, so a page can neither reach the network nor the server. A fixed, unroutable URL keeps
// relative links from resolving against anything real.
const IMPORT_URL = 'https://import.invalid/';

/** Readability's default char threshold: below it, its choice of article is a guess. */
const READABILITY_MIN_CHARS = 500;

const SKIP = new Set([
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

type WalkedBlock = ExtractedBlock & { chrome: boolean };
type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode> };

/** Headings and paragraphs of an element as plain text, in document order. */
function walk(root: DomNode): WalkedBlock[] {
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
  const visit = (node: DomNode, chrome: boolean, pre: boolean) => {
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

function htmlDocument(html: string): { title: string | null; blocks: ExtractedBlock[]; removed: RemovedBlock[] } {
  // jsdom reports CSS it cannot parse on its console; those messages are about the page, not us.
  const virtualConsole = new VirtualConsole();
  const dom = new JSDOM(html, { url: IMPORT_URL, virtualConsole });
  try {
    const { document } = dom.window;
    const page = document.body ? walk(document.body) : [];
    let article: ReturnType<Readability<DomNode>['parse']> = null;
    try {
      article = new Readability<DomNode>(document, { serializer: (element) => element as unknown as DomNode }).parse();
    } catch {
      article = null; // readability gives up on some malformed pages: fall back to the page's text
    }
    const title = normalizeWhitespace(article?.title ?? document.title ?? '') || null;
    const content = article?.content ? walk(article.content).map(({ kind, text }) => ({ kind, text })) : [];
    // Readability needs some text to judge by: on short pages it may pick a fragment, so below its
    // own threshold the page's text outside navigation, header and footer is taken as the article.
    const contentLength = content.reduce((sum, b) => sum + b.text.length, 0);
    // A first heading repeating the title is the headline, not body text.
    const withoutTitle = (blocks: ExtractedBlock[]) =>
      blocks[0]?.kind === 'heading' && blocks[0].text === title ? blocks.slice(1) : blocks;
    if (contentLength < READABILITY_MIN_CHARS) {
      return {
        title,
        blocks: withoutTitle(page.filter((b) => !b.chrome).map(({ kind, text }) => ({ kind, text }))),
        removed: page
          .filter((b) => b.chrome)
          .map((b) => ({ text: b.text, reason: classifyBlock(b.text) ?? 'navigation' })),
      };
    }
    // What the page had besides the article: shown to the teacher as removed, with the best reason.
    const kept = normalizeWhitespace(content.map((b) => b.text).join(' '));
    const removed = page
      .filter((b) => !kept.includes(b.text))
      .map((b) => ({ text: b.text, reason: classifyBlock(b.text) ?? (b.chrome ? 'navigation' : 'outside-article') }));
    return { title, blocks: withoutTitle(content), removed };
  } finally {
    dom.window.close();
  }
}

/**
 * A source as headings and paragraphs of plain text, with boilerplate removed (and listed with a
 * reason). Never throws on any string; an unusable source yields no blocks.
 */
export function extractDocument(format: SourceFormat, text: string): ExtractedDocument {
  if (format === 'html') {
    const { title, blocks, removed } = htmlDocument(text);
    const cleaned = removeBoilerplate(blocks);
    return { title, blocks: cleaned.blocks, removed: [...removed, ...cleaned.removed] };
  }
  const blocks = format === 'md' ? markdownBlocks(text) : textBlocks(text);
  const cleaned = removeBoilerplate(blocks);
  return { title: null, blocks: cleaned.blocks, removed: cleaned.removed };
}
