import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveApp } from '../setup/app-server';
import { createPostgresDatabase, PG_ADMIN_URL, seed, type TestDatabase } from '../setup/databases';
import { openPage, useBrowser } from './browser';

// A second server of the e2e build on its own PostgreSQL database, reached through a TCP relay that the
// test cuts (connections refused, open ones closed) and restores, as when the database server stops
// and comes back. Pages show their localized error with a retry; the API answers 503 with Retry-After
// (docs/decisions/018-unknown-paths-and-outages.md).

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A relay from a loopback port to `target` that can be cut and restored. */
async function startRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const relay = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('error', () => socket.destroy());
          socket.on('close', () => {
            sockets.delete(socket);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      relay.on('error', reject);
      relay.listen(port, '127.0.0.1', () => {
        server = relay;
        resolve((relay.address() as net.AddressInfo).port);
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (server) server.close(() => resolve());
      else resolve();
      server = undefined;
    });
  const port = await listen(0);
  return { port, cut, restore: () => listen(port), close: cut };
}

const available = await postgresAnswers();
if (!available && process.env.CI === 'true') throw new Error(`no PostgreSQL answers at ${PG_ADMIN_URL}`);
if (!available) console.log(`⚠ SKIPPED database outage tests: no PostgreSQL answers at ${PG_ADMIN_URL}`);

describe.runIf(available)('a database outage', () => {
  const browser = useBrowser();
  let database: TestDatabase | undefined;
  let relay: Awaited<ReturnType<typeof startRelay>> | undefined;
  let app: { url: string; stop: () => void } | undefined;

  beforeAll(async () => {
    database = await createPostgresDatabase();
    seed(database.url);
    const direct = new URL(database.url);
    relay = await startRelay(direct);
    const relayed = new URL(database.url);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(relay.port);
    app = await serveApp(relayed.toString());
  }, 300_000);

  afterAll(async () => {
    app?.stop();
    await relay?.close();
    await database?.drop();
  });

  test('pages show a localized error with a retry, the API answers 503 with Retry-After, and both come back', async () => {
    const url = app!.url;
    const english = await openPage(browser(), { locale: 'en-US' });
    const german = await openPage(browser(), { locale: 'de-DE' });
    await english.page.goto(`${url}/en`);
    await english.page.getByTestId('article-count').waitFor();

    await relay!.cut();
    const dictionary = `${url}/api/dictionary?lemma=Krieg`;
    const api = await fetch(dictionary);
    expect(api.status).toBe(503);
    expect(api.headers.get('retry-after')).toBe('5');
    expect(await api.json()).toEqual({ ok: false, error: 'errors:unavailable.database' });
    // A page cannot choose its status, but server.mjs turns the 500 of a render that failed for want of
    // the database into 503 with Retry-After (lib/request-outcome.server.mjs, ADR 040).
    for (const [{ page }, target, title] of [
      [english, '/en', 'This page could not be loaded'],
      [german, '/de/glossary', 'Diese Seite konnte nicht geladen werden'],
    ] as const) {
      const response = await page.goto(`${url}${target}`);
      expect(response?.status()).toBe(503);
      expect(await response?.headerValue('retry-after')).toBe('5');
      await page.getByTestId('page-error').waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    }

    await relay!.restore();
    await expect.poll(async () => (await fetch(dictionary)).status).toBe(200);
    // "Try again" renders the page again in place, as often as it takes.
    const retry = german.page.getByTestId('page-error-retry');
    await expect
      .poll(
        async () => {
          if (await retry.isVisible()) await retry.click();
          return german.page.getByTestId('term-count').isVisible();
        },
        { interval: 500 },
      )
      .toBe(true);
  });
});
