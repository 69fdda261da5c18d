import { readFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// Web pages on a free loopback port for imports by link (docs/decisions/043-import-from-a-link.md):
// an article, pages in old encodings, redirects (into private addresses too), a page that never ends,
// one that stalls, and answers that are not HTML. Loopback is what the importer refuses, so tests name
// this server in IMPORT_FETCH_ALLOW_HOSTS (or the fetcher's allowHosts).

export type PageServer = {
  /** http://127.0.0.1:<port> */
  url: string;
  /** 127.0.0.1:<port>, as IMPORT_FETCH_ALLOW_HOSTS names it */
  host: string;
  port: number;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
};

/** A German article (the e2e suite's HTML fixture: navigation, cookie banner, ads around the text). */
export const ARTICLE_HTML = readFileSync(path.join(import.meta.dirname, '../e2e/fixtures/article.html'));

/** A page in windows-1252: its umlauts and ß are single bytes. */
const latin1Page = (meta: string) =>
  Buffer.from(
    `<!doctype html><html><head>${meta}<title>Grüße aus Köln</title></head><body><article>` +
      '<p>Die Straßenbahn fährt über die Brücke, und die Bürger grüßen einander.</p>' +
      '<p>Später öffnen die Läden ihre Türen.</p></article></body></html>',
    'latin1',
  );

export async function startPageServer(): Promise<PageServer> {
  const requests: string[] = [];
  let port = 0;
  const html = (response: ServerResponse, body: Buffer, contentType = 'text/html; charset=utf-8') => {
    response.writeHead(200, { 'content-type': contentType, 'content-length': body.length });
    response.end(body);
  };
  const redirect = (response: ServerResponse, location: string) => {
    response.writeHead(302, { location });
    response.end();
  };
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://pages.invalid').pathname;
    requests.push(pathname);
    const chain = /^\/kette\/(\d+)$/u.exec(pathname);
    if (chain) {
      const left = Number(chain[1]);
      return redirect(response, left === 0 ? '/artikel.html' : `/kette/${left - 1}`);
    }
    switch (pathname) {
      case '/artikel.html':
        return html(response, ARTICLE_HTML);
      case '/xhtml':
        return html(response, ARTICLE_HTML, 'application/xhtml+xml; charset=utf-8');
      case '/latin1-header.html':
        return html(response, latin1Page(''), 'text/html; charset=ISO-8859-1');
      case '/latin1-meta.html':
        return html(
          response,
          latin1Page('<meta http-equiv="content-type" content="text/html; charset=iso-8859-1">'),
          'text/html',
        );
      case '/gzip.html': {
        const body = gzipSync(ARTICLE_HTML);
        response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        return response.end(body);
      }
      case '/weiter':
        return redirect(response, '/artikel.html');
      case '/privat':
        return redirect(response, 'http://10.0.0.1/');
      case '/metadaten':
        return redirect(response, 'http://169.254.169.254/latest/meta-data/');
      case '/localhost':
        return redirect(response, `http://localhost:${port}/artikel.html`);
      case '/datei':
        return redirect(response, 'file:///etc/passwd');
      case '/angekuendigt-gross':
        // Says it is larger than any page may be (and never sends it).
        response.writeHead(200, { 'content-type': 'text/html', 'content-length': 50_000_000 });
        return response.write('<!doctype html>');
      case '/endlos': {
        // A page without end: only a reader that stops reading finishes.
        response.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.from(`<p>${'Endlos weiter. '.repeat(1000)}</p>`);
        const more = () => {
          while (!response.destroyed && response.write(chunk));
        };
        response.on('drain', more);
        return more();
      }
      case '/haengt':
        // Starts the page, then says nothing more.
        response.writeHead(200, { 'content-type': 'text/html' });
        return response.write('<!doctype html><html><body><p>Gleich geht es weiter');
      case '/schweigt':
        return; // never answers
      case '/daten.json':
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end('{"titel":"Kein Artikel"}');
      case '/ohne-typ':
        return response.end('<p>Ohne Inhaltstyp</p>');
      default:
        response.writeHead(404, { 'content-type': 'text/html' });
        return response.end('<h1>Nicht gefunden</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
