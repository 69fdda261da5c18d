import { z } from 'zod';
import { optionalSearchText } from '@/lib/search-params';
import { VocabularyStatusSchema } from './status';

// Inputs of every vocabulary operation. Messages are i18n keys (namespace `vocabulary`); each command
// parses its untrusted input with one of these (lib/action.server.ts).

export const LEMMA_MAX = 100;
export const TRANSLATION_MAX = 500;
export const NOTES_MAX = 2000;
export const CONTEXT_MAX = 2000;
export const TAGS_MAX = 20;
export const TAG_MAX = 40;
export const BULK_MAX = 1000;
/** A CSV file is refused above this many characters (about 2 MB) before it is parsed. */
export const IMPORT_TEXT_MAX = 2_000_000;

const id = z
  .string({ error: 'vocabulary:errors.entryId' })
  .min(1, 'vocabulary:errors.entryId')
  .max(64, 'vocabulary:errors.entryId');
const slug = z
  .string({ error: 'vocabulary:errors.article' })
  .max(200, 'vocabulary:errors.article')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'vocabulary:errors.article');

// Stored text is NFC (an "ä" typed or pasted from a macOS file as "a" plus a combining mark is one
// character again): My words' search on PostgreSQL folds case in SQL without normalizing every row.

/** Case is kept: "Essen" (the meal) and "essen" (to eat) are two entries. */
export const LemmaSchema = z
  .string({ error: 'vocabulary:errors.lemmaRequired' })
  .trim()
  .normalize('NFC')
  .min(1, 'vocabulary:errors.lemmaRequired')
  .max(LEMMA_MAX, 'vocabulary:errors.lemmaTooLong');

export const TranslationSchema = z
  .string({ error: 'vocabulary:errors.translationTooLong' })
  .trim()
  .normalize('NFC')
  .max(TRANSLATION_MAX, 'vocabulary:errors.translationTooLong');
export const NotesSchema = z
  .string({ error: 'vocabulary:errors.notesTooLong' })
  .trim()
  .normalize('NFC')
  .max(NOTES_MAX, 'vocabulary:errors.notesTooLong');

/** One tag: trimmed, inner whitespace collapsed; `;` separates tags in CSV files, so it cannot be in one. */
export const TagSchema = z
  .string({ error: 'vocabulary:errors.tag' })
  .transform((tag) => tag.trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(1, 'vocabulary:errors.tag')
      .max(TAG_MAX, 'vocabulary:errors.tag')
      .regex(/^[^;]*$/, 'vocabulary:errors.tagSemicolon'),
  );

/** Tags, each once (first spelling kept), at most TAGS_MAX. */
export const TagsSchema = z
  .array(TagSchema, { error: 'vocabulary:errors.tag' })
  .transform((tags) => [...new Set(tags)])
  .pipe(z.array(z.string()).max(TAGS_MAX, 'vocabulary:errors.tooManyTags'));

const entryIds = z
  .array(id, { error: 'vocabulary:errors.entryIds' })
  .min(1, 'vocabulary:errors.entryIds')
  .max(BULK_MAX, 'vocabulary:errors.entryIds')
  .transform((ids) => [...new Set(ids)]);

/** Save a word met in the reader: where (article + sentence or heading anchor), which lemma, what status. */
export const SaveWordSchema = z.object({
  articleSlug: slug,
  anchor: z
    .string({ error: 'vocabulary:errors.anchor' })
    .regex(/^(?:p\d{1,6}-s\d{1,6}|section-\d{1,6})$/, 'vocabulary:errors.anchor'),
  lemma: LemmaSchema,
  /** The clicked form; only picks which occurrence is kept, the stored surface comes from the text. */
  surface: z.string().trim().max(LEMMA_MAX, 'vocabulary:errors.surface').optional(),
  status: VocabularyStatusSchema,
  /** "My meaning": the learner's own gloss, the back of the word's review cards. Empty or absent: keep or suggest one. */
  translation: TranslationSchema.optional(),
});

/** Save a glossary term met in the reader (a word, a phrase, a part of a compound) to learn it. */
export const SaveTermSchema = z.object({
  articleSlug: slug,
  anchor: SaveWordSchema.shape.anchor,
  /** The glossary entry's lemma ("öffentlicher Druck"). */
  term: LemmaSchema,
  translation: TranslationSchema.optional(),
});

/** Save the words selected in a sentence as one phrase: offsets into the sentence's German text. */
export const SavePhraseSchema = z
  .object({
    articleSlug: slug,
    anchor: SaveWordSchema.shape.anchor,
    start: z.number({ error: 'vocabulary:errors.phrase' }).int().min(0).max(100_000, 'vocabulary:errors.phrase'),
    end: z.number({ error: 'vocabulary:errors.phrase' }).int().min(1).max(100_000, 'vocabulary:errors.phrase'),
    translation: TranslationSchema.optional(),
  })
  .refine((input) => input.start < input.end, { message: 'vocabulary:errors.phrase', path: ['end'] });

export const SetStatusSchema = z.object({ entryId: id, status: VocabularyStatusSchema });
export const BulkStatusSchema = z.object({ entryIds, status: VocabularyStatusSchema });
export const UpdateEntrySchema = z.object({
  entryId: id,
  translation: TranslationSchema,
  notes: NotesSchema,
  tags: TagsSchema,
});
export const DeleteEntriesSchema = z.object({ entryIds });
export const MarkRemainingKnownSchema = z.object({ articleSlug: slug });
export const ImportTextSchema = z
  .string({ error: 'vocabulary:import.notCsv' })
  .max(IMPORT_TEXT_MAX, 'vocabulary:import.tooLarge');

/**
 * The "My words" list from URL search params: a bad or empty value falls back to its default instead
 * of failing the page (`?status=` means any status).
 */
export const EntryFilterSchema = z.object({
  q: optionalSearchText(100),
  status: VocabularyStatusSchema.optional().catch(undefined),
  tag: TagSchema.optional().catch(undefined),
  article: slug.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).catch(50).default(50),
});

/** GET /api/vocabulary/export?format=: a spreadsheet CSV or an Anki notes file. */
export const EXPORT_FORMATS = ['csv', 'anki'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS, { error: 'vocabulary:errors.exportFormat' });
export type ExportFormat = z.output<typeof ExportFormatSchema>;

export type EntryFilterInput = z.input<typeof EntryFilterSchema>;
export type EntryFilter = z.output<typeof EntryFilterSchema>;
