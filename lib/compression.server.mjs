// @ts-check
// Compression of the production server's responses, gzip and brotli (node:zlib), for server.mjs.
// A response that is the same for everyone (a page from Next's cache, a build file) is compressed once:
// its compressed bytes are kept by the hash of its bytes and served to every later request for them.
// Every other compressible response is compressed for its request, as it is written, so that a
// streamed page or a publish's progress still arrives piece by piece. next.config.mjs turns Next's
// own compression off. docs/decisions/047-compressed-once.md
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
/** @type {{ LRUCache: new <T>(maxSize: number, size: (value: T, key: string) => number) => { get(key: string): T | undefined, set(key: string, value: T): void } }} */
const { LRUCache } = require('next/dist/server/lib/lru-cache.js');

/** @typedef {'br' | 'gzip'} Encoding */
/** @typedef {Record<Encoding, Buffer>} EncodedBodies */
/** @typedef {(string | Buffer)[]} Body a body as written: bytes, or text in UTF-8 (hashed without a copy) */

/** @param {Body} body */
const bodyBytes = (body) =>
  Buffer.concat(body.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)));

/** The compressed bytes kept in memory, both encodings of every body together: the memory this costs. */
export const COMPRESSED_CACHE_BYTES = 32 * 1024 * 1024;
/** A shared response larger than this is compressed per request: one body may not crowd out the others. */
const CACHED_BODY_MAX_BYTES = 4 * 1024 * 1024;
/** Below this a body goes as it is: the encoding would save less than it costs (as the `compression` package). */
const MIN_BYTES = 1024;
/** The header that says whether a shared response's compressed bytes came from the cache (HIT) or were made now (MISS). */
export const COMPRESSION_CACHE_HEADER = 'x-compression-cache';

// Once per body: the smallest output. Per request: fast settings (as CDNs use for dynamic responses).
const ONCE = {
  br: {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    },
  },
  gzip: { level: 9 },
};
const PER_REQUEST = {
  br: {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    },
  },
  gzip: { level: zlib.constants.Z_DEFAULT_COMPRESSION },
};
/** Whole bodies, on libuv's thread pool: the event loop goes on serving meanwhile. */
const compressWhole = { br: promisify(zlib.brotliCompress), gzip: promisify(zlib.gzip) };
/** Streamed bodies: `flush` (Next calls it after every chunk it writes) sends what has been written so far. */
const compressStream = {
  br: () => ({ stream: zlib.createBrotliCompress(PER_REQUEST.br), flushKind: zlib.constants.BROTLI_OPERATION_FLUSH }),
  gzip: () => ({ stream: zlib.createGzip(PER_REQUEST.gzip), flushKind: zlib.constants.Z_SYNC_FLUSH }),
};

/**
 * The encoding to answer an Accept-Encoding with: the accepted one of highest q, brotli on a tie;
 * undefined for none (identity). `*` stands for any encoding not named; q=0 refuses.
 * @param {string | undefined} acceptEncoding
 * @returns {Encoding | undefined}
 */
export function negotiateEncoding(acceptEncoding) {
  /** @type {Map<string, number>} */
  const weights = new Map();
  for (const item of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...parameters] = item.split(';').map((part) => part.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name) weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weight = (/** @type {string} */ name) => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weight('br');
  const gzip = Math.max(weight('gzip'), weights.get('x-gzip') ?? 0);
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : undefined;
}

// Text of every kind (HTML, RSC payloads, CSS, JS, JSON, NDJSON, SVG); not event streams, whose reader
// waits on each event.
const COMPRESSIBLE =
  /^(text\/(?!event-stream)|application\/(javascript|(x-)?(nd)?json|xml|[\w.-]+\+(json|xml))|image\/svg\+xml)/i;

/**
 * Whether a response's body can be encoded at all: a compressible type, a body, no encoding yet.
 * @param {import('node:http').ServerResponse} response
 */
