import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from 'playwright-core';
import { expect } from 'vitest';
import { DIST_DIR } from '../setup/app-server';
import { REPO_ROOT } from '../setup/databases';

// Server actions are public endpoints (POST with a Next-Action id): tests call them by id, as an
// attacker would, from the build's own manifest.
export const SLUG = 'chinas-kalkulation-waffenlieferungen';

type ManifestEntry = { workers: Record<string, unknown>; filename: string; exportedName: string };

/** Every server action of the build, with a page that uses it (the action is posted to it, as the browser does). */
export function buildActions(): { id: string; name: string; page: string }[] {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, DIST_DIR, 'server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: `${entry.filename}#${entry.exportedName}`,
    page: Object.keys(entry.workers)[0]!
      .replace(/^app/, '')
      .replace(/\/page$/, '')
      .replace('[locale]', 'en')
      .replace('[slug]', SLUG)
      .replace(/\[(id|code)\]/g, 'x'),
  }));
}

export type ActionResult = { ok: boolean; error?: string; formError?: string; data?: Record<string, unknown> };

let actions: ReturnType<typeof buildActions> | undefined;

/** Calls the server action `name` (file#export) with `input` as the user of `request`'s cookies. */
export async function callAction(
  appUrl: string,
  request: APIRequestContext,
  name: string,
  input: unknown,
): Promise<ActionResult> {
  actions ??= buildActions();
  const action = actions.find((a) => a.name === name);
  if (!action) throw new Error(`no server action ${name} in the build`);
  const response = await request.post(`${appUrl}${action.page}`, {
    headers: {
      'next-action': action.id,
      'content-type': 'text/plain;charset=UTF-8',
      accept: 'text/x-component',
      origin: appUrl,
    },
    data: JSON.stringify([input]),
  });
  expect(response.status(), name).toBe(200);
  // The RSC answer: row 0 is the envelope, row 1 the action's return value.
  const row = (await response.text()).split('\n').find((line) => line.startsWith('1:'));
  if (!row) throw new Error(`${name}: no result row`);
  return JSON.parse(row.slice(2)) as ActionResult;
}
