import { createHash } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import {
  contentSecurityPolicy,
  inlineScriptHashes,
  isFrameworkScript,
  secureResponse,
  staticSecurityHeaders,
} from './security-headers.server.mjs';

/** A policy as directive → sources. */
const directives = (policy: string): Record<string, string[]> =>
  Object.fromEntries(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

// The inline scripts of a page as Next 16 writes them (Turbopack build).
const NEXT_SCRIPTS = [
  '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[94553]});',
  '(self.__next_f=self.__next_f||[]).push([0])',
  'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:I[3975,[],\\"\\"]\\n"])',
  'self.__next_f.push([3,"AAEC"])',
  '(self.__next_f=self.__next_f||[]).push([0]);self.__next_f.push([2,null])',
];

describe('isFrameworkScript', () => {
  test.each(NEXT_SCRIPTS)('accepts Next’s own %s', (script) => {
    expect(isFrameworkScript(script)).toBe(true);
  });

  test.each([
    ['an injected script', 'alert(document.cookie)'],
    ['code after a payload push', 'self.__next_f.push([1,"x"]);alert(1)'],
    ['code inside a payload push', 'self.__next_f.push([1,"x"].concat(alert(1)))'],
    ['code between two pushes', 'self.__next_f.push([1,"x"]);alert(1);self.__next_f.push([1,"y"])'],
    ['a call hidden in the JSON', 'self.__next_f.push([1,alert(1)])'],
    ['a payload that is not an array', 'self.__next_f.push(alert)'],
    ['a Turbopack push with code', '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(alert(1));'],
    ['a carriage return (hashed differently by browsers)', 'self.__next_f.push([1,"x"])\r'],
  ])('refuses %s', (_, script) => {
    expect(isFrameworkScript(script)).toBe(false);
  });
});

describe('inlineScriptHashes', () => {
  test('hashes Next’s inline scripts, skips external ones and leaves any other inline script out', () => {
    const html = [
      '<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async=""></script>',
      `<script id="_R_">${NEXT_SCRIPTS[0]}</script></head><body>`,
      '<p>text</p><script>alert(1)</script>',
      ...NEXT_SCRIPTS.slice(1, 3).map((script) => `<script nonce="old">${script}</script>`),
      `<script>${NEXT_SCRIPTS[2]}</script>`, // the same script twice: one hash
      '</body></html>',
    ].join('');
    const { hashes, unknown } = inlineScriptHashes(html);
    expect(hashes).toEqual(NEXT_SCRIPTS.slice(0, 3).map(sha256));
    expect(unknown).toEqual(['alert(1)']);
  });
});

describe('contentSecurityPolicy', () => {
  test('names scripts by nonce or by hash, and allows no other inline script', () => {
    const byNonce = contentSecurityPolicy({ nonce: 'abc=' });
    const byHash = contentSecurityPolicy({ hashes: ['sha256-x', 'sha256-y'] });
    expect(byNonce).toMatch(/^script-src 'self' 'nonce-abc='; /);
    expect(byHash).toMatch(/^script-src 'self' 'sha256-x' 'sha256-y'; /);
    for (const policy of [byNonce, byHash]) {
      const sources = directives(policy);
      expect(sources['script-src']!.filter((source) => /unsafe|\*|data:|https?:/.test(source))).toEqual([]);
      expect(sources).toMatchObject({
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        // Style attributes (React's `style` props), but no <style> element from an injection.
        'style-src': ["'self'"],
        'style-src-attr': ["'unsafe-inline'"],
      });
    }
  });
});

describe('staticSecurityHeaders', () => {
  test('sends HSTS only when the public origin is https', () => {
    expect(staticSecurityHeaders({ https: false })).not.toHaveProperty('Strict-Transport-Security');
    expect(staticSecurityHeaders({ https: true })).toMatchObject({
      'Strict-Transport-Security': 'max-age=31536000',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    });
  });
});

describe('secureResponse', () => {
  // A real Node server: each path answers the way one kind of Next response does.
  async function serve(answer: (response: ServerResponse, requestPolicy: string) => void) {
    const server = createServer((request, response) => {
      secureResponse(request, response, staticSecurityHeaders({ https: false }));
      answer(response, String(request.headers['content-security-policy']));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`);
      return { headers: response.headers, body: await response.text() };
    } finally {
      server.close();
    }
  }

  test('gives a response without a policy the nonce that the request carried to the renderer', async () => {
    const { headers, body } = await serve((response, requestPolicy) => response.end(requestPolicy));
    expect(headers.get('content-security-policy')).toBe(body);
    expect(body).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}=='/);
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('gives every request its own nonce', async () => {
    const answer = (response: ServerResponse) => response.end();
    const [first, second] = await Promise.all([serve(answer), serve(answer)]);
    expect(first.headers.get('content-security-policy')).not.toBe(second.headers.get('content-security-policy'));
  });

  test('keeps the policy a response brings (a cached page’s hashes), set or passed to writeHead', async () => {
    const cached = contentSecurityPolicy({ hashes: ['sha256-x'] });
    const set = await serve((response) => {
      response.appendHeader('content-security-policy', cached);
      response.end();
    });
    const passed = await serve((response) => {
      response.writeHead(200, { 'Content-Security-Policy': cached });
      response.end();
    });
    expect(set.headers.get('content-security-policy')).toBe(cached);
    expect(passed.headers.get('content-security-policy')).toBe(cached);
  });
});
