import 'server-only';
import { articlesOffering } from '@/lib/annotation/service.server';
import { PUBLISHED } from '@/lib/articles/queries.server';
import { db } from '@/lib/db.server';
import { paths } from '@/lib/paths';
import type { GlossaryEntry } from '@/lib/text';
import { runTask } from '@/lib/workers.server';
import { groupByArticle } from './concordance';
import type { ConcordanceLine, TermPreview } from './types';

// What an entry, as an editor is typing it, would match in the published articles: lib/text's matcher
// with this one entry, in a worker thread (./tasks.server.ts), over the sentences and headings of the
// articles whose lemma index offers one of its wordings (the ArticleLemma index, as re-annotation
// narrows them). Every inflected form, compound and moved verb part the engine finds is counted.

/** Sentences shown per article; the counts cover all of them. */
export const PREVIEW_SENTENCES = 5;

export async function previewOf(entry: GlossaryEntry): Promise<TermPreview> {
  const keys = await runTask('previewKeys', entry);
  const candidates = await articlesOffering(db, keys, PUBLISHED);
  if (candidates.size === 0) return { occurrences: 0, groups: [] };
  const articles = await db.article.findMany({
    where: { id: { in: [...candidates] } },
    select: {
      slug: true,
      titleDe: true,
      sections: {
        select: {
          position: true,
          headingDe: true,
          headingEn: true,
          paragraphs: {
            select: {
              position: true,
              sentences: { select: { position: true, textDe: true, textEn: true }, orderBy: { position: 'asc' } },
            },
            orderBy: { position: 'asc' },
          },
        },
        orderBy: { position: 'asc' },
      },
    },
    orderBy: [{ publishedAt: 'desc' }, { slug: 'asc' }],
  });
  // Reading order: each heading, then its paragraphs' sentence groups.
  const texts = articles.flatMap((article) =>
    article.sections.flatMap((section) => [
      ...(section.headingDe
        ? [
            {
              article,
              anchor: paths.sectionAnchor(section.position),
              de: section.headingDe,
              en: section.headingEn ?? '',
            },
          ]
        : []),
      ...section.paragraphs.flatMap((paragraph) =>
        paragraph.sentences.map((sentence) => ({
          article,
          anchor: paths.sentenceAnchor(paragraph.position, sentence.position),
          de: sentence.textDe,
          en: sentence.textEn,
        })),
      ),
    ]),
  );
  const matches = await runTask('previewMatches', { entry, texts: texts.map((text) => text.de) });
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
