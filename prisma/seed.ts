// Loads the reviewed content under prisma/content/ into the database named by DATABASE_URL.
// Idempotent: run it as often as you like; unchanged articles are left alone.
import fs from 'node:fs/promises';
import path from 'node:path';
import { annotateArticles, reannotateForTerms } from '@/lib/annotation/service.server';
import { importArticle } from '@/lib/articles/import.server';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { ensureAccount } from '@/lib/auth/accounts.server';
import { db } from '@/lib/db.server';
import { closeSharedRedis } from '@/lib/page-cache/redis.mjs';
import { importGlossary } from '@/lib/glossary/import.server';

const GLOSSARY_FILE = path.join(process.cwd(), 'prisma', 'content', 'glossary.json');

// Demo accounts, documented in the README: for trying the app out, never for a real deployment.
export const DEMO_ACCOUNTS = [
  { name: 'Demo Teacher', email: 'teacher@lesebruecke.test', password: 'lesebruecke-teacher', role: 'teacher' },
  { name: 'Demo Learner', email: 'learner@lesebruecke.test', password: 'lesebruecke-learner', role: 'learner' },
] as const;

async function main() {
  for (const { file, data } of await readArticleFiles()) {
    try {
      const outcome = await importArticle(db, data);
      const name = file.split('/').pop();
      console.log(
        outcome === 'conflict'
          ? `conflict: ${name}: kept the editors' changes made in the app; the content file's version differs`
          : `${outcome}: ${name}`,
      );
    } catch (cause) {
      throw new Error(`${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
  }
  const glossary = await importGlossary(db, JSON.parse(await fs.readFile(GLOSSARY_FILE, 'utf8')));
  console.log(
    `glossary: ${glossary.created.length} created, ${glossary.updated.length} updated, ${glossary.retired.length} retired, ${glossary.unchanged} unchanged`,
  );
  for (const lemma of glossary.conflicts)
    console.log(`glossary: kept the app's edit of "${lemma}"; the content file's version differs`);
  // Articles that can contain a changed term first; then new or edited articles (and a new engine version).
  const reannotated = await reannotateForTerms(db, [...glossary.created, ...glossary.updated, ...glossary.retired]);
  const annotated = await annotateArticles(db);
  for (const slug of new Set([...reannotated, ...annotated])) console.log(`annotated: ${slug}`);
  for (const account of DEMO_ACCOUNTS) {
    const { created } = await ensureAccount(account);
    console.log(`${created ? 'created' : 'unchanged'}: ${account.role} ${account.email}`);
  }
}

try {
  await main();
} finally {
  await db.$disconnect();
  await closeSharedRedis(); // sessions made through better-auth with REDIS_URL
}