function isCompressible(response) {
  const status = response.statusCode;
  const length = response.getHeader('content-length');
  return (
    status >= 200 &&
    status !== 204 &&
    status !== 206 &&
    status !== 304 &&
    COMPRESSIBLE.test(String(response.getHeader('content-type') ?? '')) &&
    !response.hasHeader('content-encoding') &&
    !/\bno-transform\b/i.test(String(response.getHeader('cache-control') ?? '')) &&
    (length === undefined || Number(length) >= MIN_BYTES)
  );
}

/**
 * Whether a response is the same for everyone who asks: a page from Next's cache (`s-maxage`) or a build
 * file (`public`), with its length known (so not a stream), and nothing personal (no cookie, not private).
 * @param {import('node:http').ServerResponse} response
 */
export function isSharedResponse(response) {
  const cacheControl = String(response.getHeader('cache-control') ?? '');
  const length = Number(response.getHeader('content-length'));
  return (
    response.statusCode === 200 &&
    /\b(public|s-maxage=\d+)\b/i.test(cacheControl) &&
    !/\b(private|no-store|no-cache)\b/i.test(cacheControl) &&
    !response.hasHeader('set-cookie') &&
    Number.isInteger(length) &&
    length <= CACHED_BODY_MAX_BYTES
  );
}

/**
 * Compressed bodies by the SHA-256 of their bytes, least recently used out beyond `maxBytes`. The key is
 * the body itself, not the URL: it can only ever hand back the compression of the very bytes Next sent,
 * whichever request, version or header they came with.
 * @param {number} maxBytes
 */
export function createCompressedCache(maxBytes = COMPRESSED_CACHE_BYTES) {
  /** @type {{ get(key: string): EncodedBodies | undefined, set(key: string, value: EncodedBodies): void }} */
  const entries = new LRUCache(maxBytes, (/** @type {EncodedBodies} */ value) => value.br.length + value.gzip.length);
  /** @type {Map<string, Promise<EncodedBodies>>} bodies being compressed: concurrent requests wait for the same work */
  const pending = new Map();
  // A page from Next's cache is sent as the same string object on every request. Remembered with its
  // hash and its UTF-8 bytes, it is neither encoded nor hashed again: V8 keeps a string's hash on the
  // string, so finding it here costs a pointer comparison, where hashing its bytes cost more than the
  // rest of serving it (a two-byte string of 110 KB takes 0.4 ms to encode).
  /** @type {{ get(key: string): { key: string, bytes: Buffer } | undefined, set(key: string, value: { key: string, bytes: Buffer }): void }} */
  // A quarter of the compressed bytes' bound: the pages served most (each held as text and as bytes).
  const texts = new LRUCache(maxBytes / 4, (/** @type {{ key: string, bytes: Buffer }} */ value) => value.bytes.length);
  /**
   * The SHA-256 of a body's bytes; a body that is one text is remembered with its key and bytes.
   * @param {Body} body
   * @param {string | undefined} text
   */
  const keyOf = (body, text) => {
    cache.hashed++;
    const hash = createHash('sha256');
    for (const chunk of body) hash.update(chunk);
    const key = hash.digest('base64');
    if (text !== undefined) texts.set(text, { key, bytes: Buffer.from(text) });
    return key;
  };
  const cache = {
    /** How many bodies were hashed: each body once, a remembered text never again. */
    hashed: 0,
    /**
     * The UTF-8 bytes of a body sent before as this text, if it was: an identity answer sends them as they are.
     * @param {string} text
     */
    bytesOf: (text) => texts.get(text)?.bytes,
    /**
     * @param {Body} body
     * @returns {Promise<{ encoded: EncodedBodies, hit: boolean }>}
     */
    async encode(body) {
      const text = body.length === 1 && typeof body[0] === 'string' ? body[0] : undefined;
      const key = (text !== undefined && texts.get(text)?.key) || keyOf(body, text);
      const cached = entries.get(key);
      if (cached) return { encoded: cached, hit: true };
      let work = pending.get(key);
      if (!work) {
        const bytes = bodyBytes(body);
        work = Promise.all([compressWhole.br(bytes, ONCE.br), compressWhole.gzip(bytes, ONCE.gzip)]).then(
          ([br, gzip]) => {
            const encoded = { br, gzip };
            entries.set(key, encoded);
            return encoded;
          },
        );
        work.finally(() => pending.delete(key)).catch(() => {}); // the caller sees the error
        pending.set(key, work);
      }
      return { encoded: await work, hit: false };
    },
  };
  return cache;
}

