// @ts-check
// The security headers of every response (docs/decisions/020-security-headers.md). Plain JavaScript:
// server.mjs and the page cache (lib/page-cache.server.mjs) load it in Node, outside Next's build.
import { createHash, randomBytes } from 'node:crypto';

/**
 * The policy without its script sources. No inline script runs unless the response names it: by the
 * request's nonce (pages rendered for this request) or by hash (pages from Next's cache).
 * - style-src-attr 'unsafe-inline': React renders `style` props as attributes (chart bars, popover
 *   position); `<style>` elements and style sheets from elsewhere stay blocked.
 * - base-uri, form-action and frame-ancestors do not fall back to default-src; object-src is stricter.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/**
 * @param {{ nonce: string } | { hashes: readonly string[] }} scripts
 * @returns {string} the Content-Security-Policy: `script-src` first (Next reads the nonce from there)
 */
export function contentSecurityPolicy(scripts) {
  const sources = 'nonce' in scripts ? [`'nonce-${scripts.nonce}'`] : scripts.hashes.map((hash) => `'${hash}'`);
  return [["script-src 'self'", ...sources].join(' '), ...DIRECTIVES].join('; ');
}

/** A fresh nonce: 128 random bits. */
export function createNonce() {
  return randomBytes(16).toString('base64');
}

/**
 * The headers that are the same for every response.
 * @param {{ https: boolean }} settings `https`: the public origin is https (then HSTS; browsers ignore it over http)
 * @returns {Record<string, string>}
 */
export function staticSecurityHeaders({ https }) {
  return {
    'X-Content-Type-Options': 'nosniff',
    // Links to dictionaries and sources leave without the page's address (which article, which word).
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https && { 'Strict-Transport-Security': 'max-age=31536000' }),
  };
}

// The inline scripts Next writes into a page: the RSC payload, chunk by chunk, and Turbopack's list of
// chunks to load. Each is a fixed call whose one argument is a JSON literal, so running it can only
// hand data to Next's runtime. Anything else (an injected <script>, a payload script with code after
// it) is not one of them, gets no hash and does not run.
const FLIGHT_INIT = '(self.__next_f=self.__next_f||[]).push([0])';
const FLIGHT_PUSH = 'self.__next_f.push(';
const TURBOPACK_PUSH = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(';

/**
 * @param {string} text the text after `prefix`: one JSON literal of the given kind, then `)` and `end`
 * @param {'array' | 'object'} kind
 * @param {string} end
 */
function isJsonCall(text, kind, end) {
  if (!text.endsWith(`)${end}`)) return false;
  try {
    const value = JSON.parse(text.slice(0, text.length - end.length - 1));
    return kind === 'array'
      ? Array.isArray(value)
      : typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Whether an inline script is one Next writes (see above).
 * @param {string} script the script element's text
 */
export function isFrameworkScript(script) {
  if (script.includes('\r')) return false; // the browser would hash it with \n
  if (script === FLIGHT_INIT) return true;
  const flight = script.startsWith(`${FLIGHT_INIT};`) ? script.slice(FLIGHT_INIT.length + 1) : script;
  if (flight.startsWith(FLIGHT_PUSH)) return isJsonCall(flight.slice(FLIGHT_PUSH.length), 'array', '');
  if (script.startsWith(TURBOPACK_PUSH)) return isJsonCall(script.slice(TURBOPACK_PUSH.length), 'object', ';');
  return false;
}

// An inline script: a <script> element without src. Next's payload escapes `<` inside scripts, so the
// first </script> ends it. A script this pattern reads differently from a browser is at worst not
// hashed: only texts that pass isFrameworkScript are.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/**
 * The CSP hashes of the framework's inline scripts in a document, and the inline scripts that are not
 * the framework's (they will not run).
 * @param {string} html
 * @returns {{ hashes: string[], unknown: string[] }}
 */
export function inlineScriptHashes(html) {
  /** @type {Set<string>} */
  const hashes = new Set();
  /** @type {string[]} */
  const unknown = [];
  for (const [, attributes = '', text = ''] of html.matchAll(SCRIPT)) {
    if (/\ssrc\s*=/i.test(` ${attributes}`) || text === '') continue;
    if (isFrameworkScript(text)) hashes.add(`sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`);
    else unknown.push(text);
  }
  return { hashes: [...hashes], unknown };
}

/**
 * Puts the security headers on a response of Next's request handler, before handing it the request.
 * The request carries a fresh nonce in its Content-Security-Policy header: Next writes it onto the
 * scripts of every page it renders for this request. A response that comes with its own policy (a
 * page from the cache, whose scripts are hashed: lib/page-cache.server.mjs) keeps it; every other
 * response gets the nonce's.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {Record<string, string>} headers staticSecurityHeaders()
 */
export function secureResponse(request, response, headers) {
  const policy = contentSecurityPolicy({ nonce: createNonce() });
  request.headers['content-security-policy'] = policy;
  delete request.headers['content-security-policy-report-only'];
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  const writeHead = response.writeHead;
  /** @type {(...args: unknown[]) => import('node:http').ServerResponse} */
  const withPolicy = (...args) => {
    if (!response.hasHeader('content-security-policy') && !args.some(namesPolicy)) {
      response.setHeader('content-security-policy', policy);
    }
    return Reflect.apply(writeHead, response, args);
  };
  response.writeHead = /** @type {typeof response.writeHead} */ (withPolicy);
}

/** Whether an argument of writeHead is a header list (object or flat array) with a Content-Security-Policy. */
function namesPolicy(/** @type {unknown} */ argument) {
  const names = Array.isArray(argument)
    ? argument.filter((_, index) => index % 2 === 0)
    : typeof argument === 'object' && argument !== null
      ? Object.keys(argument)
      : [];
  return names.some((name) => String(name).toLowerCase() === 'content-security-policy');
}
