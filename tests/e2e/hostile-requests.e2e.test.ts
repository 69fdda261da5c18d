import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { paths } from '@/lib/paths';
import { DIST_DIR } from '../setup/app-server';
import { REPO_ROOT } from '../setup/databases';
import { openPage, useBrowser } from './browser';

// Requests no page of the app makes, as anyone on the internet can send them: unknown slugs by the
// thousand, paths that do not decode, made-up locales, and server-action calls from another site or
// with bodies that are not what the islands send. None may grow the server's cache or answer a 500
// (docs/decisions/018-unknown-paths-and-outages.md).
const appUrl = inject('appUrl');
const browser = useBrowser();
const SLUG = 'chinas-kalkulation-waffenlieferungen';

/** Where Next keeps rendered pages and route answers: the build's seeds and what it caches at run time. */
const CACHE_DIRS = ['server/app', 'server/route-cache'].map((dir) => path.join(REPO_ROOT, DIST_DIR, dir));

function cachedFiles(): string[] {
  return CACHE_DIRS.filter((dir) => fs.existsSync(dir)).flatMap((dir) =>
    fs
      .readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name)),
  );
}

function cacheFootprint(): { files: number; bytes: number } {
  const files = cachedFiles();
  return { files: files.length, bytes: files.reduce((sum, file) => sum + fs.statSync(file).size, 0) };
}

/** GETs every URL, `parallel` at a time; the count of each status. */
async function getAll(urls: string[], parallel: number): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < urls.length; i = next++) {
      const response = await fetch(urls[i]!);
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return statuses;
}

describe('unknown slugs', () => {
  test('does not cache a page or word list for an unknown slug', { timeout: 900_000 }, async () => {
    // 10,000 distinct slugs: 500 article pages (a 404 page takes ~40 ms on a busy machine), the rest the
    // article's word list. Before, each wrote 7 (page) or 2 (list) files, which stayed.
    const run = Date.now().toString(36);
    const urls = Array.from({ length: 10_000 }, (_, i) => {
      const slug = `unknown-${run}-${i}`;
      if (i >= 500) return `${appUrl}${paths.articleWordsApi(slug)}`;
      return `${appUrl}${paths.article(i % 2 ? 'en' : 'de', slug)}`;
    });
    const before = cacheFootprint();
    expect(await getAll(urls, 20)).toEqual({ 404: 10_000 });
    expect(cacheFootprint()).toEqual(before);
  });

  test('still caches a known article on its first request', async () => {
    const url = `${appUrl}${paths.article('de', 'china-hilft-russland-aufruestung')}`;
    expect((await fetch(url)).status).toBe(200);
    await expect.poll(async () => (await fetch(url)).headers.get('x-nextjs-cache')).toBe('HIT');
    expect(cachedFiles().some((file) => file.endsWith('/de/articles/china-hilft-russland-aufruestung.html'))).toBe(
      true,
    );
  });
});

describe('paths no page has', () => {
  test.each([
    ['a path that does not percent-decode', '/en/articles/%C0%AE', 'en-US', 'Page not found'],
    ['a truncated percent-encoding', '/de/glossary/%E0%A4%A', 'en-US', 'Seite nicht gefunden'],
    ['a first segment that does not decode', '/%E0%A4%A/about', 'de-DE', 'Seite nicht gefunden'],
    ['an unknown locale with a deeper path', '/xx/about', 'de-DE', 'Seite nicht gefunden'],
    ['an unknown locale before an article', `/xx/articles/${SLUG}`, 'en-US', 'Page not found'],
  ])('answers %s with the localized 404, not a 500', async (_case, target, browserLocale, heading) => {
    const { page } = await openPage(browser(), { locale: browserLocale });
    const response = await page.goto(`${appUrl}${target}`);
    expect(response?.status()).toBe(404);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
    await page.context().close();
  });

  test('answers an API path that does not percent-decode with 400, not a 500', async () => {
    const response = await fetch(`${appUrl}/api/articles/%C0%AE/words`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: 'errors:action.invalid' });
  });
});

type ManifestEntry = { workers: Record<string, unknown>; exportedName: string };
const manifest = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, DIST_DIR, 'server/server-reference-manifest.json'), 'utf8'),
) as { node: Record<string, ManifestEntry> };
/** The account page's rename action, posted to that page as the browser does. */
const RENAME = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === 'renameAction')![0];
const ACCOUNT = `${appUrl}/en/account`;

function callAction(body: BodyInit, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(ACCOUNT, {
    method: 'POST',
    headers: { 'next-action': RENAME, 'content-type': 'text/plain;charset=UTF-8', origin: appUrl, ...headers },
    body,
  });
}

describe('server-action calls', () => {
  test('a call as the islands make it still reaches the action', async () => {
    const response = await callAction(JSON.stringify([{ name: 'Someone', note: '$$dollar', gone: '$undefined' }]));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('{"ok":false,"error":"account:errors.signedOut"}');
  });

  test.each([['https://evil.example'], ['null'], ['not a url']])(
    'refuses a call with Origin %s with 403, not a 500',
    async (origin) => {
      const response = await callAction(JSON.stringify([{ name: 'x' }]), { origin });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ ok: false, error: 'errors:action.forbidden' });
    },
  );

  test.each([
    ['a body that is not JSON', 'not json{{'],
    ['an empty body', ''],
    ['a body that is no argument list', '5'],
    ['a reference to a part the body does not have', '["$Q1"]'],
    ['a malformed BigInt', '["$nope"]'],
  ])('refuses %s with 400, not a 500', async (_case, body) => {
    const response = await callAction(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: 'errors:action.invalid' });
  });

  test('refuses multipart bodies, with or without an action id, with 415, not a 500', async () => {
    const garbage = { 'content-type': 'multipart/form-data; boundary=xyz' };
    expect((await callAction('garbage', garbage)).status).toBe(415);
    const noJavaScriptForm = await fetch(ACCOUNT, {
      method: 'POST',
      headers: { ...garbage, origin: appUrl },
      body: 'x',
    });
    expect(noJavaScriptForm.status).toBe(415);
  });

  test('refuses a body over the action size limit with 413, not a 500', async () => {
    const response = await callAction(JSON.stringify(['a'.repeat(6 * 1024 * 1024)]));
    expect(response.status).toBe(413);
  });

  test('answers an unknown action id with a 4xx', async () => {
    const unknown = await callAction('["x"]', { 'next-action': '40' + 'de'.repeat(20) });
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(unknown.status).toBeLessThan(500);
  });
});
