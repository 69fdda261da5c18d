import 'server-only';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { removeBoilerplate, classifyBlock } from './boilerplate';
import { findClutter } from './clutter';
import { htmlBlocks } from './html-blocks';
import { markdownBlocks, normalizeWhitespace, textBlocks } from './plain-text';
import type { ExtractedBlock, ExtractedDocument, RemovedBlock, SourceFormat } from './types';

// HTML is parsed with jsdom's defaults: no scripts run and no resources (images, styles, frames)
// load, so a page can neither reach the network nor the server. A fixed, unroutable URL keeps
// relative links from resolving against anything real.
const IMPORT_URL = 'https://import.invalid/';

/** Readability's default char threshold: below it, its choice of article is a guess. */
const READABILITY_MIN_CHARS = 500;

type HtmlDocument = { title: string | null; blocks: ExtractedBlock[]; removed: RemovedBlock[] };
const plain = ({ kind, text }: ExtractedBlock): ExtractedBlock => ({ kind, text });

/**
 * A page's article. `readability: false` takes all of the page's text (a converted Word file has no
 * page around its text); `clean: false` leaves the clutter boxes in (Readability alone, for comparison).
 */
function htmlDocument(html: string, { readability, clean }: { readability: boolean; clean: boolean }): HtmlDocument {
  // jsdom reports CSS it cannot parse on its console; those messages are about the page, not us.
  const virtualConsole = new VirtualConsole();
  const dom = new JSDOM(html, { url: IMPORT_URL, virtualConsole });
  try {
    const { document } = dom.window;
    // Clutter boxes go first, so that neither Readability's choice nor the page's text has them.
    const boxes: RemovedBlock[] = [];
    if (clean && document.body)
      for (const { element, reason } of findClutter(document.body)) {
        for (const block of htmlBlocks(element)) boxes.push({ text: block.text, reason });
        element.remove();
      }
    const page = document.body ? htmlBlocks(document.body) : [];
    if (!readability) return { title: null, blocks: page.map(plain), removed: boxes };
    // The page's headline: its first <h1>. When the document's title holds it ("Kicker: Headline |
    // Site"), the headline is the article's title, without the kicker and the site's name.
    const headline = normalizeWhitespace(document.querySelector('h1')?.textContent ?? '');
    let article: ReturnType<Readability<Node>['parse']> = null;
    try {
      article = new Readability<Node>(document, { serializer: (element) => element }).parse();
    } catch {
      article = null; // readability gives up on some malformed pages: fall back to the page's text
    }
    const pageTitle = normalizeWhitespace(article?.title ?? document.title ?? '');
    const title = (headline && pageTitle.includes(headline) ? headline : pageTitle) || null;
    const content = article?.content ? htmlBlocks(article.content).map(plain) : [];
    // Readability needs some text to judge by: on short pages it may pick a fragment, so below its
    // own threshold the page's text outside navigation, header and footer is taken as the article.
    const contentLength = content.reduce((sum, b) => sum + b.text.length, 0);
    // A first heading repeating the title is the headline, not body text.
    const withoutTitle = (blocks: ExtractedBlock[]) =>
      blocks[0]?.kind === 'heading' && blocks[0].text === title ? blocks.slice(1) : blocks;
    if (contentLength < READABILITY_MIN_CHARS) {
      return {
        title,
        blocks: withoutTitle(page.filter((b) => !b.chrome).map(plain)),
        removed: [
          ...boxes,
          ...page.filter((b) => b.chrome).map((b) => ({ text: b.text, reason: classifyBlock(b.text) ?? 'navigation' })),
        ],
      };
    }
    // What the page had besides the article: shown to the teacher as removed, with the best reason.
    const kept = normalizeWhitespace(content.map((b) => b.text).join(' '));
    const removed = page
      .filter((b) => !kept.includes(b.text))
      .map((b) => ({
        text: b.text,
        reason: b.text === title ? 'title' : (classifyBlock(b.text) ?? (b.chrome ? 'navigation' : 'outside-article')),
      }));
    return { title, blocks: withoutTitle(content), removed: [...boxes, ...removed] };
  } finally {
    dom.window.close();
  }
}

/**
 * A source as headings and paragraphs of plain text, with boilerplate removed (and listed with a
 * reason). For 'docx' the text is the HTML the Word file was converted to (./docx.server.ts). Never
 * throws on any string; an unusable source yields no blocks. `clean: false` is Readability alone,
 * without this importer's cleaning: what bench/clutter.bench.ts compares against.
 */
export function extractDocument(
  format: SourceFormat,
  text: string,
  { clean = true }: { clean?: boolean } = {},
): ExtractedDocument {
  if (format === 'html' || format === 'docx') {
    const { title, blocks, removed } = htmlDocument(text, { readability: format === 'html', clean });
    if (!clean) return { title, blocks, removed };
    const cleaned = removeBoilerplate(blocks);
    return { title, blocks: cleaned.blocks, removed: [...removed, ...cleaned.removed] };
  }
  const blocks = format === 'md' ? markdownBlocks(text) : textBlocks(text);
  if (!clean) return { title: null, blocks, removed: [] };
  const cleaned = removeBoilerplate(blocks);
  return { title: null, blocks: cleaned.blocks, removed: cleaned.removed };
}
