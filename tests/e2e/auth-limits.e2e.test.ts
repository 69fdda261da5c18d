import http from 'node:http';
import { expect, inject, test } from 'vitest';
import { freshAddress } from './accounts';
import { useBrowser } from './browser';

// The limits of /api/auth on the production server: bodies are capped before they are parsed, and a
// throttled sign-in tells the person how long to wait (issue 13).
const appUrl = inject('appUrl');
const browser = useBrowser();
const FIVE_MB = 5 * 1024 * 1024;

test('a 5 MB body to /api/auth gets 413, whether it says its length or is streamed', async () => {
  const headers = { 'content-type': 'application/json', origin: appUrl, 'x-forwarded-for': freshAddress() };
  // Declared: the answer comes from the headers alone; the client has not sent a byte of the body
  // (were it sending, the server's closing the connection could fail its write before it reads the answer).
  const declared = await answerToHeaders(`${appUrl}/api/auth/sign-up/email`, {
    ...headers,
    'content-length': String(FIVE_MB),
  });
  expect(declared.status).toBe(413);
  expect((JSON.parse(declared.body) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');

  // Streamed (chunked, no Content-Length), 64 MB: the server stops reading once the cap is passed and
  // answers 413 or closes the connection; the client cannot even hand it all over.
  const streamed = await streamTo(`${appUrl}/api/auth/sign-in/email`, headers, 64 * 1024 * 1024);
  expect(streamed.status ?? 413).toBe(413);
  expect(streamed.written).toBeLessThan(64 * 1024 * 1024);
  // …and the server goes on answering.
  expect((await fetch(`${appUrl}/api/auth/get-session`)).status).toBe(200);
});

/** Sends only a POST's headers (the body they announce never follows) and reads the answer. */
function answerToHeaders(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    request.on('error', reject);
    request.flushHeaders();
  });
}

/**
 * POSTs `total` bytes chunked, as fast as the server takes them, until the server answers or closes:
 * the answer's status (if one came) and how many bytes were written by then.
 */
function streamTo(
  url: string,
  headers: Record<string, string>,
  total: number,
): Promise<{ status: number | undefined; written: number }> {
  return new Promise((resolve) => {
    let written = 0;
    let status: number | undefined;
    let ended = false;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const request = http.request(url, { method: 'POST', headers });
    const end = () => {
      if (ended) return;
      ended = true;
      request.destroy();
      resolve({ status, written });
    };
    request.on('response', (response) => {
      status = response.statusCode;
      response.resume();
      response.on('end', end);
      response.on('error', end);
    });
    request.on('error', end);
    request.on('close', end);
    const write = () => {
      while (!ended && written < total) {
        written += chunk.byteLength;
        if (!request.write(chunk)) return void request.once('drain', write);
      }
      if (!ended) request.end();
    };
    write();
  });
}

test('a throttled sign-in says in how many seconds to try again, in English and German', async () => {
  const email = `throttled-${Date.now()}@example.test`;
  // One address for this browser, so that only this test's guesses count against it.
  const context = await browser().newContext({ extraHTTPHeaders: { 'x-forwarded-for': freshAddress() } });
  const page = await context.newPage();
  const retryAfter: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/api/auth/sign-in/email') && response.status() === 429)
      retryAfter.push(response.headers()['retry-after'] ?? '');
  });
  const guess = async (locale: 'en' | 'de') => {
    if (!page.url().endsWith(`/${locale}/sign-in`)) await page.goto(`${appUrl}/${locale}/sign-in`);
    await page.locator('#email').fill(email);
    await page.locator('#password').fill('a wrong guess');
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/auth/sign-in/email'));
    await page.getByTestId('sign-in-form').locator('button[type="submit"]').click();
    await answered;
    return (await page.getByTestId('auth-form-error').textContent()) ?? '';
  };
  // Guesses until the account's growing delay outlasts the time between two of them.
  await expect.poll(() => guess('en'), { interval: 0 }).toMatch(/^Too many attempts\. Try again in \d+ seconds?\.$/);
  const shown = /in (\d+) second/.exec((await page.getByTestId('auth-form-error').textContent()) ?? '')![1];
  expect(shown).toBe(retryAfter.at(-1));
  await expect
    .poll(() => guess('de'), { interval: 0 })
    .toMatch(/^Zu viele Versuche\. Versuchen Sie es in \d+ Sekunden? erneut\.$/);
  await context.close();
});
