import 'server-only';
import { articlesOffering } from '@/lib/annotation/service.server';
import { PUBLISHED } from '@/lib/articles/queries.server';
import { inBatches, READ_BATCH } from '@/lib/batches.server';
import { db } from '@/lib/db.server';
import { paths } from '@/lib/paths';
import type { GlossaryEntry } from '@/lib/text';
import { runServiceTask } from '@/lib/task-service.server';
import { groupByArticle } from './concordance';
import type { ConcordanceLine, TermPreview } from './types';

// What an entry, as an editor is typing it, would match in the published articles: lib/text's matcher
// with this one entry, in a worker thread (./tasks.server.ts), over the sentences and headings of the
// articles whose lemma index offers one of its wordings (the ArticleLemma index, as re-annotation
// narrows them). Every inflected form, compound and moved verb part the engine finds is counted.

/** Sentences shown per article; the counts cover all of them. */
export const PREVIEW_SENTENCES = 5;

export async function previewOf(entry: GlossaryEntry): Promise<TermPreview> {
  // The engine over just this entry: its keys and matches as if it were the whole glossary.
  const [keys] = await runServiceTask('termKeys', { glossary: [entry], entries: [entry] });
  const candidates = await articlesOffering(db, keys!, PUBLISHED);
  if (candidates.size === 0) return { occurrences: 0, groups: [] };
  // Flat reads in bounded `in` lists: a nested read of sections, paragraphs and sentence groups puts
  // every parent's id in one list, beyond SQLite's 999 parameters in a library of a few hundred articles.
  const ids = [...candidates];
  const articles = (
    await inBatches(
      ids,
      (piece) =>
        db.article.findMany({
          where: { id: { in: piece } },
          select: { id: true, slug: true, titleDe: true, publishedAt: true },
        }),
      READ_BATCH,
    )
  )
    .flat()
    .sort(
      (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
    );
  const headings = (
    await inBatches(
      ids,
      (piece) =>
        db.section.findMany({
          where: { articleId: { in: piece }, headingDe: { not: null } },
          select: { articleId: true, position: true, headingDe: true, headingEn: true },
        }),
      READ_BATCH,
    )
  ).flat();
  const sentences = (
    await inBatches(
      ids,
      (piece) =>
        db.sentence.findMany({
          where: { paragraph: { articleId: { in: piece } } },
          select: {
            position: true,
            textDe: true,
            textEn: true,
            paragraph: { select: { articleId: true, position: true, section: { select: { position: true } } } },
          },
        }),
      READ_BATCH,
    )
  ).flat();
  // Reading order: each heading, then its paragraphs' sentence groups.
  type Text = { section: number; paragraph: number; sentence: number; anchor: string; de: string; en: string };
  const textsOf = new Map<string, Text[]>(articles.map((article) => [article.id, []]));
  for (const h of headings) {
    textsOf.get(h.articleId)?.push({
      section: h.position,
      paragraph: -1,
      sentence: 0,
      anchor: paths.sectionAnchor(h.position),
      de: h.headingDe ?? '',
      en: h.headingEn ?? '',
    });
  }
  for (const s of sentences) {
    textsOf.get(s.paragraph.articleId)?.push({
      section: s.paragraph.section.position,
      paragraph: s.paragraph.position,
      sentence: s.position,
      anchor: paths.sentenceAnchor(s.paragraph.position, s.position),
      de: s.textDe,
      en: s.textEn,
    });
  }
  const texts = articles.flatMap((article) =>
    textsOf
      .get(article.id)!
      .sort((a, b) => a.section - b.section || a.paragraph - b.paragraph || a.sentence - b.sentence)
      .map((text) => ({ article, ...text })),
  );
  const matches = await runServiceTask('matchTexts', { glossary: [entry], texts: texts.map((text) => text.de) });
  const lines: ConcordanceLine[] = texts.flatMap((text, index) =>
    matches[index]!.map((match) => ({
      articleSlug: text.article.slug,
      articleTitle: text.article.titleDe,
      anchor: text.anchor,
      textDe: text.de,
      textEn: text.en,
      start: match.start,
      end: match.end,
      kind: match.kind,
    })),
  );
  const groups = groupByArticle(lines).map((group) => ({
    ...group,
    sentences: group.sentences.slice(0, PREVIEW_SENTENCES),
  }));
  return { occurrences: lines.length, groups };
}
