import 'server-only';
import { createHash } from 'node:crypto';
import type { Db } from '@/lib/db.server';
import { countWords } from '@/lib/text';
import { type ArticleContent, ArticleContentSchema } from './schema';

/**
 * What seeding a content file did. `conflict`: an editor changed the article in the app and the file
 * changed too; the app's version was kept (docs/decisions/042-editors-notes-and-seeded-articles.md).
 */
export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'conflict';

/** Words of German running text: headings and sentences. */
function germanWordCount(content: ArticleContent): number {
  let words = 0;
  for (const section of content.sections) {
    if (section.heading) words += countWords(section.heading.de);
    for (const paragraph of section.paragraphs) for (const group of paragraph) words += countWords(group.de);
  }
  return words;
}

/**
 * Stores one article from its source file. Idempotent: keyed by slug, an unchanged file (same hash)
 * is a no-op, and a changed one replaces the article's body in one transaction, unless an editor has
 * changed the article in the app (editedInApp): then the database keeps the editor's version and a
 * changed file is reported as a conflict, never applied.
 */
export async function importArticle(db: Db, input: unknown): Promise<ImportOutcome> {
  const content = ArticleContentSchema.parse(input);
  const contentHash = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  const fields = {
    titleDe: content.title.de,
    titleEn: content.title.en,
    outlet: content.outlet,
    publishedAt: new Date(`${content.publishedAt}T00:00:00.000Z`),
    sourceNoteDe: content.sourceNote.de,
    sourceNoteEn: content.sourceNote.en,
    wordCount: germanWordCount(content),
    contentHash,
    // A changed text needs a new annotation (lib/annotation picks up articles without one).
    engineVersion: null,
  };

  return db.$transaction(async (tx) => {
    const existing = await tx.article.findUnique({
      where: { slug: content.slug },
      select: { id: true, contentHash: true, editedInApp: true },
    });
    if (existing?.contentHash === contentHash) return 'unchanged';
    if (existing?.editedInApp) return 'conflict';

    const article = existing
      ? await tx.article.update({ where: { id: existing.id }, data: fields, select: { id: true } })
      : await tx.article.create({ data: { slug: content.slug, ...fields }, select: { id: true } });
    if (existing) {
      await tx.section.deleteMany({ where: { articleId: article.id } }); // cascades to paragraphs and sentences
      await tx.articleAuthor.deleteMany({ where: { articleId: article.id } });
    }

    await tx.articleAuthor.createMany({
      data: content.authors.map((name, position) => ({ articleId: article.id, position, name })),
    });
    let paragraphPosition = 0;
    for (const [sectionPosition, section] of content.sections.entries()) {
      await tx.section.create({
        data: {
          article: { connect: { id: article.id } },
          position: sectionPosition,
          headingDe: section.heading?.de ?? null,
          headingEn: section.heading?.en ?? null,
          paragraphs: {
            create: section.paragraphs.map((groups) => ({
              article: { connect: { id: article.id } },
              position: paragraphPosition++,
              sentences: {
                create: groups.map((group, position) => ({
                  position,
                  textDe: group.de,
                  textEn: group.en,
                  note: group.note ?? null,
                })),
              },
            })),
          },
        },
      });
    }
    return existing ? 'updated' : 'created';
    // A long article is hundreds of inserts: on a busy machine the default 5 s cut one off midway.
  });
}
