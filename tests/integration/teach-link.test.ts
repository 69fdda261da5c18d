import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { performAs } from '@/lib/action.server';
import { db } from '@/lib/db.server';
import { env } from '@/lib/env.server';
import type { Result } from '@/lib/result';
import { importLink } from '@/lib/teach/import.server';
import { getDraft } from '@/lib/teach/queries.server';
import { startPageServer, type PageServer } from '@/tests/setup/page-server';

// Issue 16: a teacher imports an article from a link (docs/decisions/043-import-from-a-link.md). The
// pages come from a real HTTP server on loopback, which only IMPORT_FETCH_ALLOW_HOSTS lets the
// importer fetch. Runs once against SQLite and once against PostgreSQL.
const users = { teacher: '', learner: '' };
let pages: PageServer;
let allowHostsBefore: string[];

const ok = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${result.error}`);
  return result.data;
};
const articleCount = () => db.article.count({ where: { ownerId: { in: [users.teacher, users.learner] } } });
const germanOf = (slug: string) =>
  getDraft(users.teacher, slug).then((draft) =>
    draft!.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.groups.map((g) => g.textDe))).join(' '),
  );

beforeAll(async () => {
  await db.user.deleteMany({ where: { email: { endsWith: '@teach-link.test' } } });
  for (const role of ['teacher', 'learner'] as const)
    users[role] = (
      await db.user.create({ data: { name: role, email: `${role}@teach-link.test`, role }, select: { id: true } })
    ).id;
  pages = await startPageServer();
  allowHostsBefore = env.IMPORT_FETCH_ALLOW_HOSTS;
  env.IMPORT_FETCH_ALLOW_HOSTS = [pages.host];
});
afterAll(async () => {
  env.IMPORT_FETCH_ALLOW_HOSTS = allowHostsBefore;
  await pages.close();
  await db.article.deleteMany({ where: { ownerId: { in: [users.teacher, users.learner] } } });
  await db.user.deleteMany({ where: { email: { endsWith: '@teach-link.test' } } });
});

describe('importing from a link', () => {
  test('a teacher imports a web page: a draft from its article, with its address as the source', async () => {
    const url = `${pages.url}/artikel.html`;
    const { slug } = ok(await performAs({ userId: users.teacher }, importLink, { url: `  ${url} ` }));
    const draft = (await getDraft(users.teacher, slug))!;
    expect(draft).toMatchObject({
      status: 'draft',
      sourceFormat: 'link',
      titleDe: 'Werkzeugmaschinen für Moskau: Wie China den Krieg am Laufen hält',
      source: { sourceUrl: url },
    });
    expect(draft.removed.map((r) => r.reason)).toEqual(expect.arrayContaining(['advertisement', 'subscription']));
    const german = await germanOf(slug);
    expect(german).toContain('Stellvertreterkrieg');
    expect(german).not.toContain('Newsletter');
  });

  test('the teacher’s title wins; after a redirect the address read is the source', async () => {
    const { slug } = ok(
      await performAs({ userId: users.teacher }, importLink, { url: `${pages.url}/weiter`, title: 'Mein Titel' }),
    );
    expect(await getDraft(users.teacher, slug)).toMatchObject({
      titleDe: 'Mein Titel',
      source: { sourceUrl: `${pages.url}/artikel.html` },
    });
  });

  test('a page in ISO-8859-1 keeps its umlauts', async () => {
    const { slug } = ok(
      await performAs({ userId: users.teacher }, importLink, { url: `${pages.url}/latin1-meta.html` }),
    );
    expect(await germanOf(slug)).toContain('Die Straßenbahn fährt über die Brücke, und die Bürger grüßen einander.');
    expect((await getDraft(users.teacher, slug))!.titleDe).toBe('Grüße aus Köln');
  });

  test('a learner may not import by link, and the server fetches nothing for them', async () => {
    const before = { articles: await articleCount(), requests: pages.requests.length };
    expect(await performAs({ userId: users.learner }, importLink, { url: `${pages.url}/artikel.html` })).toMatchObject({
      ok: false,
      error: 'teach:errors.forbidden',
    });
    expect(await performAs(null, importLink, { url: `${pages.url}/artikel.html` })).toMatchObject({ ok: false });
    expect({ articles: await articleCount(), requests: pages.requests.length }).toEqual(before);
  });

  test('each refusal says why, on the link, and stores nothing', async () => {
    const before = await articleCount();
    const refusal = (url: string) => performAs({ userId: users.teacher }, importLink, { url });
    for (const [url, key] of [
      ['http://10.0.0.1/', 'private'],
      ['http://169.254.169.254/latest/meta-data/', 'private'],
      [`http://localhost:${pages.port}/artikel.html`, 'private'],
      [`http://127.0.0.1:${pages.port + 1}/`, 'private'],
      [`${pages.url}/metadaten`, 'redirectPrivate'],
      [`${pages.url}/privat`, 'redirectPrivate'],
      [`${pages.url}/kette/6`, 'redirects'],
      [`${pages.url}/endlos`, 'tooLarge'],
      [`${pages.url}/daten.json`, 'notHtml'],
      [`${pages.url}/fehlt`, 'status'],
    ])
      expect(await refusal(url!), url).toEqual({
        ok: false,
        error: `teach:errors.link.${key}`,
        fieldErrors: { url: `teach:errors.link.${key}` },
      });
    // The schema's own: not an http(s) address, none at all.
    expect(await refusal('file:///etc/passwd')).toMatchObject({
      ok: false,
      error: 'teach:errors.invalid',
      fieldErrors: { url: 'teach:errors.link.scheme' },
    });
    expect(await refusal('   ')).toMatchObject({ fieldErrors: { url: 'teach:errors.link.empty' } });
    expect(await articleCount()).toBe(before);
  });
});
