import { z } from 'zod';
import { letterOfSlug } from './alphabet';

// The shape of prisma/content/glossary.json: one entry per term, as a terminologist keeps them.
export const TERM_KINDS = ['noun', 'verb', 'adjective', 'phrase', 'idiom'] as const;
export const DOMAINS = [
  'defence-industry',
  'arms-control',
  'diplomacy',
  'sanctions',
  'intelligence',
  'geopolitics',
  'economy',
  'military',
  'politics',
  'cyber',
  'media',
] as const;
export type TermKind = (typeof TERM_KINDS)[number];
/** Where an entry stands (docs/decisions/030-living-glossary.md): only approved entries are highlighted. */
export const TERM_STATUSES = ['proposed', 'approved', 'rejected', 'retired'] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];
/** What a revision did to an entry (TermRevision.action). */
export const REVISION_ACTIONS = [
  'seeded',
  'proposed',
  'created',
  'edited',
  'approved',
  'rejected',
  'retired',
  'restored',
] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];
export type Domain = (typeof DOMAINS)[number];

const text = z.string().trim().min(1);

export const TermContentSchema = z
  .strictObject({
    lemma: text,
    kind: z.enum(TERM_KINDS),
    gender: z.enum(['m', 'f', 'n']).nullable(),
    plural: text.nullable(),
    genitive: text.nullable(),
    separable: z.boolean(),
    english: z.strictObject({ preferred: text, alternatives: z.array(text) }),
    definitionEn: text,
    definitionDe: text,
    usageNote: text.nullable(),
    domains: z.array(z.enum(DOMAINS)).min(1).max(3),
    related: z.array(text),
    variants: z.array(text),
    source: text,
    /** The address of the source, where it has one. */
    sourceUrl: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .default(null),
    /** An editor's reason for grammar that disagrees with the lemma table (lib/glossary's grammar check). */
    grammarOverride: text.nullable().default(null),
  })
  .refine((t) => t.kind === 'noun' || (t.gender === null && t.plural === null && t.genitive === null), {
    message: 'only nouns have gender, plural and genitive',
  })
  .refine((t) => t.kind === 'verb' || !t.separable, { message: 'only verbs are separable' });

export const GlossaryContentSchema = z.array(TermContentSchema).superRefine((terms, ctx) => {
  const lemmas = new Set<string>();
  for (const [i, term] of terms.entries()) {
    if (lemmas.has(term.lemma))
      ctx.addIssue({ code: 'custom', path: [i, 'lemma'], message: `duplicate lemma "${term.lemma}"` });
    lemmas.add(term.lemma);
  }
  for (const [i, term] of terms.entries()) {
    for (const related of term.related) {
      if (!lemmas.has(related))
        ctx.addIssue({ code: 'custom', path: [i, 'related'], message: `unknown related entry "${related}"` });
    }
  }
});

export type TermContent = z.output<typeof TermContentSchema>;

// The glossary index's query string (?q=…&domain=…&kind=…&letter=…&page=…). Anything invalid is dropped, never an
// error: a hand-edited or stale URL still shows the glossary.
export const MAX_QUERY_LENGTH = 100;
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A ?page= (the index's within a letter, a term page's of its concordance): 1 when missing or invalid, never an error. */
export const PageParamSchema = z.preprocess(firstValue, z.coerce.number().int().min(1).max(1_000_000)).catch(1);

export const GlossaryQuerySchema = z.object({
  q: z
    .preprocess(firstValue, z.string())
    .transform((q) => q.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim())
    .catch(''),
  domain: z.preprocess(firstValue, z.enum(DOMAINS).optional()).catch(undefined),
  kind: z.preprocess(firstValue, z.enum(TERM_KINDS).optional()).catch(undefined),
  /** The index letter (A–Z or #) a long index shows (docs/decisions/045-glossary-index-by-letter.md). */
  letter: z.preprocess(firstValue, z.string()).transform(letterOfSlug).catch(undefined),
  page: PageParamSchema,
});
export type GlossaryQuery = z.infer<typeof GlossaryQuerySchema>;

