import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, test } from 'vitest';
import { DIST_DIR, freePort, TEST_BUILD_ENV } from '../setup/app-server';
import { REPO_ROOT } from '../setup/databases';

// Issue 13, finding 5: the security headers on every kind of response of the production server, read
// over plain HTTP. What the browser makes of them is tests/e2e/content-security.e2e.test.ts.
const appUrl = inject('appUrl');
const SLUG = 'chinas-kalkulation-waffenlieferungen';

/** A policy as directive → sources. */
function directives(policy: string | null): Record<string, string[]> {
  expect(policy, 'Content-Security-Policy').toBeTruthy();
  return Object.fromEntries(
    policy!.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

/** Asserts the headers every response carries, and returns its policy's directives. */
function expectSecurityHeaders(response: Response): Record<string, string[]> {
  const headers = response.headers;
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('same-origin');
  expect(headers.get('x-frame-options')).toBe('DENY');
  // The app is served over http here and names no https origin: no HSTS (see the last test).
  expect(headers.get('strict-transport-security')).toBeNull();
  const policy = directives(headers.get('content-security-policy'));
  expect(policy).toMatchObject({
    'default-src': ["'self'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  });
  // No way around the nonce or the hashes for an inline script.
  expect(policy['script-src']!.filter((source) => /unsafe|\*|data:|blob:|https?:/.test(source))).toEqual([]);
  return policy;
}

/** Each inline script of a page: its nonce attribute and the CSP hash of its text. */
function inlineScripts(html: string): { nonce: string | undefined; hash: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes]) => !/\ssrc=/.test(` ${attributes}`))
    .map(([, attributes, text]) => ({
      nonce: /\snonce="([^"]+)"/.exec(` ${attributes}`)?.[1],
      hash: `'sha256-${createHash('sha256').update(text!).digest('base64')}'`,
    }));
}

/** A page under its policy: every inline script is named by the policy, through its nonce or its hash. */
async function expectPage(url: string, status: number): Promise<{ policy: Record<string, string[]>; html: string }> {
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status, url).toBe(status);
  expect(response.headers.get('content-type')).toContain('text/html');
  const policy = expectSecurityHeaders(response);
  const html = await response.text();
  const scripts = inlineScripts(html);
  expect(scripts.length, 'inline scripts (Next writes its payload into the page)').toBeGreaterThan(2);
  const sources = policy['script-src']!;
  for (const script of scripts) {
    expect(sources.includes(`'nonce-${script.nonce}'`) || sources.includes(script.hash), script.hash).toBe(true);
  }
  return { policy, html };
}

describe('pages', () => {
  test('a page from the cache names its scripts by hash, the same for every visitor', async () => {
    const url = `${appUrl}/en/articles/${SLUG}`;
    await expectPage(url, 200); // rendered now (and stored) if no one has asked for it yet
    const first = await fetch(url);
    expect(first.headers.get('x-nextjs-cache')).toBe('HIT');
    const { policy } = await expectPage(url, 200);
    expect(policy['script-src']!.some((source) => source.startsWith("'nonce-"))).toBe(false);
    expect(policy['script-src']!.filter((source) => source.startsWith("'sha256-")).length).toBeGreaterThan(2);
    expect(first.headers.get('content-security-policy')).toBe(
      (await fetch(url)).headers.get('content-security-policy'),
    );
    // A page prerendered at build time too.
    await expectPage(`${appUrl}/en/about`, 200);
  });

  test('a page rendered per request names its scripts by a nonce of its own', async () => {
    const first = await expectPage(`${appUrl}/en/sign-in`, 200);
    const second = await expectPage(`${appUrl}/en/sign-in`, 200);
    const nonce = (policy: Record<string, string[]>) =>
      policy['script-src']!.find((source) => source.startsWith("'nonce-"));
    expect(nonce(first.policy)).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
    expect(nonce(second.policy)).not.toBe(nonce(first.policy));
    expect(inlineScripts(first.html).every((script) => `'nonce-${script.nonce}'` === nonce(first.policy))).toBe(true);
  });

  test('not-found pages, for any path and for an unknown article', async () => {
    await expectPage(`${appUrl}/en/no-such-page`, 404);
    await expectPage(`${appUrl}/en/articles/no-such-article`, 404);
    // A slug no one has asked for: rendered for this request, whether it is then stored or not.
    await expectPage(`${appUrl}/en/articles/no-such-article-${Date.now()}`, 404);
  });

  test('redirects', async () => {
    for (const [url, location] of [
      [`${appUrl}/`, /\/en$/],
      [`${appUrl}/en/account`, /\/en\/sign-in/],
    ] as const) {
      const response = await fetch(url, { redirect: 'manual', headers: { 'accept-language': 'en' } });
      expect(response.status, url).toBeGreaterThanOrEqual(300);
      expect(response.status, url).toBeLessThan(400);
      expect(response.headers.get('location')).toMatch(location);
      expectSecurityHeaders(response);
    }
  });
});

