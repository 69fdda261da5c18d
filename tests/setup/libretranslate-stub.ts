import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

// A deterministic stand-in for a LibreTranslate server (POST /translate, GET /languages) on a free
// loopback port: the translation of `x` is `[MT] x`. Integration tests and the e2e app use it.

export type LibreTranslateStub = { url: string; requests: { q: string | string[] }[]; close(): Promise<void> };

async function bodyOf(request: IncomingMessage): Promise<Record<string, unknown> | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  const type = request.headers['content-type'] ?? '';
  try {
    if (type.includes('application/json')) {
      const value: unknown = JSON.parse(raw);
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : null;
    }
    const form = new URLSearchParams(raw);
    const result: Record<string, unknown> = {};
    for (const key of new Set(form.keys())) {
      const values = form.getAll(key);
      result[key] = values.length > 1 ? values : values[0];
    }
    return result;
  } catch {
    return null;
  }
}

export async function startLibreTranslateStub(options: { apiKey?: string } = {}): Promise<LibreTranslateStub> {
  const requests: { q: string | string[] }[] = [];
  const server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const path = new URL(request.url ?? '/', 'http://stub.invalid').pathname;
    if (request.method === 'GET' && path === '/languages') {
      send(200, [
        { code: 'de', name: 'German', targets: ['en'] },
        { code: 'en', name: 'English', targets: ['de'] },
      ]);
      return;
    }
    if (request.method !== 'POST' || path !== '/translate') {
      send(404, { error: 'Not found' });
      return;
    }
    void bodyOf(request).then((body) => {
      if (!body) return send(400, { error: 'Invalid request body' });
      if (options.apiKey && body.api_key !== options.apiKey) return send(403, { error: 'Invalid API key' });
      const q = body.q;
      const valid = typeof q === 'string' || (Array.isArray(q) && q.every((item) => typeof item === 'string'));
      if (!valid || (typeof q === 'string' && q === ''))
        return send(400, { error: 'Invalid request: missing q parameter' });
      requests.push({ q: q as string | string[] });
      const translate = (text: string) => `[MT] ${text}`;
      send(200, { translatedText: typeof q === 'string' ? translate(q) : (q as string[]).map(translate) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
