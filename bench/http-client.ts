// What benchmarks need to act as a signed-in user over HTTP: a session cookie, and calling a server
// action the way the browser does (POST to a page with the action's id; the body is its JSON arguments).
import fs from 'node:fs';
import path from 'node:path';
import { DIST_DIR } from '../tests/setup/app-server';
import { REPO_ROOT } from '../tests/setup/databases';

/** Signs in with e-mail and password; returns the cookies a browser would keep. */
export async function signIn(base: string, account: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify(account),
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  if (!response.ok || !cookie) throw new Error(`sign-in of ${account.email} failed: ${response.status}`);
  return cookie;
}

type ManifestEntry = { filename?: string; exportedName?: string };

/** The id the production build gave the server action `name` (e.g. 'createDraftAction'). */
function actionId(name: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, DIST_DIR, 'server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, ManifestEntry> };
  const ids = Object.entries(manifest.node).filter(([, entry]) => entry.exportedName === name);
  if (ids.length !== 1) throw new Error(`server action ${name}: ${ids.length} ids in the build`);
  return ids[0]![0];
}

/** Calls server action `name` from page `page` as the user of `cookie`; throws unless its Result is ok. */
export async function callAction(base: string, cookie: string, page: string, name: string, input: unknown) {
  const response = await fetch(`${base}${page}`, {
    method: 'POST',
    headers: {
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
      'next-action': actionId(name),
      origin: base,
      cookie,
    },
    body: JSON.stringify([input]),
  });
  const body = await response.text();
  if (!response.ok || !body.includes('"ok":true')) {
    throw new Error(`${name}: HTTP ${response.status}, ${body.slice(0, 300)}`);
  }
}