/** The index's search and filters from a page's searchParams (any shape). */
export function parseGlossaryQuery(searchParams: unknown): GlossaryQuery {
  return GlossaryQuerySchema.parse(typeof searchParams === 'object' && searchParams !== null ? searchParams : {});
}

/** A term page's [lemma] segment arrives URL-encoded ("rote%20Linie"): decoded, NFC, or null if malformed. */
export const LemmaParamSchema = z
  .string()
  .transform((segment, ctx) => {
    try {
      return decodeURIComponent(segment).normalize('NFC').trim();
    } catch {
      ctx.addIssue({ code: 'custom', message: 'malformed URL encoding' });
      return z.NEVER;
    }
  })
  .pipe(z.string().min(1).max(200));

export function parseLemmaParam(segment: string): string | null {
  const result = LemmaParamSchema.safeParse(segment);
  return result.success ? result.data : null;
}

// ── the term editor (docs/decisions/032-glossary-editor-and-live-refresh.md) ─────────────────────
// The editor's commands take an entry in the content file's shape (TermContentSchema) plus what the
// command needs. Messages are i18n keys in the `glossaryEditor` namespace.

/** The form's key for input its schema refuses (each field then carries it too). */
export const EDITOR_INVALID = 'glossaryEditor:errors.invalid';
/** The refusal of an edit made on an older version of the entry: the editor then shows the newer one. */
export const EDITOR_STALE = 'glossaryEditor:errors.stale';
/** The refusal of a wording that matches no published sentence, unless the editor confirmed it. */
export const EDITOR_NO_MATCHES = 'glossaryEditor:errors.noMatches';
/** Grammar that disagrees with the lemma table, without an override reason. */
export const EDITOR_GRAMMAR = 'glossaryEditor:errors.grammar';
/** A noun or verb the lemma table has no grammar for, without a reason for the grammar given. */
export const EDITOR_GRAMMAR_UNKNOWN = 'glossaryEditor:errors.grammarUnknown';

const termId = z.string().min(1, EDITOR_INVALID).max(100, EDITOR_INVALID);
/** The entry's version (Term.version) the edit was made on: an older one than the entry's is stale. */
const termVersion = z.int(EDITOR_INVALID).min(0, EDITOR_INVALID);
/** Saving a wording that matches nothing: the editor confirmed it after the first refusal. */
const confirmNoMatches = z.boolean(EDITOR_INVALID).default(false);

export const CreateTermSchema = TermContentSchema.extend({ confirmNoMatches });
export const UpdateTermSchema = TermContentSchema.extend({ id: termId, version: termVersion, confirmNoMatches });
export const RejectTermSchema = z.strictObject({
  id: termId,
  version: termVersion,
  reason: z
    .string(EDITOR_INVALID)
    .trim()
    .min(1, 'glossaryEditor:errors.reasonRequired')
    .max(1000, 'glossaryEditor:errors.reasonTooLong'),
});
export const RetireTermSchema = z.strictObject({ id: termId, version: termVersion });
export const RestoreRevisionSchema = z.strictObject({
  id: termId,
  version: termVersion,
  revision: z.int(EDITOR_INVALID).min(1, EDITOR_INVALID),
});
/** The wordings of an entry as typed, for the preview of what it would match. */
export const PreviewTermSchema = z.strictObject({
  lemma: z.string(EDITOR_INVALID).trim().min(1, 'glossaryEditor:errors.lemmaFirst').max(200, EDITOR_INVALID),
  variants: z.array(z.string().trim().min(1).max(200), EDITOR_INVALID).max(20, EDITOR_INVALID),
});
export const DictionaryGrammarSchema = z.strictObject({
  lemma: z.string(EDITOR_INVALID).trim().min(1, 'glossaryEditor:errors.lemmaFirst').max(200, EDITOR_INVALID),
  kind: z.enum(TERM_KINDS, EDITOR_INVALID),
});
/** An admin making a teacher a glossary editor, or ending it. */
export const EditorGrantSchema = z.strictObject({ userId: termId });
