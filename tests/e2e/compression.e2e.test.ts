import { describe, expect, inject, test } from 'vitest';
import { decodedBody, rawRequest } from '../setup/raw-request';
import { DEMO_LEARNER, freshAddress } from './accounts';

// Issue 17: the production server (server.mjs) compresses, gzip and brotli, and a page from Next's cache
// only once (docs/decisions/047-compressed-once.md). Read over plain HTTP, bytes as they come.
const appUrl = inject('appUrl');
const READER = `${appUrl}/en/articles/chinas-kalkulation-waffenlieferungen`;
const CACHE = 'x-compression-cache';

const get = (url: string, acceptEncoding?: string, headers: Record<string, string> = {}) =>
  rawRequest(url, { headers: { ...headers, ...(acceptEncoding && { 'accept-encoding': acceptEncoding }) } });

describe('a page from the cache', () => {
  test('is compressed once: brotli and gzip decode to its identity bytes, later requests reuse them', async () => {
    await get(READER, 'br'); // rendered and compressed now, if no one has asked for it yet
    const identity = await get(READER);
    expect(identity.headers['x-nextjs-cache']).toBe('HIT');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers['content-length']).toBe(String(identity.body.length));

    const br = await get(READER, 'gzip, deflate, br, zstd');
    const brAgain = await get(READER, 'br');
    const gzip = await get(READER, 'gzip');
    expect(br.headers).toMatchObject({ 'content-encoding': 'br', [CACHE]: 'HIT' });
    expect(brAgain.headers).toMatchObject({ 'content-encoding': 'br', [CACHE]: 'HIT' });
    expect(gzip.headers).toMatchObject({ 'content-encoding': 'gzip', [CACHE]: 'HIT' });
    expect(brAgain.body.equals(br.body)).toBe(true);
    for (const answer of [identity, br, gzip]) {
      expect(decodedBody(answer).equals(identity.body)).toBe(true);
      expect(answer.headers['content-length']).toBe(String(answer.body.length));
      expect(answer.headers.vary).toMatch(/(^|, )Accept-Encoding$/);
      expect(answer.headers.vary).toMatch(/^rsc, /); // Next's own Vary kept
    }
    // The security headers go out with the compressed page as with any other.
    expect(br.headers['content-security-policy']).toBe(identity.headers['content-security-policy']);
    expect(gzip.body.length).toBeLessThan(identity.body.length / 2);
  });

  test('a build file (JavaScript) is compressed once too', async () => {
    const html = (await get(READER)).body.toString();
    const script = `${appUrl}${/\/_next\/static\/[^"]+\.js/.exec(html)![0]}`;
    await get(script, 'br');
    const again = await get(script, 'br');
    expect(again.headers).toMatchObject({ 'content-encoding': 'br', [CACHE]: 'HIT' });
    expect(decodedBody(again).equals((await get(script)).body)).toBe(true);
  });

  test('refused encodings (q=0) are not used', async () => {
    expect((await get(READER, 'br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
    expect((await get(READER, '*, br;q=0')).headers['content-encoding']).toBe('gzip');
    const none = await get(READER, 'br;q=0, gzip;q=0');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.headers.vary).toMatch(/Accept-Encoding$/);
  });

  test('HEAD is answered with the encoding a GET would have, and no body', async () => {
    const head = await rawRequest(READER, { method: 'HEAD', headers: { 'accept-encoding': 'gzip, br' } });
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.headers.vary).toMatch(/Accept-Encoding$/);
    expect(head.body.length).toBe(0);
  });
});

describe('a personal answer', () => {
  test('is compressed for its request, never through the cache', async () => {
    // Rendered per request (a nonce of its own): private.
    const signInPage = await get(`${appUrl}/en/sign-in`, 'br');
    expect(signInPage.headers['cache-control']).toMatch(/private/);
    expect(signInPage.headers['content-encoding']).toBe('br');
    expect(signInPage.headers).not.toHaveProperty(CACHE);
    expect(decodedBody(signInPage).toString()).toMatch(/^<!DOCTYPE html>/);

    // A sign-in sets the session cookie; the pages of a signed-in reader are private.
    const signIn = await fetch(`${appUrl}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: appUrl, 'x-forwarded-for': freshAddress() },
      body: JSON.stringify(DEMO_LEARNER),
    });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.getSetCookie().length).toBeGreaterThan(0);
    expect(signIn.headers.has(CACHE)).toBe(false);
    const cookie = signIn.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
    for (let request = 0; request < 2; request++) {
      const account = await get(`${appUrl}/en/account`, 'gzip', { cookie });
      expect(account.status).toBe(200);
      expect(account.headers['content-encoding']).toBe('gzip');
      expect(account.headers).not.toHaveProperty(CACHE);
      expect(decodedBody(account).toString()).toContain(DEMO_LEARNER.email);
    }
  });
});
