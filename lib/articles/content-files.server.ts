import 'server-only';
import fs from 'node:fs/promises';
import path from 'node:path';

export const ARTICLE_CONTENT_DIR = path.join(process.cwd(), 'prisma', 'content', 'articles');

/** The raw (unvalidated) article source files, in file-name order. */
export async function readArticleFiles(dir = ARTICLE_CONTENT_DIR): Promise<{ file: string; data: unknown }[]> {
  const names = (await fs.readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      try {
        return { file, data: JSON.parse(await fs.readFile(file, 'utf8')) as unknown };
      } catch (cause) {
        throw new Error(`${file}: not valid JSON`, { cause });
      }
    }),
  );
}
