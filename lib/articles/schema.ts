import { z } from 'zod';
import { optionalSearchText } from '@/lib/search-params';

// The shape of a reviewed article source file in prisma/content/articles/*.json.
const text = z.string().trim().min(1);
const bilingual = z.strictObject({ de: text, en: text });

/** Characters of an editor's note on a sentence group. */
export const NOTE_MAX = 1_000;

/**
 * An editor's note on a sentence group: plain text, in English (the learner's language), e.g. what a
 * machine-translated German should have said. Shown in the reader behind a marker.
 */
export const NoteSchema = text.max(NOTE_MAX);

/** One aligned group: usually one German sentence and its translation; either side may hold two. */
const SentenceGroupSchema = z.strictObject({ de: text, en: text, note: NoteSchema.optional() });

export const ArticleSlugSchema = z
  .string()
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase words joined by hyphens');

export const ArticleContentSchema = z.strictObject({
  slug: ArticleSlugSchema,
  title: bilingual,
  outlet: text,
  authors: z.array(text),
  publishedAt: z.iso.date(),
  sourceNote: bilingual,
  sections: z
    .array(
      z.strictObject({
        heading: bilingual.nullable(),
        paragraphs: z.array(z.array(SentenceGroupSchema).min(1)).min(1),
      }),
    )
    .min(1),
});

export type ArticleContent = z.infer<typeof ArticleContentSchema>;

/** The longest title search the library takes (a longer one is no search). */
export const LIBRARY_QUERY_MAX = 100;

/**
 * The library's search form and page links (?q=&outlet=&page=): a garbled search or outlet is ignored,
 * a page that is no whole number ≥ 1 is refused (docs/decisions/039-paging-at-scale.md).
 */
export const LibraryQuerySchema = z.object({
  q: optionalSearchText(LIBRARY_QUERY_MAX),
  outlet: optionalSearchText(200),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
});
export type LibraryQueryInput = z.input<typeof LibraryQuerySchema>;
export type LibraryQuery = z.output<typeof LibraryQuerySchema>;
