// Loads the reviewed content under prisma/content/ into the database named by DATABASE_URL.
// Idempotent: run it as often as you like; unchanged articles are left alone.
import { annotateArticles } from '@/lib/annotation/service.server';
import { importArticle } from '@/lib/articles/import.server';
import { readArticleFiles } from '@/lib/articles/content-files.server';
import { db } from '@/lib/db.server';

async function main() {
  for (const { file, data } of await readArticleFiles()) {
    try {
      console.log(`${await importArticle(db, data)}: ${file.split('/').pop()}`);
    } catch (cause) {
      throw new Error(`${file}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    }
  }
  const annotated = await annotateArticles(db);
  if (annotated.length) console.log(`annotated: ${annotated.join(', ')}`);
}

try {
  await main();
} finally {
  await db.$disconnect();
}
