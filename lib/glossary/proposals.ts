import { z } from 'zod';
import { DOMAINS, TERM_KINDS, type Domain, type TermKind, type TermStatus } from './schema';

// Proposals of new glossary entries from an article (docs/decisions/033-term-proposals.md): what the
// "Suggested terms" panel sends, the review queue's filters, and the pure helpers that prefill a
// proposal (domains from the compound's affixes, a drafted English from the dictionary). A proposal
// may lack definitions: an editor completes it, and approving needs the full TermContentSchema.

/** The domains a domain affix of lib/text's candidates (DOMAIN_HEADS, DOMAIN_MODIFIERS) suggests. */
const AFFIX_DOMAINS: Readonly<Record<string, Domain>> = {
  politik: 'politics',
  abkommen: 'diplomacy',
  kontrolle: 'arms-control',
  vertrag: 'diplomacy',
  minister: 'politics',
  ministerin: 'politics',
  ministerium: 'politics',
  haushalt: 'economy',
  industrie: 'defence-industry',
  strategie: 'military',
  sanktion: 'sanctions',
  abschreckung: 'military',
  verteidigung: 'military',
  rüstung: 'defence-industry',
  krieg: 'military',
  waffe: 'military',
  rakete: 'military',
  bündnis: 'geopolitics',
  gipfel: 'diplomacy',
  dienst: 'intelligence',
  embargo: 'sanctions',
  angriff: 'military',
  einsatz: 'military',
  rüstungs: 'defence-industry',
  verteidigungs: 'military',
  sicherheits: 'geopolitics',
  waffen: 'military',
  militär: 'military',
  kriegs: 'military',
  atom: 'arms-control',
  nuklear: 'arms-control',
  raketen: 'military',
  truppen: 'military',
  außen: 'diplomacy',
  geheim: 'intelligence',
  cyber: 'cyber',
  sanktions: 'sanctions',
  wirtschafts: 'economy',
  handels: 'economy',
};
/** When no affix says anything: the glossary's most general domain. */
const DEFAULT_DOMAIN: Domain = 'politics';

/** One to three domains for a candidate, from its affixes in order (the teacher may change them). */
export function guessDomains(affixes: readonly string[]): Domain[] {
  const domains = [...new Set(affixes.flatMap((affix) => AFFIX_DOMAINS[affix] ?? []))].slice(0, 3);
  return domains.length ? domains : [DEFAULT_DOMAIN];
}

/** An English synonym as the dictionary writes it, without its annotations: "defense industry [Am.]" → "defense industry". */
function plainEnglish(synonym: string): string {
  return synonym
    .replace(/\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|\/[^/\s]+\//g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A drafted English for a candidate from the general dictionary's senses (best first): the first
 * synonym that occurs in the aligned English sentences, else the first synonym of the first sense,
 * else "". US spelling wins over British where the dictionary marks both.
 */
export function draftEnglish(senses: readonly { english: string }[], englishSentences: readonly string[]): string {
  const synonyms = senses.flatMap((sense) =>
    sense.english
      .split(/\s*[|;]\s*/)
      .filter((synonym) => !synonym.includes('[Br.]'))
      .map(plainEnglish)
      .filter((synonym) => synonym !== ''),
  );
  const english = englishSentences.join(' ').toLowerCase();
  const inSentences = synonyms.find((synonym) =>
    new RegExp(`(?:^|[^\\p{L}])${escapeRegExp(synonym.toLowerCase())}(?![\\p{L}])`, 'u').test(english),
  );
  return inSentences ?? synonyms[0] ?? '';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const text = (max: number) => z.string().trim().min(1, 'proposals:errors.required').max(max);
/** A field the editor completes later: empty allowed. */
const optionalText = (max: number) => z.string().trim().max(max);

/** One ticked candidate as the panel sends it. */
export const ProposedTermSchema = z
  .strictObject({
    lemma: text(200),
    kind: z.enum(TERM_KINDS),
    gender: z.enum(['m', 'f', 'n']).nullable(),
    plural: text(200).nullable().default(null),
    genitive: text(200).nullable().default(null),
    separable: z.boolean(),
    englishPreferred: optionalText(200),
    definitionEn: optionalText(1000),
    definitionDe: optionalText(1000),
    domains: z.array(z.enum(DOMAINS)).min(1, 'proposals:errors.domain').max(3),
    /** The lemma was rejected before and the teacher proposes it again knowingly. */
    again: z.boolean().default(false),
  })
  .refine((t) => t.kind === 'noun' || (t.gender === null && t.plural === null && t.genitive === null), {
    message: 'proposals:errors.invalid',
  })
  .refine((t) => t.kind === 'verb' || !t.separable, { message: 'proposals:errors.invalid' });
export type ProposedTerm = z.output<typeof ProposedTermSchema>;

export const MAX_PROPOSALS = 50;
export const ProposeTermsSchema = z.strictObject({
  slug: z.string().min(1).max(200),
  terms: z
    .array(ProposedTermSchema)
    .min(1, 'proposals:errors.none')
    .max(MAX_PROPOSALS)
    .refine((terms) => new Set(terms.map((t) => t.lemma)).size === terms.length, {
      message: 'proposals:errors.invalid',
    }),
});

// The review queue's query string (?article=…&domain=…&proposer=…): anything invalid is dropped.
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const id = z
  .preprocess(
    firstValue,
    z
      .string()
      .regex(/^[\w-]{1,64}$/)
      .optional(),
  )
  .catch(undefined);
export const ReviewQuerySchema = z.object({
  article: id,
  proposer: id,
  domain: z.preprocess(firstValue, z.enum(DOMAINS).optional()).catch(undefined),
});
export type ReviewQuery = z.infer<typeof ReviewQuerySchema>;

export function parseReviewQuery(searchParams: unknown): ReviewQuery {
  return ReviewQuerySchema.parse(typeof searchParams === 'object' && searchParams !== null ? searchParams : {});
}

export type SuggestionSentence = { de: string; en: string; marks: { start: number; end: number }[] };
export type Suggestion = {
  lemma: string;
  kind: TermKind;
  score: number;
  occurrences: number;
  gender: 'm' | 'f' | 'n' | null;
  /** A noun's plural and genitive (with its article, "des Krieges") from the lemma table, where it has them. */
  plural: string | null;
  genitive: string | null;
  separable: boolean;
  english: string;
  domains: Domain[];
  sentences: SuggestionSentence[];
  /** The lemma is in the glossary already as a proposal, a rejected or a retired entry. */
  existing: { status: Exclude<TermStatus, 'approved'>; rejectionReason: string | null } | null;
};

export type ProposeOutcome = {
  /** Lemmas now proposed (new rows, or rejected ones proposed again). */
  proposed: string[];
  /** Lemmas left alone: already in the glossary (proposed, approved, retired), or rejected and not proposed again. */
  skipped: string[];
};

export type ReviewItem = {
  lemma: string;
  kind: TermKind;
  englishPreferred: string;
  domains: Domain[];
  proposedAt: Date;
  proposer: { id: string; name: string } | null;
  article: { id: string; slug: string; titleDe: string } | null;
};
export type ReviewQueue = {
  items: ReviewItem[];
  /** What the filters offer: the articles and proposers of all open proposals. */
  articles: { id: string; titleDe: string }[];
  proposers: { id: string; name: string }[];
};
