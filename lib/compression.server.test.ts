import { randomBytes } from 'node:crypto';
import http, { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodedBody, rawRequest } from '@/tests/setup/raw-request';
import {
  COMPRESSION_CACHE_HEADER,
  compressResponse,
  createCompressedCache,
  negotiateEncoding,
} from './compression.server.mjs';

describe('negotiateEncoding', () => {
  test.each([
    [undefined, undefined],
    ['', undefined],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['GZIP;Q=0.5, BR', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0', undefined],
    ['br;q=0, gzip;q=0', undefined],
    ['gzip;q=1, br;q=0.5', 'gzip'],
    ['identity', undefined],
    ['*', 'br'],
    ['*, br;q=0', 'gzip'],
    ['*;q=0', undefined],
  ] as const)('Accept-Encoding %j: %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe('createCompressedCache', () => {
  test('compresses a body once, whoever asks at the same time, and keeps it by its bytes', async () => {
    const cache = createCompressedCache();
    const body = Buffer.from('<p>Die Brücke</p>'.repeat(500));
    const [first, second] = await Promise.all([cache.encode([body]), cache.encode([body.toString()])]);
    expect(first.encoded.br).toBe(second.encoded.br); // the same Buffer: one compression
    const again = await cache.encode([body.subarray(0, 90), body.subarray(90).toString()]); // the same bytes, in two chunks
    expect(again).toMatchObject({ hit: true });
    expect(again.encoded.gzip).toBe(first.encoded.gzip);
    expect(zlib.brotliDecompressSync(again.encoded.br)).toEqual(body);
    expect(zlib.gunzipSync(again.encoded.gzip)).toEqual(body);
  });

  test('holds no more than its bound: the least recently used body goes first', async () => {
    // Random bytes do not compress: each body costs about twice its size (br and gzip).
    const bodies = Array.from({ length: 3 }, () => randomBytes(10_000));
    const cache = createCompressedCache(50_000); // room for two
    for (const body of bodies) expect(await cache.encode([body])).toMatchObject({ hit: false });
    expect(await cache.encode([bodies[2]!])).toMatchObject({ hit: true });
    expect(await cache.encode([bodies[0]!])).toMatchObject({ hit: false });
  });
});

describe('compressResponse', () => {
  const PAGE = `<!DOCTYPE html><html><body>${'<p>Die Volksrepublik <b>China</b> liefert keine Waffen.</p>'.repeat(300)}</body></html>`;
  const SHARED = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 's-maxage=31536000', vary: 'rsc' };
  let releaseStream = () => {};
  const streamReleased = () => new Promise<void>((resolve) => (releaseStream = resolve));

  const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void | Promise<void>> = {
    // As Next sends a page from its cache: headers set, then the whole body with its length.
    '/shared': (_, response) => {
      for (const [name, value] of Object.entries(SHARED)) response.setHeader(name, value);
      response.setHeader('content-length', Buffer.byteLength(PAGE));
      response.end(PAGE);
    },
    '/shared-with-cookie': (_, response) => {
      response.setHeader('set-cookie', 'session=personal; HttpOnly');
      routes['/shared']!(_, response);
    },
    '/private': (_, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'private, no-store' });
      response.end(PAGE);
    },
    // As Next (send) serves a build file: its length, then the file piped in chunks.
    '/file.js': (_, response) => {
      const script = Buffer.from(`console.log(${JSON.stringify(PAGE)});`);
      response.setHeader('content-type', 'application/javascript; charset=UTF-8');
      response.setHeader('cache-control', 'public, max-age=31536000, immutable');
      response.setHeader('accept-ranges', 'bytes');
      response.setHeader('content-length', script.length);
      Readable.from([script.subarray(0, 1000), script.subarray(1000)]).pipe(response);
    },
    '/small': (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': 11 }).end('{"ok":true}');
    },
    '/image': (_, response) => {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': 4096 }).end(Buffer.alloc(4096));
    },
    // As Next streams a page or a publish's progress: headers flushed, then chunks, each flushed.
    '/stream': async (_, response) => {
      const released = streamReleased();
      response.setHeader('content-type', 'application/x-ndjson');
      response.setHeader('cache-control', 'private, no-store');
      response.flushHeaders();
      response.write('{"step":"first"}\n');
      (response as ServerResponse & { flush: () => void }).flush();
      await released; // until the client has read the first line
      response.end('{"step":"last"}\n');
    },
    // More than the socket takes at once: the writer waits for drain.
    '/large-stream': (_, response) => {
      response.setHeader('content-type', 'text/plain');
      Readable.from(LARGE_CHUNKS).pipe(response);
    },
  };
  const LARGE_CHUNKS = Array.from({ length: 64 }, () => randomBytes(32 * 1024).toString('hex'));

  const server = createServer((request, response) => {
    compressResponse(request, response, cache);
    void routes[request.url ?? '']!(request, response);
  });
  const cache = createCompressedCache();
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections(); // a stream a failed test left open
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const get = (path: string, acceptEncoding?: string, method = 'GET') =>
    rawRequest(`${base}${path}`, { method, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  test('a shared response is compressed once: later requests get the same bytes from the cache', async () => {
    const first = await get('/shared', 'gzip, deflate, br');
    const second = await get('/shared', 'br');
    const gzip = await get('/shared', 'gzip');
    expect(first.headers).toMatchObject({ 'content-encoding': 'br', [COMPRESSION_CACHE_HEADER]: 'MISS' });
    expect(second.headers).toMatchObject({ 'content-encoding': 'br', [COMPRESSION_CACHE_HEADER]: 'HIT' });
    expect(gzip.headers).toMatchObject({ 'content-encoding': 'gzip', [COMPRESSION_CACHE_HEADER]: 'HIT' });
    expect(second.body).toEqual(first.body);
    for (const answer of [first, second, gzip]) {
      expect(decodedBody(answer).toString()).toBe(PAGE);
      expect(answer.headers['content-length']).toBe(String(answer.body.length));
      expect(answer.headers.vary).toBe('rsc, Accept-Encoding');
    }
    expect(first.body.length).toBeLessThan(Buffer.byteLength(PAGE) / 10);
  });

  test('a page sent again as the same text is not hashed again; asked for as it is, it goes as the same bytes', async () => {
    await get('/shared', 'br'); // sent before
    const hashed = cache.hashed;
    expect(hashed).toBeGreaterThan(0);
    const br = await get('/shared', 'br');
    const identity = await get('/shared');
    expect(cache.hashed).toBe(hashed);
    expect(br.headers[COMPRESSION_CACHE_HEADER]).toBe('HIT');
    expect(decodedBody(br).toString()).toBe(PAGE);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.toString()).toBe(PAGE);
    expect(identity.headers['content-length']).toBe(String(identity.body.length));
  });

  test('refused encodings (q=0) are not used; with none left the body goes as it is, varying', async () => {
    expect((await get('/shared', 'br;q=0, gzip')).headers['content-encoding']).toBe('gzip');
    const identity = await get('/shared', 'br;q=0, gzip;q=0');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers.vary).toBe('rsc, Accept-Encoding');
    expect(identity.body.toString()).toBe(PAGE);
    expect(identity.headers['content-length']).toBe(String(Buffer.byteLength(PAGE)));
    expect((await get('/shared')).body.toString()).toBe(PAGE);
  });

  test('a personal response is compressed for its request, never through the cache', async () => {
    for (const path of ['/shared-with-cookie', '/shared-with-cookie', '/private']) {
      const answer = await get(path, 'gzip, br');
      expect(answer.headers['content-encoding']).toBe('br');
      expect(answer.headers).not.toHaveProperty(COMPRESSION_CACHE_HEADER);
      expect(decodedBody(answer).toString()).toBe(PAGE);
    }
  });

  test('a build file piped in chunks is held, compressed once, and loses its byte ranges', async () => {
    const first = await get('/file.js', 'gzip');
    const second = await get('/file.js', 'gzip');
    expect(first.headers[COMPRESSION_CACHE_HEADER]).toBe('MISS');
    expect(second.headers[COMPRESSION_CACHE_HEADER]).toBe('HIT');
    expect(second.headers['accept-ranges']).toBeUndefined();
    expect(decodedBody(second).toString()).toBe(`console.log(${JSON.stringify(PAGE)});`);
  });

  test('small bodies and images go as they are', async () => {
    for (const path of ['/small', '/image']) {
      const answer = await get(path, 'br, gzip');
      expect(answer.headers['content-encoding'], path).toBeUndefined();
      expect(answer.headers['content-length'], path).toBe(String(answer.body.length));
    }
  });

  test('HEAD is answered with the headers of the GET, without a length it cannot know', async () => {
    const answer = await get('/shared', 'br', 'HEAD');
    expect(answer.headers).toMatchObject({ 'content-encoding': 'br', vary: 'rsc, Accept-Encoding' });
    expect(answer.headers['content-length']).toBeUndefined();
    expect(answer.headers['transfer-encoding']).toBeUndefined();
    expect(answer.body.length).toBe(0);
  });

  test('a stream is compressed as it goes: the first line arrives before the response ends', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      http
        .get(`${base}/stream`, { headers: { 'accept-encoding': 'br' }, agent: false }, (response) => {
          expect(response.headers['content-encoding']).toBe('br');
          let decoded = '';
          response
            .pipe(zlib.createBrotliDecompress())
            .on('data', (chunk: Buffer) => {
              decoded += chunk.toString();
              if (decoded.includes('"first"')) releaseStream(); // the server writes the rest only now
            })
            .on('end', () => resolve(decoded))
            .on('error', reject);
        })
        .on('error', reject);
    });
    expect(text).toBe('{"step":"first"}\n{"step":"last"}\n');
  });

  test('a large stream arrives whole through back-pressure', async () => {
    const answer = await get('/large-stream', 'gzip');
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(decodedBody(answer).toString()).toBe(LARGE_CHUNKS.join(''));
  });
});
