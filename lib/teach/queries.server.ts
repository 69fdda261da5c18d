import 'server-only';
import { db, type Tx } from '@/lib/db.server';
import { paths } from '@/lib/paths';
import { editableScope, type ArticleScope } from './policy.server';
import { REMOVAL_REASONS, type DraftArticle, type OwnArticle, type RemovedBlock, type DraftOrigin } from './types';

// The teacher's reads: the editor's view of one article and the list of one's own articles, both
// scoped to the articles the user may edit (policy.server.ts): someone else's looks like a missing one.

function parseRemoved(json: string): RemovedBlock[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.flatMap((item: unknown) => {
      if (typeof item !== 'object' || item === null) return [];
      const { text, reason } = item as { text?: unknown; reason?: unknown };
      return typeof text === 'string' && (REMOVAL_REASONS as readonly unknown[]).includes(reason)
        ? [{ text, reason: reason as RemovedBlock['reason'] }]
        : [];
    });
  } catch {
    return [];
  }
}

/** The editor's view of the article `slug` within `scope`, or null; an edit reads it in its transaction (`client`). */
export async function loadDraft(scope: ArticleScope, slug: string, client: Tx = db): Promise<DraftArticle | null> {
  const row = await client.article.findFirst({
    where: { slug, ...scope },
    select: {
      slug: true,
      titleDe: true,
      titleEn: true,
      titleMachineTranslated: true,
      status: true,
      visibility: true,
      outlet: true,
      sourceUrl: true,
      publishedAt: true,
      authors: { select: { name: true }, orderBy: { position: 'asc' } },
      sourceFormat: true,
      removedBlocks: true,
      version: true,
      updatedAt: true,
      sections: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          position: true,
          headingDe: true,
          headingEn: true,
          headingMachineTranslated: true,
          paragraphs: {
            orderBy: { position: 'asc' },
            select: {
              id: true,
              position: true,
              sentences: {
                orderBy: { position: 'asc' },
                select: { id: true, position: true, textDe: true, textEn: true, machineTranslated: true, note: true },
              },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  let groupCount = 0;
  let translatedCount = 0;
  let machineCount = 0;
  const sections = row.sections.map((section) => ({
    id: section.id,
    position: section.position,
    headingDe: section.headingDe,
    headingEn: section.headingEn,
    headingMachineTranslated: section.headingMachineTranslated,
    paragraphs: section.paragraphs.map((paragraph) => ({
      id: paragraph.id,
      position: paragraph.position,
      groups: paragraph.sentences.map((sentence) => {
        groupCount++;
        if (sentence.textEn.trim()) translatedCount++;
        if (sentence.machineTranslated) machineCount++;
        return {
          id: sentence.id,
          anchor: paths.sentenceAnchor(paragraph.position, sentence.position),
          textDe: sentence.textDe,
          textEn: sentence.textEn,
          machineTranslated: sentence.machineTranslated,
          note: sentence.note ?? '',
        };
      }),
    })),
  }));
  return {
    slug: row.slug,
    titleDe: row.titleDe,
    titleEn: row.titleEn,
    titleMachineTranslated: row.titleMachineTranslated,
    status: row.status === 'published' ? 'published' : 'draft',
    visibility: row.visibility === 'classes' ? 'classes' : 'public',
    source: {
      outlet: row.outlet,
      authors: row.authors.map((author) => author.name).join(', '),
      sourceUrl: row.sourceUrl ?? '',
      publishedAt: row.publishedAt.toISOString().slice(0, 10),
    },
    sourceFormat: row.sourceFormat as DraftOrigin,
    removed: parseRemoved(row.removedBlocks),
    sections,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    groupCount,
    translatedCount,
    machineCount,
  };
}

/** The draft editor's view of an article the user may edit, or null (missing or someone else's). */
export async function getDraft(userId: string, slug: string): Promise<DraftArticle | null> {
  const scope = await editableScope(userId);
  return scope ? loadDraft(scope, slug) : null;
}

/** The articles a teacher may edit (policy.server.ts: own imports; editors also the seeded ones; admins all), most recently changed first. */
export async function listOwnArticles(userId: string): Promise<OwnArticle[]> {
  const scope = await editableScope(userId);
  if (!scope) return [];
  const rows = await db.article.findMany({
    where: scope,
    select: { id: true, slug: true, titleDe: true, status: true, visibility: true, updatedAt: true },
    orderBy: [{ updatedAt: 'desc' }, { slug: 'asc' }],
  });
  const ids = rows.map((r) => r.id);
  const [groups, translated] = await Promise.all([
    db.sentence.findMany({
      where: { paragraph: { articleId: { in: ids } } },
      select: { paragraph: { select: { articleId: true } } },
    }),
    db.sentence.findMany({
      where: { paragraph: { articleId: { in: ids } }, NOT: { textEn: '' } },
      select: { textEn: true, paragraph: { select: { articleId: true } } },
    }),
  ]);
  const count = (list: { paragraph: { articleId: string } }[]) => {
    const counts = new Map<string, number>();
    for (const item of list) counts.set(item.paragraph.articleId, (counts.get(item.paragraph.articleId) ?? 0) + 1);
    return counts;
  };
  const groupCounts = count(groups);
  const translatedCounts = count(translated.filter((t) => t.textEn.trim()));
  return rows.map((r) => ({
    slug: r.slug,
    titleDe: r.titleDe,
    status: r.status === 'published' ? 'published' : 'draft',
    visibility: r.visibility === 'classes' ? 'classes' : 'public',
    updatedAt: r.updatedAt.toISOString(),
    groupCount: groupCounts.get(r.id) ?? 0,
    translatedCount: translatedCounts.get(r.id) ?? 0,
  }));
}
