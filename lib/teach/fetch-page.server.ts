import 'server-only';
import dns from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import htmlEncodingSniffer from 'html-encoding-sniffer';
import ipaddr from 'ipaddr.js';
import { env } from '@/lib/env.server';
import { HTML_RAW_MAX } from './schema';

// A web page fetched for an import by link, guarded against server-side request forgery
// (docs/decisions/043-import-from-a-link.md): only http(s), only public addresses — the host's and
// every redirect target's, checked on the very addresses the connection then uses (one lookup, no
// second one an attacker's DNS could answer differently) — within a deadline and a size limit, and
// only HTML, decoded in its own character encoding.

/** Why a link is refused; the importer shows `teach:errors.link.<reason>`. */
export const LINK_REFUSALS = [
  'scheme',
  'private',
  'redirectPrivate',
  'redirects',
  'timeout',
  'tooLarge',
  'notHtml',
  'status',
  'unreachable',
] as const;
export type LinkRefusal = (typeof LINK_REFUSALS)[number];

export class LinkRefusedError extends Error {
  constructor(
    readonly reason: LinkRefusal,
    options?: ErrorOptions,
  ) {
    super(`link refused: ${reason}`, options);
    this.name = 'LinkRefusedError';
  }
}

/** A host name's addresses (dns.lookup with `all`); tests may answer for names of their own. */
export type Resolver = (hostname: string) => Promise<readonly dns.LookupAddress[]>;

export type FetchPageOptions = {
  /** For everything, from the first lookup to the body's last byte. */
  timeoutMs?: number;
  /** Bytes of the (decompressed) body; reading stops beyond them. */
  maxBytes?: number;
  maxRedirects?: number;
  /** `host:port` pairs that may be fetched although not public (tests only: IMPORT_FETCH_ALLOW_HOSTS). */
  allowHosts?: readonly string[];
  resolve?: Resolver;
};

export type FetchedPage = {
  /** Where the page was read, after redirects. */
  url: string;
  html: string;
};

const TIMEOUT_MS = 10_000;
/** A page's bytes are at least its characters, so this also keeps the text within the importer's HTML limit. */
const MAX_BYTES = HTML_RAW_MAX;
const MAX_REDIRECTS = 5;
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Global unicast IPv6 (2000::/3): everything else (IPv4-compatible ::a.b.c.d among it) is not the public internet. */
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * Whether an address is on the public internet: ipaddr.js's 'unicast' range (not loopback, private,
 * link-local with the cloud metadata address, carrier-grade NAT, unspecified, multicast, broadcast,
 * reserved, unique-local …), an IPv4-mapped IPv6 address judged as its IPv4 address.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv6' && !parsed.match(GLOBAL_UNICAST_V6)) return false;
  return parsed.range() === 'unicast';
}

/**
 * A `lookup` for the connection that resolves the name once and hands the connection exactly the
 * addresses it checked: a name with any address that is not public is refused.
 */
function publicLookup(resolve: Resolver, refusal: LinkRefusal): net.LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (all) => {
        if (!all.every((a) => isPublicAddress(a.address))) return callback(new LinkRefusedError(refusal), '');
        const addresses = options.family ? all.filter((a) => a.family === options.family) : [...all];
        const first = addresses[0];
        if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

/** The connection's lookup for `url`, after refusing a link that is not http(s) or names a non-public address. */
function lookupFor(url: URL, redirected: boolean, options: Required<FetchPageOptions>): net.LookupFunction | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new LinkRefusedError('scheme');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  if (options.allowHosts.includes(`${url.hostname}:${port}`)) return undefined;
  const refusal = redirected ? 'redirectPrivate' : 'private';
  const literal = url.hostname.replace(/^\[(.*)\]$/u, '$1');
  if (net.isIP(literal)) {
    if (!isPublicAddress(literal)) throw new LinkRefusedError(refusal);
    return undefined; // connecting to an address looks nothing up
  }
  return publicLookup(options.resolve, refusal);
}

function get(url: URL, signal: AbortSignal, lookup: net.LookupFunction | undefined): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(
      url,
      {
        signal,
        lookup,
        // A connection of its own: never one pooled for another address.
        agent: false,
        headers: {
          accept: 'text/html, application/xhtml+xml;q=0.9',
          'accept-encoding': 'gzip, deflate, br',
          'accept-language': 'de, en;q=0.5',
          'user-agent': 'Lesebruecke/0.1 (article import)',
        },
      },
      resolve,
    );
    request.on('error', reject);
  });
}

/** The decompressed body, up to `maxBytes` (beyond them the connection is closed and the page refused). */
async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (Number(response.headers['content-length']) > maxBytes) throw new LinkRefusedError('tooLarge');
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decompress =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : null;
  if (!decompress && encoding !== 'identity') throw new LinkRefusedError('notHtml');
  const body: Readable = decompress ? pipeline(response, decompress, () => {}) : response;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw new LinkRefusedError('tooLarge');
      chunks.push(chunk as Buffer);
    }
  } finally {
    response.destroy();
  }
  return Buffer.concat(chunks);
}

/**
 * The page's text: in the encoding of its byte order mark, its Content-Type's charset or its
 * <meta charset> (the HTML Standard's sniffing); without any, UTF-8 if it is valid UTF-8, else
 * windows-1252 (the old default of German pages, a superset of ISO-8859-1).
 */
function decode(bytes: Buffer, contentType: string): string {
  const label = /;\s*charset\s*=\s*"?([^";\s]+)/iu.exec(contentType)?.[1];
  const encoding = htmlEncodingSniffer(bytes, { transportLayerEncodingLabel: label, defaultEncoding: 'UTF-8' });
  try {
    return new TextDecoder(encoding, { fatal: encoding === 'UTF-8' }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Fetches an HTML page from a public address; refusals throw LinkRefusedError. */
export async function fetchPage(address: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const settings: Required<FetchPageOptions> = {
    timeoutMs: TIMEOUT_MS,
    maxBytes: MAX_BYTES,
    maxRedirects: MAX_REDIRECTS,
    allowHosts: env.IMPORT_FETCH_ALLOW_HOSTS,
    resolve: systemResolver,
    ...options,
  };
  const signal = AbortSignal.timeout(settings.timeoutMs);
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new LinkRefusedError('scheme');
  }
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await get(url, signal, lookupFor(url, redirects > 0, settings));
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location) {
        response.destroy();
        if (redirects === settings.maxRedirects) throw new LinkRefusedError('redirects');
        url = new URL(location, url);
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw new LinkRefusedError('status');
      }
      const contentType = response.headers['content-type'] ?? '';
      if (!HTML_TYPES.has(contentType.split(';')[0]!.trim().toLowerCase())) {
        response.destroy();
        throw new LinkRefusedError('notHtml');
      }
      const bytes = await readBody(response, settings.maxBytes);
      return { url: url.href, html: decode(bytes, contentType) };
    }
  } catch (error) {
    if (error instanceof LinkRefusedError) throw error;
    if (signal.aborted) throw new LinkRefusedError('timeout', { cause: error });
    throw new LinkRefusedError('unreachable', { cause: error });
  }
}
