// `npm run --silent bench:glossary-index`: the bytes of the glossary index (issue 17: ≤ 60 KB at 300+
// entries) beside a trivial page of the same app, in the same run: production build, SQLite, as sent
// (identity, and gzip as browsers ask). Two databases on one build: the seeded glossary (340 entries),
// and the same with all but its first 93 entries retired (the size the issue was filed at). Each index
// page reachable from the default one by its letter links is measured too (the heaviest is printed),
// and one subject area's entries, a list short enough to be shown whole.
import http from 'node:http';
import Database from 'better-sqlite3';
import { serveApp, startApp } from '../tests/setup/app-server';
import { createSqliteDatabase, seed } from '../tests/setup/databases';

const TRIVIAL = '/en/about';
const INDEX = { en: '/en/glossary', de: '/de/glossary' } as const;
/** A subject area's entries, shown whole when they are few (28 in the seed): the largest whole list. */
const FILTERED = '/de/glossary?domain=sanctions';
const SMALL_GLOSSARY = 93;

/** The body's size on the wire, as the server sends it for this Accept-Encoding, and the body. */
function fetchBytes(url: string, encoding: 'identity' | 'gzip'): Promise<{ bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': encoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          if (response.statusCode !== 200) reject(new Error(`${url}: HTTP ${response.statusCode}`));
          const sent = Buffer.concat(chunks);
          resolve({ bytes: sent.length, body: encoding === 'identity' ? sent.toString('utf8') : '' });
        });
      })
      .on('error', reject);
  });
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function measure(base: string, path: string) {
  const identity = await fetchBytes(`${base}${path}`, 'identity');
  const gzip = await fetchBytes(`${base}${path}`, 'gzip');
  return { identity: identity.bytes, gzip: gzip.bytes, body: identity.body };
}

/** The glossary index pages linked from `html` (its letter links: ?letter=…), without anchors. */
function letterPages(html: string, path: string): string[] {
  const links = [...html.matchAll(/href="([^"#]*[?&](?:amp;)?letter=[^"#]*)"/g)].map((m) =>
    m[1]!.replace(/&amp;/g, '&'),
  );
  return [...new Set(links)].filter((link) => link.startsWith(path));
}

async function report(base: string, label: string) {
  const trivial = await measure(base, TRIVIAL);
  console.log(`[${label}] trivial page ${TRIVIAL}: ${kb(trivial.identity)} identity, ${kb(trivial.gzip)} gzip`);
  for (const path of Object.values(INDEX)) {
    const index = await measure(base, path);
    console.log(`[${label}] index ${path}: ${kb(index.identity)} identity, ${kb(index.gzip)} gzip`);
    const pages = letterPages(index.body, path);
    if (pages.length === 0) continue;
    const sizes = await Promise.all(pages.map(async (page) => ({ page, ...(await measure(base, page)) })));
    const heaviest = sizes.reduce((a, b) => (b.identity > a.identity ? b : a));
    console.log(
      `[${label}] heaviest of ${pages.length} letter pages ${heaviest.page}: ${kb(heaviest.identity)} identity, ${kb(heaviest.gzip)} gzip`,
    );
  }
  const filtered = await measure(base, FILTERED);
  console.log(`[${label}] filtered ${FILTERED}: ${kb(filtered.identity)} identity, ${kb(filtered.gzip)} gzip`);
}

const seeded = await createSqliteDatabase();
seed(seeded.url);
const small = await createSqliteDatabase();
seed(small.url);
const sqlite = new Database(new URL(small.url).pathname);
const kept = sqlite
  .prepare(`SELECT id FROM "Term" WHERE status = 'approved' ORDER BY lemma LIMIT ?`)
  .all(SMALL_GLOSSARY) as { id: string }[];
sqlite
  .prepare(
    `UPDATE "Term" SET status = 'retired' WHERE status = 'approved' AND id NOT IN (SELECT value FROM json_each(?))`,
  )
  .run(JSON.stringify(kept.map((row) => row.id)));
const count = (db: Database.Database) =>
  (db.prepare(`SELECT count(*) AS n FROM "Term" WHERE status = 'approved'`).get() as { n: number }).n;
const smallCount = count(sqlite);
sqlite.close();
const seededDb = new Database(new URL(seeded.url).pathname, { readonly: true });
const seededCount = count(seededDb);
seededDb.close();

const app = await startApp(seeded.url);
try {
  await report(app.url, `${seededCount} entries`);
  const smallApp = await serveApp(small.url);
  try {
    await report(smallApp.url, `${smallCount} entries`);
  } finally {
    smallApp.stop();
  }
} finally {
  app.stop();
  await seeded.drop();
  await small.drop();
}
