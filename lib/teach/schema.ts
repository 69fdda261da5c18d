import { z } from 'zod';
import { ArticleSlugSchema, NOTE_MAX } from '@/lib/articles/schema';
import { ARTICLE_VISIBILITIES, SOURCE_FORMATS } from './types';

// Input of the importer and the translation editor: the UI reuses these, the server parses again.
// Messages are i18n keys in the `teach` namespace.

/** The form's key for input its schema refuses (each field carries its own key). */
export const INVALID = 'teach:errors.invalid';
/** The refusal of an edit made on an older version than the article's: the editor then shows the newer text. */
export const STALE_EDIT = 'teach:errors.staleEdit';

/** Characters of German text an article may have (after extraction, for HTML). */
export const TEXT_MAX = 200_000;
/** Raw HTML is refused beyond this before parsing: markup may be ten times the text, not more. */
export const HTML_RAW_MAX = 2_000_000;
export const TITLE_MAX = 300;
/** Bytes of a Word file (.docx); it is sent as base64, a third larger, under the 5 MB action body limit. */
export const DOCX_MAX_BYTES = 3_000_000;
const DOCX_BASE64_MAX = Math.ceil(DOCX_MAX_BYTES / 3) * 4;
const base64 = z.base64();

const slug = ArticleSlugSchema;
const id = z.string().min(1, INVALID).max(100, INVALID);
/**
 * The article version (DraftArticle.version) an edit was made on: an edit made on an older one than
 * the article's is refused as stale, so that nothing another tab or window saved meanwhile is lost.
 */
const version = z.int(INVALID).min(0, INVALID);

export const CreateDraftSchema = z
  .object({
    title: z.string().trim().max(TITLE_MAX, 'teach:errors.titleTooLong').optional(),
    format: z.enum(SOURCE_FORMATS, 'teach:errors.format'),
    /** The text; for 'docx' the Word file's bytes as base64. */
    text: z.string('teach:errors.empty'),
    fileName: z.string().max(255, 'teach:errors.fileName').optional(),
  })
  .superRefine((input, context) => {
    const refuse = (message: string) => context.addIssue({ code: 'custom', path: ['text'], message });
    const length = input.text.trim().length;
    if (length === 0) refuse('teach:errors.empty');
    else if (input.format === 'docx') {
      if (length > DOCX_BASE64_MAX) refuse('teach:errors.docxTooLarge');
      else if (!base64.safeParse(input.text).success) refuse('teach:errors.brokenDocx');
    }
    // HTML is measured after extraction (markup is not text); here only its raw size is bounded.
    else if (length > (input.format === 'html' ? HTML_RAW_MAX : TEXT_MAX)) refuse('teach:errors.tooLong');
  });
export type CreateDraftInput = z.infer<typeof CreateDraftSchema>;

export const SlugInputSchema = z.object({ slug });
export type SlugInput = z.infer<typeof SlugInputSchema>;

export const UpdateGroupSchema = z
  .object({
    slug,
    version,
    groupId: id,
    textDe: z.string().max(TEXT_MAX, 'teach:errors.tooLong').optional(),
    textEn: z.string().max(TEXT_MAX, 'teach:errors.tooLong').optional(),
  })
  .refine((input) => input.textDe !== undefined || input.textEn !== undefined, {
    message: 'teach:errors.nothingToChange',
    path: ['textEn'],
  })
  .refine((input) => input.textDe === undefined || input.textDe.trim().length > 0, {
    message: 'teach:errors.germanRequired',
    path: ['textDe'],
  });
export type UpdateGroupInput = z.infer<typeof UpdateGroupSchema>;

/** A sentence group's editor's note: plain text; an empty one clears the note. */
export const UpdateNoteSchema = z.object({
  slug,
  version,
  groupId: id,
  note: z.string({ error: INVALID }).trim().max(NOTE_MAX, 'teach:errors.noteTooLong'),
});
export type UpdateNoteInput = z.infer<typeof UpdateNoteSchema>;

export const SplitGroupSchema = z.object({
  slug,
  version,
  groupId: id,
  at: z.int('teach:errors.invalidSplit').min(1, 'teach:errors.invalidSplit'),
  /**
   * The English of the two groups, when the editor knows it (undoing a join gives each group its own
   * English back); without it the English is cut at its sentence boundary nearest to the German cut.
   */
  textEn: z
    .tuple([z.string().max(TEXT_MAX, 'teach:errors.tooLong'), z.string().max(TEXT_MAX, 'teach:errors.tooLong')])
    .optional(),
});
export type SplitGroupInput = z.infer<typeof SplitGroupSchema>;

