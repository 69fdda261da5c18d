// What benchmarks need to act as a signed-in user over HTTP: a session cookie, and calling a server
// action the way the browser does (POST to a page that uses it, with the action's id; the body is its
// JSON arguments).
import fs from 'node:fs';
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
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
}

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };

/** Calls a server action of the build by name as the browser does (POST to a page that uses it, with its id). */
export function actionCaller(url: string) {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, DIST_DIR, 'server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, ManifestEntry> };
  return async (name: string, cookie: string, input: unknown) => {
    const found = Object.entries(manifest.node).find(([, e]) => `${e.filename}#${e.exportedName}` === name);
    if (!found) throw new Error(`no server action ${name}`);
    const [id, entry] = found;
    const page = Object.keys(entry.workers)[0]!
      .replace(/^app/, '')
      .replace(/\/page$/, '')
      .replace('[locale]', 'en')
      .replace('[slug]', 'chinas-kalkulation-waffenlieferungen')
      .replace(/\[(id|code|lemma)\]/g, 'x');
    const response = await fetch(`${url}${page}`, {
      method: 'POST',
      headers: {
        'next-action': id,
        'content-type': 'text/plain;charset=UTF-8',
        accept: 'text/x-component',
        origin: url,
        cookie,
      },
      body: JSON.stringify([input]),
    });
    const row = (await response.text()).split('\n').find((line) => line.startsWith('1:'));
    if (!response.ok || !row) throw new Error(`${name}: ${response.status}`);
    const result = JSON.parse(row.slice(2)) as { ok: boolean; error?: string; data?: Record<string, unknown> };
    if (!result.ok) throw new Error(`${name}: ${result.error}`);
    return result.data ?? {};
  };
}
