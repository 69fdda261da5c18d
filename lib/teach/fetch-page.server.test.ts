import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { resources } from '@/lib/i18n/resources';
import { startPageServer, type PageServer } from '@/tests/setup/page-server';
import {
  fetchPage,
  isPublicAddress,
  LINK_REFUSALS,
  LinkRefusedError,
  type FetchPageOptions,
  type LinkRefusal,
} from './fetch-page.server';

// Pages come from a real HTTP server on loopback, which the fetcher refuses unless a test names it in
// allowHosts (as IMPORT_FETCH_ALLOW_HOSTS does for the app in tests).
let pages: PageServer;
let allowed: FetchPageOptions;

beforeAll(async () => {
  pages = await startPageServer();
  allowed = { allowHosts: [pages.host] };
});
afterAll(() => pages.close());

async function refusal(url: string, options: FetchPageOptions = allowed): Promise<LinkRefusal> {
  const error: unknown = await fetchPage(url, options).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof LinkRefusedError)) throw new Error(`expected a refusal of ${url}, got ${String(error)}`);
  return error.reason;
}

describe('public addresses', () => {
  test.each([
    ['8.8.8.8', true],
    ['93.184.216.34', true],
    ['2a00:1450:4001:82a::200e', true],
    ['127.0.0.1', false],
    ['127.5.6.7', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['192.0.2.1', false],
    ['240.0.0.1', false],
    ['::', false],
    ['::1', false],
    ['fc00::1', false],
    ['fd12:3456::1', false],
    ['fe80::1', false],
    ['ff02::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:169.254.169.254', false],
    ['::7f00:1', false],
    ['64:ff9b::a00:1', false],
    ['2002:a00:1::', false],
    ['not an address', false],
  ])('%s: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe('fetching a page', () => {
  test('an allowed test server’s article, its address and its text', async () => {
    const page = await fetchPage(`${pages.url}/artikel.html`, allowed);
    expect(page.url).toBe(`${pages.url}/artikel.html`);
    expect(page.html).toContain('Werkzeugmaschinen für Moskau');
  });

  test('redirects are followed, each checked; the address read is the last one', async () => {
    expect((await fetchPage(`${pages.url}/weiter`, allowed)).url).toBe(`${pages.url}/artikel.html`);
    expect((await fetchPage(`${pages.url}/kette/4`, allowed)).url).toBe(`${pages.url}/artikel.html`);
  });

  test('windows-1252 pages by the header’s charset or the page’s meta; gzip; XHTML', async () => {
    for (const path of ['/latin1-header.html', '/latin1-meta.html']) {
      const { html } = await fetchPage(`${pages.url}${path}`, allowed);
      expect(html, path).toContain('Die Straßenbahn fährt über die Brücke, und die Bürger grüßen einander.');
      expect(html, path).toContain('Grüße aus Köln');
    }
    expect((await fetchPage(`${pages.url}/gzip.html`, allowed)).html).toContain('Werkzeugmaschinen für Moskau');
    expect((await fetchPage(`${pages.url}/xhtml`, allowed)).html).toContain('Werkzeugmaschinen für Moskau');
  });
});

describe('refusals', () => {
  test('links that are not http or https', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.org/', 'javascript:alert(1)', 'gopher://x/', 'kein Link'])
      expect(await refusal(url), url).toBe('scheme');
    expect(await refusal(`${pages.url}/datei`)).toBe('scheme');
  });

  test('private, loopback, link-local and other non-public addresses, before any connection', async () => {
    for (const url of [
      'http://10.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://192.168.0.1/',
      'http://172.16.5.4:8080/',
      'http://100.64.0.1/',
      'http://0.0.0.0/',
      'http://224.0.0.1/',
      'http://[::1]/',
      'http://[fc00::1]/',
      'http://[fe80::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://2130706433/', // 127.0.0.1 as one number
      'http://0x7f.1/',
    ])
      expect(await refusal(url), url).toBe('private');
  });

  test('the test server itself, without the allowlist, and on a port the allowlist does not name', async () => {
    const before = pages.requests.length;
    expect(await refusal(`${pages.url}/artikel.html`, {})).toBe('private');
    expect(await refusal(`http://127.0.0.1:${pages.port === 1 ? 2 : pages.port - 1}/`)).toBe('private');
    expect(await refusal(`${pages.url}/artikel.html`, { allowHosts: [`127.0.0.1:${pages.port + 1}`] })).toBe('private');
    expect(pages.requests.length).toBe(before);
  });

  test('names that resolve to private addresses: localhost, and any name a resolver answers so', async () => {
    expect(await refusal(`http://localhost:${pages.port}/artikel.html`)).toBe('private');
    const intranet = (addresses: LookupAddress[]): FetchPageOptions => ({ ...allowed, resolve: async () => addresses });
    expect(await refusal('http://intranet.example/', intranet([{ address: '10.1.2.3', family: 4 }]))).toBe('private');
    expect(await refusal('http://metadata.example/', intranet([{ address: '169.254.169.254', family: 4 }]))).toBe(
      'private',
    );
    expect(await refusal('https://v6.example/', intranet([{ address: 'fd00::1', family: 6 }]))).toBe('private');
    // One private address among public ones is enough.
    expect(
      await refusal(
        'http://mixed.example/',
        intranet([
          { address: '93.184.216.34', family: 4 },
          { address: '192.168.1.1', family: 4 },
        ]),
      ),
    ).toBe('private');
  });

  test('a name is resolved once: a second answer (DNS rebinding) is never asked for', async () => {
    const answers: string[] = [];
    const rebinding: FetchPageOptions = {
      ...allowed,
      timeoutMs: 1_000,
      resolve: async () => {
        answers.push(answers.length === 0 ? '8.8.8.8' : '127.0.0.1');
        return [{ address: answers.at(-1)!, family: 4 }];
      },
    };
    // The public address it checked is the one it connects to (unreachable offline, or no web server there).
    expect(['unreachable', 'timeout']).toContain(
      await refusal(`http://rebinding.example:${pages.port}/artikel.html`, rebinding),
    );
    expect(answers).toHaveLength(1);
  });

  test('redirects into private addresses, to localhost, or to a port the allowlist does not name', async () => {
    expect(await refusal(`${pages.url}/privat`)).toBe('redirectPrivate');
    expect(await refusal(`${pages.url}/metadaten`)).toBe('redirectPrivate');
    expect(await refusal(`${pages.url}/localhost`)).toBe('redirectPrivate');
  });

  test('more than five redirects', async () => {
    expect((await fetchPage(`${pages.url}/kette/4`, allowed)).html).toContain('Werkzeugmaschinen');
    expect(await refusal(`${pages.url}/kette/5`)).toBe('redirects');
    expect(await refusal(`${pages.url}/kette/2`, { ...allowed, maxRedirects: 2 })).toBe('redirects');
  });

  test('a body beyond the limit, announced or streamed without end', async () => {
    expect(await refusal(`${pages.url}/angekuendigt-gross`)).toBe('tooLarge');
    expect(await refusal(`${pages.url}/endlos`)).toBe('tooLarge');
    expect(await refusal(`${pages.url}/artikel.html`, { ...allowed, maxBytes: 1_000 })).toBe('tooLarge');
  });

  test('a server that stalls, before answering or in the middle of the page', async () => {
    const quick = { ...allowed, timeoutMs: 300 };
    expect(await refusal(`${pages.url}/schweigt`, quick)).toBe('timeout');
    expect(await refusal(`${pages.url}/haengt`, quick)).toBe('timeout');
  });

  test('answers that are not HTML, and error statuses', async () => {
    expect(await refusal(`${pages.url}/daten.json`)).toBe('notHtml');
    expect(await refusal(`${pages.url}/ohne-typ`)).toBe('notHtml');
    expect(await refusal(`${pages.url}/fehlt`)).toBe('status');
  });

  test('a host that is not there', async () => {
    expect(await refusal('http://nowhere.invalid/', { ...allowed, timeoutMs: 5_000 })).toBe('unreachable');
  });
});

test('each refusal, and the form’s own (no link, too long), has its message in both languages', () => {
  for (const locale of ['en', 'de'] as const) {
    const messages = (resources[locale].teach as { errors: { link: Record<string, string> } }).errors.link;
    for (const reason of ['empty', 'tooLong', ...LINK_REFUSALS])
      expect(messages[reason], `${locale}: ${reason}`).toMatch(/\S/u);
  }
});
