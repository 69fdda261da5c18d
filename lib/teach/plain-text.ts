import type { ExtractedBlock } from './types';

// Plain text and Markdown to blocks. Pure: the HTML path (jsdom) lives in extract.server.ts.

/** Runs of whitespace (also no-break spaces and line breaks) as one space, trimmed. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Binary or mis-decoded input: a NUL byte, or more than 2 % control characters or replacement
 * characters (U+FFFD, what a wrong encoding leaves). Tabs, line and page breaks are text.
 */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  // eslint-disable-next-line no-control-regex -- control characters are what it counts
  const suspicious = text.match(/[\u0001-\u0008\u000e-\u001f\u007f\ufffd]/gu)?.length ?? 0;
  return suspicious > 0 && suspicious / text.length > 0.02;
}

function lines(text: string): string[] {
  return text.replace(/\r\n?/gu, '\n').split('\n');
}

/** Blank-line separated paragraphs; a single line break inside a paragraph becomes a space. */
export function textBlocks(text: string): ExtractedBlock[] {
  const blocks: ExtractedBlock[] = [];
  let current: string[] = [];
  const flush = () => {
    const paragraph = normalizeWhitespace(current.join(' '));
    if (paragraph) blocks.push({ kind: 'paragraph', text: paragraph });
    current = [];
  };
  for (const line of lines(text)) {
    if (line.trim() === '') flush();
    else current.push(line);
  }
  flush();
  return blocks;
}

/** Inline Markdown to its text: images dropped, links to their text, emphasis, code and HTML tags unwrapped. */
export function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, '') // images
    .replace(/!\[[^\]]*\]\[[^\]]*\]/gu, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1') // inline links
    .replace(/\[([^\]]+)\]\[[^\]]*\]/gu, '$1') // reference links
    .replace(/<(https?:\/\/[^>\s]+)>/gu, '$1') // autolinks
    .replace(/<\/?[A-Za-z][^>]*>/gu, '') // inline HTML
    .replace(/`+([^`]*)`+/gu, '$1')
    .replace(/(\*\*|__)(?=\S)([^]*?\S)\1/gu, '$2')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/~~(?=\S)([^]*?\S)~~/gu, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/gu, '$1'); // backslash escapes
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/u;
const LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+/u;
const FENCE = /^\s{0,3}(```|~~~)/u;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/u;
const REFERENCE = /^\s{0,3}\[[^\]]+\]:\s*\S+/u;
const SETEXT = /^\s{0,3}(=+|-+)\s*$/u;

/** Markdown: `#` headings, blank-line separated paragraphs, one block per list item; markup stripped. */
export function markdownBlocks(text: string): ExtractedBlock[] {
  const blocks: ExtractedBlock[] = [];
  let current: string[] = [];
  const push = (kind: ExtractedBlock['kind'], raw: string) => {
    const value = normalizeWhitespace(stripInlineMarkdown(raw));
    if (value) blocks.push({ kind, text: value });
  };
  const flush = () => {
    if (current.length) push('paragraph', current.join(' '));
    current = [];
  };
  for (const line of lines(text)) {
    if (line.trim() === '' || FENCE.test(line) || REFERENCE.test(line)) {
      flush();
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      flush();
      push('heading', heading[2] ?? '');
      continue;
    }
    if (SETEXT.test(line) && current.length === 1) {
      push('heading', current[0]!);
      current = [];
      continue;
    }
    if (RULE.test(line)) {
      flush();
      continue;
    }
    if (LIST_ITEM.test(line)) {
      flush();
      current.push(line.replace(LIST_ITEM, ''));
      continue;
    }
    current.push(line.replace(/^\s{0,3}(>\s?)+/u, ''));
  }
  flush();
  return blocks;
}
