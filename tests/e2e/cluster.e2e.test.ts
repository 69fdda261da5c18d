import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { missingServices, startCluster } from '../../scripts/cluster.mjs';
import { DIST_DIR } from '../setup/app-server';
import { createPostgresDatabase, seed, type TestDatabase } from '../setup/databases';
import { useBrowser } from './browser';

// Issue 15: the app as a school runs it (scripts/cluster.mjs, docs/decisions/040-deployment-shape.md):
// nginx in front of two instances of the e2e build on one PostgreSQL database, with Redis and a
// worker. What one instance does, the other shows at the very next request, directly and through
// nginx: a publish (annotated by the worker), an unpublish, a session and a sign-in budget. nginx is
// the one trusted proxy, so a forged X-Forwarded-For from outside changes nothing, and its own
// answers (build files) carry the security headers too.
const browser = useBrowser();
let database: TestDatabase;
let cluster: Awaited<ReturnType<typeof startCluster>>;
let dir = '';
let teacher: BrowserContext;
const problems: string[] = [];
const TEACHER = { email: `cluster-teacher-${Date.now()}@example.test`, password: 'cluster teacher password' };
const BODY = ['Der Stellvertreterkrieg dauert an.', 'Die rote Linie wurde überschritten.'];
const ENGLISH = ['The proxy war goes on.', 'The red line was crossed.'];
let slug = '';

const a = () => cluster.instances[0]!.url!;
const b = () => cluster.instances[1]!.url!;
const nginx = () => cluster.url;

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`pageerror: ${String(error)}`));
  return page;
}

/** An anonymous GET's status and body. */
async function read(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, text: await response.text() };
}

/** Signs in through `base` from its own client address; the answer's status. */
async function signIn(request: APIRequestContext, base: string, password: string, address: string): Promise<number> {
  const response = await request.post(`${base}/api/auth/sign-in/email`, {
    data: { email: TEACHER.email, password },
    headers: { origin: base, 'x-forwarded-for': address },
  });
  return response.status();
}

// Outside CI a machine without nginx or redis-server skips this file, saying so (CI installs them: .ci/run).
const missing = missingServices();
if (missing.length && process.env.CI === 'true') throw new Error(`cluster e2e: missing ${missing.join(', ')}`);
if (missing.length)
  console.warn(`⚠ SKIPPED cluster e2e: no ${missing.join(', ')} (apt-get install nginx redis-server)`);