export const JoinGroupsSchema = z.object({ slug, version, groupId: id });
export type JoinGroupsInput = z.infer<typeof JoinGroupsSchema>;

export const DeleteGroupSchema = z.object({ slug, version, groupId: id });
export type DeleteGroupInput = z.infer<typeof DeleteGroupSchema>;

export const SplitParagraphSchema = z.object({ slug, version, groupId: id });
export type SplitParagraphInput = z.infer<typeof SplitParagraphSchema>;

export const JoinParagraphsSchema = z.object({ slug, version, paragraphId: id });
export type JoinParagraphsInput = z.infer<typeof JoinParagraphsSchema>;

export const UpdateTitleSchema = z.object({
  slug,
  version,
  titleDe: z.string().trim().min(1, 'teach:errors.titleRequired').max(TITLE_MAX, 'teach:errors.titleTooLong'),
  titleEn: z.string().trim().max(TITLE_MAX, 'teach:errors.titleTooLong'),
});
export type UpdateTitleInput = z.infer<typeof UpdateTitleSchema>;

/** The English of a section heading (the German heading comes from the imported document). */
export const UpdateHeadingSchema = z.object({
  slug,
  version,
  sectionId: z.string({ error: INVALID }).min(1, INVALID).max(64, INVALID),
  headingEn: z.string({ error: INVALID }).trim().max(TITLE_MAX, 'teach:errors.titleTooLong'),
});
export type UpdateHeadingInput = z.infer<typeof UpdateHeadingSchema>;

/** Characters of an outlet's name, an author list or a source address. */
export const SOURCE_FIELD_MAX = 300;
export const URL_MAX = 2_000;

/** An absolute http or https address with a host. */
function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** An address of the original: http or https only (no javascript:, data: or file: links in the reader). */
export const SourceUrlSchema = z
  .string({ error: 'teach:errors.sourceUrl' })
  .trim()
  .max(URL_MAX, 'teach:errors.sourceUrl')
  .refine((value) => value === '' || isWebAddress(value), 'teach:errors.sourceUrl');

/** The refusal of a link that is not an http or https address (the fetcher refuses others too). */
const LINK_SCHEME = 'teach:errors.link.scheme';

/**
 * An import by link (docs/decisions/043-import-from-a-link.md): the page's address and an optional
 * title. Whether the address may be fetched is decided when fetching it (lib/teach/fetch-page.server.ts).
 */
export const ImportLinkSchema = z.object({
  title: z.string().trim().max(TITLE_MAX, 'teach:errors.titleTooLong').optional(),
  url: z
    .string({ error: LINK_SCHEME })
    .trim()
    .min(1, 'teach:errors.link.empty')
    .max(URL_MAX, 'teach:errors.link.tooLong')
    .refine(isWebAddress, LINK_SCHEME),
});
export type ImportLinkInput = z.infer<typeof ImportLinkSchema>;

/** Where the article comes from: outlet, authors (comma-separated), address, original date (YYYY-MM-DD). */
export const UpdateSourceSchema = z.object({
  slug,
  version,
  outlet: z.string({ error: INVALID }).trim().max(SOURCE_FIELD_MAX, 'teach:errors.sourceTooLong'),
  authors: z.string({ error: INVALID }).trim().max(SOURCE_FIELD_MAX, 'teach:errors.sourceTooLong'),
  sourceUrl: SourceUrlSchema,
  publishedAt: z.iso.date('teach:errors.publishedAt').refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= 1800 && value <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  }, 'teach:errors.publishedAt'),
});
export type UpdateSourceInput = z.infer<typeof UpdateSourceSchema>;

/** The authors of a comma- or semicolon-separated list, as stored (ArticleAuthor rows). */
export function authorNames(list: string): string[] {
  return list
    .split(/[,;]/u)
    .map((name) => name.replace(/\s+/gu, ' ').trim())
    .filter(Boolean)
    .slice(0, 20);
}

export const UpdateVisibilitySchema = z.object({
  slug,
  visibility: z.enum(ARTICLE_VISIBILITIES, INVALID),
});
export type UpdateVisibilityInput = z.infer<typeof UpdateVisibilitySchema>;
