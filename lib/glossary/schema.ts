import { z } from 'zod';

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

// The glossary index's query string (?q=…&domain=…&kind=…). Anything invalid is dropped, never an
// error: a hand-edited or stale URL still shows the glossary.
export const MAX_QUERY_LENGTH = 100;
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

export const GlossaryQuerySchema = z.object({
  q: z
    .preprocess(firstValue, z.string())
    .transform((q) => q.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim())
    .catch(''),
  domain: z.preprocess(firstValue, z.enum(DOMAINS).optional()).catch(undefined),
  kind: z.preprocess(firstValue, z.enum(TERM_KINDS).optional()).catch(undefined),
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
