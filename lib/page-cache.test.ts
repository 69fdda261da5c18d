import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { freePort } from '@/scripts/cluster.mjs';
import { redisAvailable, REDIS_TEST_URL, useTestRedis } from '@/tests/setup/redis';
import {
  appPage,
  buildDirectory,
  handlerFor,
  PAGE_CONTEXT,
  SET_CONTEXT,
} from '@/tests/fixtures/page-cache-instance.mjs';
import { FALLBACK_MAX_AGE_MS } from './page-cache.server.mjs';
import { expirePaths } from './page-cache/expire.mjs';
import { answers, sharedRedis } from './page-cache/redis.mjs';

describe('without REDIS_URL', () => {
  test('the instance keeps its pages in its own files, failed answers excepted', async () => {
    const dir = buildDirectory();
    const handler = handlerFor(dir);
    await handler.set('/en/articles/local', appPage('/en/articles/local'), SET_CONTEXT);
    await handler.set('/en/articles/gone', appPage('/en/articles/gone', 404), SET_CONTEXT);
    expect(fs.existsSync(path.join(dir, 'server/app/en/articles/local.html'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'server/app/en/articles/gone.html'))).toBe(false);
    const value = (await handlerFor(dir).get('/en/articles/local', PAGE_CONTEXT))?.value;
    expect(value).toMatchObject({ html: appPage('/en/articles/local').html, status: 200 });
    expect(value?.headers).toHaveProperty('content-security-policy', expect.stringMatching(/'sha256-[^']+'/));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe.runIf(await redisAvailable())('the page cache shared through Redis', () => {
  const { prefix } = useTestRedis('page-cache');
  const dir = buildDirectory();
  const redis = createClient({ url: REDIS_TEST_URL });
  beforeAll(async () => {
    await redis.connect();
  });
  afterAll(async () => {
    await redis.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a page another instance stores is served here, bytes and segments intact, with its CSP', async () => {
    const page = appPage('/en/articles/round-trip');
    // Another process, as another instance.
    await promisify(execFile)(
      process.execPath,
      ['tests/fixtures/page-cache-instance.mjs', dir, '/en/articles/round-trip'],
      {
        env: { NODE_ENV: 'test', REDIS_URL: REDIS_TEST_URL, REDIS_PREFIX: prefix },
      },
    );

    const entry = await handlerFor(dir).get('/en/articles/round-trip', PAGE_CONTEXT);
    const value = entry?.value as ReturnType<typeof appPage> | undefined;
    expect(value?.html).toBe(page.html);
    expect(Buffer.isBuffer(value?.rscData) && value.rscData.equals(page.rscData)).toBe(true);
    expect(value?.segmentData).toBeInstanceOf(Map);
    expect([...(value?.segmentData ?? [])].map(([segment, bytes]) => [segment, bytes.toString('hex')])).toEqual(
      [...page.segmentData].map(([segment, bytes]) => [segment, bytes.toString('hex')]),
    );
    expect(value?.status).toBe(200);
    expect(value?.headers['x-next-cache-tags']).toBe(page.headers['x-next-cache-tags']);
    expect(value?.headers).toHaveProperty('content-security-policy', expect.stringMatching(/'sha256-[^']+'/));
    expect(entry?.cacheControl).toEqual(SET_CONTEXT.cacheControl);
    // In Redis under this build, not in the instance's files.
    expect(await redis.exists(`${prefix}page:test-build:/en/articles/round-trip`)).toBe(1);
    expect(fs.existsSync(path.join(dir, 'server/app/en/articles/round-trip.html'))).toBe(false);
  });

  test('a path expired by one instance (or a job) is rendered afresh by every instance', async () => {
    const [a, b] = [handlerFor(dir), handlerFor(dir)];
    await a.set('/de/articles/expired', appPage('/de/articles/expired'), SET_CONTEXT);
    await a.set('/de/articles/kept', appPage('/de/articles/kept'), SET_CONTEXT);
    expect(await b.get('/de/articles/expired', PAGE_CONTEXT)).not.toBeNull();

    await expirePaths(['/de/articles/expired']);
    expect(await b.get('/de/articles/expired', PAGE_CONTEXT)).toBeNull();
    expect(await a.get('/de/articles/expired', PAGE_CONTEXT)).toBeNull();
    expect(await b.get('/de/articles/kept', PAGE_CONTEXT)).not.toBeNull();

    // Rendered again after the expiry: served again.
    await b.set('/de/articles/expired', appPage('/de/articles/expired'), SET_CONTEXT);
    expect(await a.get('/de/articles/expired', PAGE_CONTEXT)).not.toBeNull();

    // revalidatePath in instance A reaches instance B the same way.
    await a.revalidateTag(['_N_T_/de/articles/kept']);
    expect(await redis.hExists(`${prefix}tags:expired`, '_N_T_/de/articles/kept')).toBe(1);
    expect(await b.get('/de/articles/kept', PAGE_CONTEXT)).toBeNull();
  });

  test('a failed answer is stored nowhere', async () => {
    const handler = handlerFor(dir);
    await handler.set('/en/articles/missing', appPage('/en/articles/missing', 404), SET_CONTEXT);
    expect(await handler.get('/en/articles/missing', PAGE_CONTEXT)).toBeNull();
    expect(await redis.exists(`${prefix}page:test-build:/en/articles/missing`)).toBe(0);
    expect(fs.existsSync(path.join(dir, 'server/app/en/articles/missing.html'))).toBe(false);
  });
});

describe.runIf(fs.existsSync('/usr/bin/redis-server'))('when Redis does not answer', async () => {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}/0`;
  const { prefix } = useTestRedis('page-cache-outage', url);
  const dir = buildDirectory();
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  /** Redis stopped: one warning per outage. */
  const expectOutageWarning = () =>
    vi.mocked(console.warn).mockImplementationOnce((message: string) => {
      expect(message).toMatch(/^Redis at 127\.0\.0\.1:\d+ does not answer/);
    });

  test('pages serve from the local cache, only fresh copies, and Redis takes over when it answers', async () => {
    expectOutageWarning();
    const handler = handlerFor(dir);
    expect(await handler.get('/en/library', PAGE_CONTEXT)).toBeNull();
    await handler.set('/en/library', appPage('/en/library'), SET_CONTEXT);
    expect((await handler.get('/en/library', PAGE_CONTEXT))?.value).toMatchObject({
      html: appPage('/en/library').html,
    });
    // An expiry meanwhile is kept for Redis.
    await handler.revalidateTag('_N_T_/en/outage');

    // A local copy older than FALLBACK_MAX_AGE_MS may have been expired elsewhere: rendered afresh.
    const old = new Date(Date.now() - FALLBACK_MAX_AGE_MS - 1000);
    fs.utimesSync(path.join(dir, 'server/app/en/library.html'), old, old);
    expect(await handler.get('/en/library', PAGE_CONTEXT)).toBeNull();

    // Redis starts: the client reconnects by itself and writes the expiry it kept.
    server = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await expect.poll(() => sharedRedis()?.client.isReady, { timeout: 10_000 }).toBe(true);
    expect(info).toHaveBeenCalledWith(expect.stringMatching(/^Redis at 127\.0\.0\.1:\d+ answers again/));
    info.mockRestore();
    const redis = createClient({ url: url, socket: { reconnectStrategy: false } });
    redis.on('error', () => {}); // its server is killed below
    await redis.connect();
    await expect.poll(() => redis.hExists(`${prefix}tags:expired`, '_N_T_/en/outage'), { timeout: 10_000 }).toBe(1);
    await handlerFor(dir).set('/en/library', appPage('/en/library'), SET_CONTEXT);
    expect(await redis.exists(`${prefix}page:test-build:/en/library`)).toBe(1);

    // Stopped again: the next request does not wait for it.
    expectOutageWarning();
    server.kill('SIGKILL');
    await expect.poll(() => sharedRedis()?.client.isReady, { timeout: 10_000 }).toBe(false);
    expect(await handlerFor(dir).get('/en/library', PAGE_CONTEXT)).toBeNull();
    if (redis.isOpen) redis.destroy();
  });

  test('a Redis that keeps its connection but stops answering counts as down after one late answer', async () => {
    server = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await expect.poll(() => sharedRedis()?.client.isReady, { timeout: 10_000 }).toBe(true);
    await handlerFor(dir).set('/en/stopped', appPage('/en/stopped'), SET_CONTEXT);
    expect(await handlerFor(dir).get('/en/stopped', PAGE_CONTEXT)).not.toBeNull();

    vi.mocked(console.warn).mockImplementationOnce((message: string) => {
      expect(message).toMatch(/does not answer \(no answer in \d+ ms\)/);
    });
    server.kill('SIGSTOP');
    // The request that meets the silence gets no answer in time and falls back (the page was only in Redis)…
    expect(await handlerFor(dir).get('/en/stopped', PAGE_CONTEXT)).toBeNull();
    // …and the next ones do not wait for Redis while it is quiet.
    expect(await answers(sharedRedis()!)).toBe(false);
    server.kill('SIGCONT');
    await expect
      .poll(async () => (await handlerFor(dir).get('/en/stopped', PAGE_CONTEXT)) !== null, { timeout: 10_000 })
      .toBe(true);
    info.mockRestore();
  });
});