describe('everything else', () => {
  test('API answers, successful and refused', async () => {
    const words = await fetch(`${appUrl}/api/articles/${SLUG}/words`);
    expect(words.status).toBe(200);
    expect(words.headers.get('content-type')).toContain('application/json');
    expectSecurityHeaders(words);
    const refused = await fetch(`${appUrl}/api/dictionary`);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/json');
    expectSecurityHeaders(refused);
    const auth = await fetch(`${appUrl}/api/auth/get-session`);
    expectSecurityHeaders(auth);
  });

  test('static files: script and style chunks, the icon, public files', async () => {
    const html = await (await fetch(`${appUrl}/en/about`)).text();
    const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    const style = /<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
    const icon = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1];
    for (const [file, type] of [
      [script, 'javascript'],
      [style, 'text/css'],
      [icon, 'image/svg+xml'],
      ['/reader-mode.js', 'javascript'],
    ] as const) {
      expect(file).toBeTruthy();
      const response = await fetch(`${appUrl}${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type'), file).toContain(type);
      expectSecurityHeaders(response);
    }
  });

  test('a server action’s answer', async () => {
    type Entry = { workers: Record<string, unknown>; filename: string; exportedName: string };
    const manifest = JSON.parse(
      fs.readFileSync(path.join(REPO_ROOT, DIST_DIR, 'server/server-reference-manifest.json'), 'utf8'),
    ) as { node: Record<string, Entry> };
    const [id, entry] = Object.entries(manifest.node).find(
      ([, action]) => action.filename === 'lib/vocabulary/actions.ts' && action.exportedName === 'saveWordAction',
    )!;
    const page = Object.keys(entry.workers)[0]!
      .replace(/^app/, '')
      .replace(/\/page$/, '')
      .replace('[locale]', 'en');
    const response = await fetch(`${appUrl}${page.replace('[slug]', SLUG)}`, {
      method: 'POST',
      headers: {
        'next-action': id,
        'content-type': 'text/plain;charset=UTF-8',
        accept: 'text/x-component',
        origin: appUrl,
      },
      body: JSON.stringify([{ lemma: 'Haus' }]),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/x-component');
    expect(await response.text()).toContain('account:errors.signedOut');
    expectSecurityHeaders(response);
  });
});

describe('HSTS', () => {
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill('SIGTERM');
  });

  test('is sent when the public origin (BETTER_AUTH_URL) is https', async () => {
    // A second server over the same build, configured for an https deployment behind a TLS proxy.
    const port = await freePort();
    server = spawn(process.execPath, ['server.mjs', '-p', String(port), '-H', '127.0.0.1'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        ...TEST_BUILD_ENV,
        NEXT_TELEMETRY_DISABLED: '1',
        BETTER_AUTH_URL: 'https://reader.example.test',
        BETTER_AUTH_SECRET: 'test-only-secret-0123456789abcdef0123456789',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const url = `http://127.0.0.1:${port}/reader-mode.js`;
    await expect.poll(async () => (await fetch(url).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);
    const response = await fetch(url);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
