// @ts-check
// The production server: Next's request handler behind the security headers (`npm start`; usage:
// `node server.mjs [-p port] [-H hostname]`, like `next start`). It exists because a page's policy can
// only be chosen once Next has answered: a page from the cache brings its own (hashes), every other
// response gets the request's nonce. Middleware (proxy.ts) runs before Next knows which it will be.
// docs/decisions/020-security-headers.md
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { compressResponse, createCompressedCache } from './lib/compression.server.mjs';
import { RETRY_AFTER_SECONDS, requestOutcome } from './lib/request-outcome.server.mjs';
import { secureResponse, staticSecurityHeaders } from './lib/security-headers.server.mjs';

// As `next start` does, before Next (and React) load.
Object.assign(process.env, { NODE_ENV: 'production' });
const { default: next } = await import('next');

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname; // all interfaces, like `next start`

const app = next({ dev: false, port, hostname });
const handle = app.getRequestHandler();
await app.prepare(); // also loads .env into process.env

// HSTS when the public origin is https: browsers ignore the header on plain http, so one setting
// (the one better-auth already needs) decides, with no guess from request headers.
const headers = staticSecurityHeaders({ https: process.env.BETTER_AUTH_URL?.startsWith('https://') ?? false });

// gzip and brotli, here rather than in Next (compress: false): a page from the cache, the same bytes for
// everyone, is compressed once and its compressed bytes served again (docs/decisions/047-compressed-once.md).
const compressed = createCompressedCache();

const server = createServer((request, response) => {
  const outcome = { databaseUnavailable: false };
  requestOutcome.run(outcome, () => {
    secureResponse(request, response, headers);
    // A page that failed because the database is unavailable: 503 and Retry-After, not 500.
    const writeHead = response.writeHead;
    response.writeHead = /** @type {typeof response.writeHead} */ (
      (/** @type {unknown[]} */ ...args) => {
        if (outcome.databaseUnavailable && args[0] === 500) {
          args[0] = 503;
          response.statusCode = 503;
          response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
        }
        return Reflect.apply(writeHead, response, args);
      }
    );
    // Last, so it sees the headers Next set and sends them, through the two above, once the body's encoding is known.
    compressResponse(request, response, compressed);
    handle(request, response).catch((error) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
});
// An idle keep-alive connection is closed by the proxy in front (nginx: 60 s), never by us first: Node's
// 5 s default let nginx send a request on a connection this server was closing at that moment, which
// nginx answers with 502 for a POST (it retries only idempotent requests). Seen by bench:cluster-load.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
// Connections wait in the kernel's queue while every core is busy rendering: with Node's default of 511,
// the queue overflowed under bench:cluster-load, nginx's connect timed out and it marked a slow (not a
// dead) instance down, so overload turned into 502s for every request. The kernel caps it at somaxconn.
const BACKLOG = 4096;
server.listen({ port, host: hostname, backlog: BACKLOG }, () => {
  console.log(`▲ Ready on http://${hostname ?? 'localhost'}:${port}`);
});
