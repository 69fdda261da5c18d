import { z } from 'zod';

// The shape of prisma/content/glossary.json: one entry per term, as a terminologist keeps them.
export const TERM_KINDS = ['noun', 'verb', 'adjective', 'phrase', 'idiom'] as const;
export const DOMAINS = [
  'defence-industry', 'arms-control', 'diplomacy', 'sanctions', 'intelligence', 'geopolitics', 'economy', 'military', 'politics', 'cyber', 'media',
] as const;
export type TermKind = (typeof TERM_KINDS)[number];
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
  })
  .refine((t) => t.kind === 'noun' || (t.gender === null && t.plural === null && t.genitive === null), {
    message: 'only nouns have gender, plural and genitive',
  })
  .refine((t) => t.kind === 'verb' || !t.separable, { message: 'only verbs are separable' });

export const GlossaryContentSchema = z.array(TermContentSchema).superRefine((terms, ctx) => {
  const lemmas = new Set<string>();
  for (const [i, term] of terms.entries()) {
    if (lemmas.has(term.lemma)) ctx.addIssue({ code: 'custom', path: [i, 'lemma'], message: `duplicate lemma "${term.lemma}"` });
    lemmas.add(term.lemma);
  }
  for (const [i, term] of terms.entries()) {
    for (const related of term.related) {
      if (!lemmas.has(related)) ctx.addIssue({ code: 'custom', path: [i, 'related'], message: `unknown related entry "${related}"` });
    }
  }
});

export type TermContent = z.infer<typeof TermContentSchema>;
