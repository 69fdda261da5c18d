// What benchmarks need to act as a browser over HTTP: a session cookie kept as a browser keeps it,
// a timed request with a timeout, and calling a server action the way the browser does (POST to a page
// that uses it, with the action's id; the body is its JSON arguments).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { DIST_DIR } from '../tests/setup/app-server';
import { REPO_ROOT } from '../tests/setup/databases';

/** Signs in with e-mail and password; returns the cookies a browser would keep. */
export async function signIn(url: string, account: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify(account),
  });
  const cookie = sessionCookie(response);
  if (!response.ok || !cookie) throw new Error(`sign-in ${account.email}: ${response.status}`);
  return cookie;
}

/** The cookies an answer sets, as a browser sends them back (`name=value; …`). */
export function sessionCookie(response: Response): string {
  return withCookies('', response.headers.getSetCookie());
}

/**
 * `cookie` (`name=value; …`) after an answer's Set-Cookie lines, as a browser keeps them: a cookie set
 * again replaces the old one, one set empty or with Max-Age=0 is gone (better-auth refreshes its
 * session cache cookie that way, and signs out by emptying).
 */
export function withCookies(cookie: string, setCookie: readonly string[]): string {
  const jar = new Map(
    cookie
      .split('; ')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair] as const),
  );
  for (const line of setCookie) {
    const pair = line.split(';')[0]!;
    const name = pair.slice(0, pair.indexOf('='));
    if (pair.endsWith('=') || /;\s*max-age=0\b/i.test(line)) jar.delete(name);
    else jar.set(name, pair);
  }
  return [...jar.values()].join('; ');
}

/** One answer of timedRequest: status 0 when none came (refused, reset, timed out). */
export type TimedAnswer = { status: number; body: string; setCookie: string[]; ms: number; timedOut: boolean };

/**
 * One request through `agent`, timed from before connecting to the end of its body, and cut after
 * `timeoutMs` for the whole of it, connecting included (a socket timeout would only count idle time).
 * Node's own client rather than fetch: a load client on the server's cores should cost little. Never
 * throws; the body is kept only with `keepBody`.
 */
export function timedRequest(
  url: string,
  options: {
    agent: http.Agent;
    timeoutMs: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    keepBody?: boolean;
  },
): Promise<TimedAnswer> {
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (answer: Omit<TimedAnswer, 'ms'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...answer, ms: performance.now() - started });
    };
    const failed = { status: 0, body: '', setCookie: [], timedOut: false };
    const request = http.request(
      url,
      {
        agent: options.agent,
        method: options.method ?? 'GET',
        headers: { 'accept-encoding': 'identity', ...options.headers },
      },
      (response) => {
        const chunks: Buffer[] = [];
        if (options.keepBody) response.on('data', (chunk: Buffer) => chunks.push(chunk));
        else response.resume();
        response.on('end', () =>
          done({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            setCookie: response.headers['set-cookie'] ?? [],
            timedOut: false,
          }),
        );
        response.on('error', () => done(failed));
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      done({ ...failed, timedOut: true });
    }, options.timeoutMs);
    request.on('close', () => clearTimeout(timer));
    request.on('error', () => done(failed));
    request.end(options.body);
  });
}

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };
/** What a server action answers (lib/action.server.ts perform): its data, or the message key of its refusal. */
export type ActionResult = { ok: boolean; error?: string; data?: Record<string, unknown> };

/**
 * The requests that call the build's server actions by name as the browser does: POST to `page` (the
 * page the browser is on), or else to a page that uses the action, with its id.
 */
export function serverActions(url: string) {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, DIST_DIR, 'server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, ManifestEntry> };
  return (name: string, cookie: string, input: unknown, page?: string) => {
    const found = Object.entries(manifest.node).find(([, e]) => `${e.filename}#${e.exportedName}` === name);
    if (!found) throw new Error(`no server action ${name}`);
    const [id, entry] = found;
    const path =
      page ??
      Object.keys(entry.workers)[0]!
        .replace(/^app/, '')
        .replace(/\/page$/, '')
        .replace('[locale]', 'en')
        .replace('[slug]', 'chinas-kalkulation-waffenlieferungen')
        .replace(/\[(id|code|lemma)\]/g, 'x');
    return {
      path,
      headers: {
        'next-action': id,
        'content-type': 'text/plain;charset=UTF-8',
        accept: 'text/x-component',
        origin: url,
        cookie,
      },
      body: JSON.stringify([input]),
    };
  };
}

/** A server action's result from its answer (the flight row `1:`); null when there is none (an error page). */
export function actionResult(text: string): ActionResult | null {
  const row = text.split('\n').find((line) => line.startsWith('1:'));
  return row ? (JSON.parse(row.slice(2)) as ActionResult) : null;
}

/** Calls a server action of the build by name as the browser does; throws unless it succeeds. */
export function actionCaller(url: string) {
  const actionRequest = serverActions(url);
  return async (name: string, cookie: string, input: unknown) => {
    const { path, headers, body } = actionRequest(name, cookie, input);
    const response = await fetch(`${url}${path}`, { method: 'POST', headers, body });
    const text = await response.text();
    const result = response.ok ? actionResult(text) : null;
    if (!result) throw new Error(`${name}: ${response.status}`);
    if (!result.ok) throw new Error(`${name}: ${result.error}`);
    return result.data ?? {};
  };
}
