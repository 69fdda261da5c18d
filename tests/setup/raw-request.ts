// One HTTP request with its body as the bytes that came over the wire: fetch would decode them, and the
// tests of compression (lib/compression.server.test.ts, tests/e2e/compression.e2e.test.ts) look at both.
import http from 'node:http';
import zlib from 'node:zlib';

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      })
      .on('error', reject)
      .end();
  });
}

/** An answer's body as its identity bytes, undoing its Content-Encoding (br, gzip or none). */
export function decodedBody({ headers, body }: RawAnswer): Buffer {
  const encoding = headers['content-encoding'];
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  if (encoding === 'gzip') return zlib.gunzipSync(body);
  if (encoding !== undefined) throw new Error(`unexpected Content-Encoding ${encoding}`);
  return body;
}