describe.skipIf(missing.length > 0)('two instances behind nginx', () => {
  beforeAll(async () => {
    database = await createPostgresDatabase();
    seed(database.url);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lesebruecke-cluster-'));
    cluster = await startCluster({
      databaseUrl: database.url,
      distDir: DIST_DIR,
      copyBuild: true,
      dir,
      redisPrefix: `e2e-${process.pid}:`,
      env: { BETTER_AUTH_SECRET: 'test-only-secret-0123456789abcdef0123456789', TEACHER_SIGNUP: 'open' },
    });
    teacher = await browser().newContext({ locale: 'en-US', viewport: { width: 1200, height: 900 } });
    // Signed up on instance A; the cookie is the browser's for every port of 127.0.0.1.
    const signUp = await teacher.request.post(`${a()}/api/auth/sign-up/email`, {
      data: { name: 'Cluster Teacher', role: 'teacher', ...TEACHER },
      headers: { origin: a(), 'x-forwarded-for': '203.0.113.10' },
    });
    expect(signUp.status()).toBe(200);
  }, 300_000);

  afterAll(async () => {
    await teacher?.close();
    await cluster?.stop();
    await database?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('each instance and nginx are live and ready, with database, Redis and queue', async () => {
    for (const base of [a(), b(), nginx()]) {
      expect((await read(`${base}/api/health`)).status).toBe(200);
      const ready = await read(`${base}/api/ready`);
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.text)).toEqual({ ready: true, checks: { database: true, redis: true, queue: true } });
    }
  });

  test('a session made on instance A is the same session on instance B', async () => {
    for (const base of [a(), b(), nginx()]) {
      const session = await teacher.request.get(`${base}/api/auth/get-session`);
      expect(((await session.json()) as { user?: { email: string } } | null)?.user?.email).toBe(TEACHER.email);
    }
  });

  test('an article published on A is in B’s library and reader at B’s next request, and gone from both after unpublishing', async () => {
    // B has rendered (and cached) its library before.
    for (const base of [b(), nginx()]) expect((await read(`${base}/en`)).status).toBe(200);

    const page = await newPage(teacher);
    await page.goto(`${a()}/en/teach/new`, { waitUntil: 'networkidle' });
    await page.locator('input[name=source][value=paste]').check();
    await page.locator('#article-text').fill(`Krieg im Cluster\n\n${BODY.join(' ')}`);
    await page.getByTestId('new-article-submit').click();
    await page.waitForURL('**/en/teach/articles/**', { timeout: 60_000 });
    slug = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await page.getByTestId('article-editor').waitFor();
    const english = page.getByTestId('group-en');
    await expect.poll(() => english.count()).toBe(BODY.length);
    for (const [index, text] of ENGLISH.entries()) await english.nth(index).fill(text);
    await page.locator('#title-en').fill('War in the cluster');
    await expect.poll(() => page.getByTestId('save-status').getAttribute('data-state')).toBe('saved');

    // Not yet public anywhere.
    expect((await read(`${b()}/en/articles/${slug}`)).status).toBe(404);
    expect((await read(`${b()}/en`)).text).not.toContain(`/en/articles/${slug}`);

    await page.getByTestId('publish').click();
    await expect
      .poll(() => page.getByTestId('publish-status').textContent(), { timeout: 120_000 })
      .toBe('Published. The article is now in the library.');

    // B's very next answers, and nginx's, already show it: no waiting for a cache to expire.
    for (const base of [b(), nginx()]) {
      const reader = await read(`${base}/en/articles/${slug}`);
      expect(reader.status).toBe(200);
      expect(reader.text).toContain('Krieg im Cluster');
      // Annotated by the worker: the glossary terms are marked in the reader.
      expect(reader.text).toContain('data-term="Stellvertreterkrieg"');
      expect(reader.text).toContain('data-term="rote Linie"');
      expect((await read(`${base}/en`)).text).toContain(`/en/articles/${slug}`);
    }

    await page.getByTestId('unpublish').click();
    await expect
      .poll(() => page.getByTestId('publish-status').textContent())
      .toBe('The article is a draft again and no longer in the library.');
    for (const base of [b(), nginx()]) {
      expect((await read(`${base}/en/articles/${slug}`)).status).toBe(404);
      expect((await read(`${base}/en`)).text).not.toContain(`/en/articles/${slug}`);
    }
    await page.close();
  });

  test('one sign-in budget per account across instances', async () => {
    // Failures from five different addresses, alternating instances: the account's five free attempts.
    for (let attempt = 0; attempt < 5; attempt++) {
      const base = attempt % 2 ? b() : a();
      expect(await signIn(teacher.request, base, 'wrong password', `203.0.113.${20 + attempt}`)).toBe(401);
    }
    // The sixth, from yet another address, waits on either instance.
    expect(await signIn(teacher.request, a(), 'wrong password', '203.0.113.30')).toBe(429);
    expect(await signIn(teacher.request, b(), 'wrong password', '203.0.113.31')).toBe(429);
  });

  test('nginx’s own answers carry the security headers; pages through it carry their policy', async () => {
    const html = (await read(`${nginx()}/en`)).text;
    const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const file = await fetch(`${nginx()}${asset}`);
    expect(file.status).toBe(200);
    for (const response of [file, await fetch(`${nginx()}/en`)]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('same-origin');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
    expect(file.headers.get('cache-control')).toContain('immutable');
  });

  // Last: it spends the address budget of nginx's loopback client for this cluster.
  test('through nginx the client is the address nginx saw: a forged X-Forwarded-For opens no new budget', async () => {
    const request = teacher.request;
    const statuses: number[] = [];
    // Unknown accounts, so that only the address counts; each request names a different address.
    for (let attempt = 0; attempt < 21; attempt++) {
      const response = await request.post(`${nginx()}/api/auth/sign-in/email`, {
        data: { email: `nobody-${attempt}@example.test`, password: 'wrong password' },
        headers: { origin: nginx(), 'x-forwarded-for': `192.0.2.${attempt + 1}` },
      });
      statuses.push(response.status());
    }
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  test('no script errors along the way', () => {
    expect(problems).toEqual([]);
  });
});