/** @typedef {ReturnType<typeof createCompressedCache>} CompressedCache */

/**
 * Adds Accept-Encoding to a response's Vary, keeping what is there (Next varies pages on its router headers).
 * @param {import('node:http').ServerResponse} response
 */
function varyOnAcceptEncoding(response) {
  const vary = String(response.getHeader('vary') ?? '');
  if (vary.trim() === '*' || /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) return;
  response.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

/**
 * Headers that describe the encoded body, not the identity bytes.
 * @param {import('node:http').ServerResponse} response
 * @param {Encoding} encoding
 * @param {number | undefined} length the encoded length, if known
 */
function describeEncoding(response, encoding, length) {
  response.setHeader('content-encoding', encoding);
  if (length === undefined) response.removeHeader('content-length');
  else response.setHeader('content-length', length);
  response.removeHeader('accept-ranges'); // ranges would be of the identity bytes
  const etag = response.getHeader('etag');
  if (typeof etag === 'string' && !etag.startsWith('W/')) response.setHeader('etag', `W/${etag}`);
}

/**
 * Compresses a response of Next's request handler, before handing it the request. Wraps writeHead,
 * write, end and flushHeaders, and adds the `flush` Next calls after each chunk of a stream. The
 * encoding is decided when the status and headers are there (writeHead, or the first write or end). A
 * response that is not encoded goes straight through to Node; for one that is, the status and headers
 * are held back until the body's length is known: at the first chunk of a stream, or when the whole
 * body is there.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {CompressedCache} cache
 */
export function compressResponse(request, response, cache) {
  const encoding = negotiateEncoding(request.headers['accept-encoding']);
  const { writeHead, write, end, flushHeaders } = response;
  /** @type {{ encoding: Encoding, once: boolean } | null | undefined} how the body goes out (null: as it is), once decided */
  let plan;
  /** @type {Body} the body so far, while it is held */
  const chunks = [];
  /** @type {ReturnType<typeof compressStream.br> | undefined} */
  let compressor;

  const decide = () => {
    plan = null;
    if (!isCompressible(response)) return;
    varyOnAcceptEncoding(response);
    if (!encoding) return;
    if (request.method === 'HEAD')
      describeEncoding(response, encoding, undefined); // as a GET is answered, no body to measure
    else plan = { encoding, once: isSharedResponse(response) };
  };
  const sendHead = () => void (response.headersSent || Reflect.apply(writeHead, response, [response.statusCode]));

  response.writeHead = /** @type {typeof response.writeHead} */ (
    (/** @type {unknown[]} */ ...args) => {
      if (plan === null || response.headersSent) return Reflect.apply(writeHead, response, args);
      // Held: the status line and headers go onto the response, which sends them later.
      const [status, ...rest] = args;
      response.statusCode = Number(status);
      for (const argument of rest) {
        if (typeof argument === 'string') response.statusMessage = argument;
        else if (Array.isArray(argument)) {
          for (let index = 0; index + 1 < argument.length; index += 2)
            response.setHeader(argument[index], argument[index + 1]);
        } else if (typeof argument === 'object' && argument !== null) {
          for (const [name, value] of Object.entries(argument)) response.setHeader(name, value);
        }
      }
      decide();
      if (plan === null) return Reflect.apply(writeHead, response, [response.statusCode]);
      return response;
    }
  );

  /** A streamed body: compressed as it is written, each flush sent on. */
  const startStream = (/** @type {Encoding} */ chosen) => {
    if (compressor) return compressor;
    compressor = compressStream[chosen]();
    const { stream } = compressor;
    describeEncoding(response, chosen, undefined);
    sendHead();
    stream.on('data', (/** @type {Buffer} */ chunk) => {
      if (!Reflect.apply(write, response, [chunk])) stream.pause();
    });
    response.on('drain', () => stream.resume());
    stream.on('drain', () => response.emit('drain')); // the writer waits for it when write returned false
    stream.on('end', () => Reflect.apply(end, response, []));
    stream.on('error', (error) => response.destroy(error));
    response.once('close', () => stream.destroy());
    return compressor;
  };

  /** Sends a whole body in one piece, with its length. */
  const sendWhole = (
    /** @type {Buffer} */ body,
    /** @type {Encoding | undefined} */ chosen,
    /** @type {(() => void) | undefined} */ callback,
  ) => {
    if (chosen) describeEncoding(response, chosen, body.length);
    sendHead();
    Reflect.apply(end, response, [body, callback]);
  };

  /** Ends a held body: encoded once through the cache, or for this request. */
  const finish = async (
    /** @type {{ encoding: Encoding, once: boolean }} */ { encoding: chosen, once },
    /** @type {(() => void) | undefined} */ callback,
  ) => {
    try {
      if (once) {
        const { encoded, hit } = await cache.encode(chunks);
        response.setHeader(COMPRESSION_CACHE_HEADER, hit ? 'HIT' : 'MISS');
        sendWhole(encoded[chosen], chosen, callback);
      } else sendWhole(await compressWhole[chosen](bodyBytes(chunks), PER_REQUEST[chosen]), chosen, callback);
    } catch (error) {
      console.error(error);
      sendWhole(bodyBytes(chunks), undefined, callback);
    }
  };

  /** A chunk of the body as write and end take it: text (in the given encoding, UTF-8 by default) or bytes. */
  const bodyChunk = (/** @type {unknown} */ chunk, /** @type {unknown} */ chunkEncoding) => {
    if (typeof chunk !== 'string')
      return Buffer.isBuffer(chunk) ? chunk : Buffer.from(/** @type {Uint8Array} */ (chunk));
    const textEncoding = typeof chunkEncoding === 'string' ? chunkEncoding.toLowerCase() : 'utf8';
    return textEncoding === 'utf8' || textEncoding === 'utf-8'
      ? chunk
      : Buffer.from(chunk, /** @type {BufferEncoding} */ (textEncoding));
  };

  response.write = /** @type {typeof response.write} */ (
    (/** @type {unknown[]} */ ...args) => {
      if (plan === undefined) decide();
      if (!plan) return Reflect.apply(write, response, args);
      if (!plan.once) {
        const { stream } = startStream(plan.encoding);
        return Reflect.apply(stream.write, stream, args);
      }
      const [chunk, chunkEncoding, callback] = args;
      chunks.push(bodyChunk(chunk, chunkEncoding));
      const done = typeof chunkEncoding === 'function' ? chunkEncoding : callback;
      if (typeof done === 'function') process.nextTick(done);
      return true;
    }
  );

  response.end = /** @type {typeof response.end} */ (
    (/** @type {unknown[]} */ ...args) => {
      if (plan === undefined) decide();
      if (!plan) {
        // A shared page asked for as it is: the bytes it was sent as before, if it was, not encoded again.
        const [chunk] = args;
        const bytes =
          !encoding && typeof chunk === 'string' && isSharedResponse(response) ? cache.bytesOf(chunk) : undefined;
        if (bytes) args[0] = bytes;
        return Reflect.apply(end, response, args);
      }
      const callback = /** @type {(() => void) | undefined} */ (
        args.find((argument) => typeof argument === 'function')
      );
      const [chunk, chunkEncoding] = args;
      const last =
        chunk === undefined || chunk === null || typeof chunk === 'function'
          ? undefined
          : bodyChunk(chunk, chunkEncoding);
      if (compressor) {
        if (callback) response.once('finish', callback);
        compressor.stream.end(last);
      } else {
        if (last) chunks.push(last);
        void finish(plan, callback);
      }
      return response;
    }
  );

  response.flushHeaders = () => {
    if (plan === undefined) decide();
    if (!plan) Reflect.apply(flushHeaders, response, []);
    else if (!plan.once) {
      startStream(plan.encoding);
      Reflect.apply(flushHeaders, response, []);
    } // a held body's head waits for its length
  };

  /** What Next calls after each chunk it streams (as with the `compression` package). */
  Object.assign(response, {
    flush: () => compressor?.stream.flush(compressor.flushKind),
  });
}
