import 'server-only';
import { command } from '@/lib/action.server';
import { db } from '@/lib/db.server';
import { lookupWord } from '@/lib/dictionary/queries.server';
import { editable, editableScope } from '@/lib/teach/policy.server';
import { rankCandidates } from '@/lib/text';
import { runServiceTask } from '@/lib/task-service.server';
import { glossaryEntries } from './queries.server';
import {
  draftEnglish,
  guessDomains,
  ProposeTermsSchema,
  type ProposeOutcome,
  type ReviewQuery,
  type ReviewQueue,
  type Suggestion,
} from './proposals';
import { recordRevision } from './revisions.server';
import type { Domain, TermKind, TermStatus } from './schema';

// Proposals of new glossary entries from an article (docs/decisions/033-term-proposals.md). The
// candidates are computed when asked for (the article's editor), never stored: extraction runs in a
// worker thread, ranking against the library's lemma index (ArticleLemma) here. Ticked candidates
// become Term rows with status "proposed", which editors review.

/** How many candidates the panel shows. */
export const SUGGESTIONS = 30;
/** Sentences shown per candidate. */
const SENTENCES_PER_CANDIDATE = 3;

/** The texts of an article, sentence groups then headings, with their English. */
async function articleTexts(articleId: string): Promise<{ de: string; en: string }[]> {
  const sentences = await db.sentence.findMany({
    where: { paragraph: { articleId } },
    select: { textDe: true, textEn: true },
    orderBy: [{ paragraph: { position: 'asc' } }, { position: 'asc' }],
  });
  const headings = await db.section.findMany({
    where: { articleId, headingDe: { not: null } },
    select: { headingDe: true, headingEn: true },
    orderBy: { position: 'asc' },
  });
  return [
    ...sentences.map((s) => ({ de: s.textDe, en: s.textEn })),
    ...headings.map((h) => ({ de: h.headingDe ?? '', en: h.headingEn ?? '' })),
  ];
}

/**
 * The article's best glossary candidates (at most `limit`), each with its sentences (German with the
 * candidate marked, and the aligned English), grammar from the lemma table, guessed domains, a drafted
 * English from the general dictionary, and what the glossary already says about the lemma.
 */
export async function suggestTerms(articleId: string, limit = SUGGESTIONS): Promise<Suggestion[]> {
  const texts = await articleTexts(articleId);
  if (texts.length === 0) return [];
  const candidates = await runServiceTask('extractTermCandidates', {
    texts: texts.map((t) => t.de),
    glossary: await glossaryEntries(),
  });
  const keys = [...new Set(candidates.flatMap((c) => c.keys))];
  const [counts, articleCount] = await Promise.all([
    keys.length
      ? db.articleLemma.groupBy({
          by: ['lemma'],
          where: { lemma: { in: keys }, articleId: { not: articleId } },
          _count: { _all: true },
        })
      : [],
    db.article.count({ where: { id: { not: articleId }, annotatedAt: { not: null } } }),
  ]);
  const ranked = rankCandidates(candidates, {
    documentFrequency: new Map(counts.map((c) => [c.lemma, c._count._all])),
    articleCount,
  }).slice(0, limit);

  const existing = await db.term.findMany({
    where: { lemma: { in: ranked.map((c) => c.lemma) } },
    select: { lemma: true, status: true, rejectionReason: true },
  });
  const existingByLemma = new Map(existing.map((t) => [t.lemma, t]));
  return Promise.all(
    ranked.map(async (candidate): Promise<Suggestion> => {
      const byText = new Map<number, { start: number; end: number }[]>();
      for (const o of candidate.occurrences) byText.set(o.text, [...(byText.get(o.text) ?? []), o]);
      const sentences = [...byText].map(([index, marks]) => ({
        de: texts[index]!.de,
        en: texts[index]!.en,
        marks: marks.map(({ start, end }) => ({ start, end })),
      }));
      const { facts } = candidate;
      const senses = await lookupWord(candidate.lemma);
      const known = existingByLemma.get(candidate.lemma);
      const noun = candidate.kind === 'noun';
      return {
        lemma: candidate.lemma,
        kind: candidate.kind,
        score: candidate.score,
        occurrences: candidate.occurrences.length,
        // The lemma table's dictionary facts where it has them (ADR 031), else what extraction saw.
        gender: noun ? (facts?.gender ?? candidate.grammar.gender) : null,
        plural: noun ? (facts?.plural ?? null) : null,
        genitive: noun ? (facts?.genitive ?? null) : null,
        separable: candidate.kind === 'verb' && (facts?.separable ?? candidate.grammar.separable),
        english: draftEnglish(
          senses,
          sentences.map((s) => s.en),
        ),
        domains: guessDomains(candidate.affixes),
        sentences: sentences.slice(0, SENTENCES_PER_CANDIDATE),
        existing:
          known && known.status !== 'approved'
            ? {
                status: known.status as Exclude<TermStatus, 'approved'>,
                rejectionReason: known.rejectionReason,
              }
            : null,
      };
    }),
  );
}

/** The id of the article `slug` if `userId` may edit it (a teacher's own, any imported one for admins), else null. */
export async function editableArticleId(userId: string, slug: string): Promise<string | null> {
  const scope = await editableScope(userId);
  if (!scope) return null;
  const article = await db.article.findFirst({ where: { slug, ...scope }, select: { id: true } });
  return article?.id ?? null;
}

/**
 * Ticked candidates → Term rows with status "proposed": the prefilled fields, the article as source,
 * who proposed them from where, and a "proposed" revision each. A rejected lemma proposed again
 * (`again`) reuses its row and history. Definitions may be empty: an editor completes them before
 * approving (approval validates the full TermContentSchema).
 */
export const proposeTerms = command({
  input: ProposeTermsSchema,
  invalid: 'proposals:errors.invalid',
  guard: editable,
  run: async ({ userId }, { slug, terms }): Promise<ProposeOutcome> =>
    db.$transaction(async (tx) => {
      const article = await tx.article.findUniqueOrThrow({
        where: { slug },
        select: { id: true, titleDe: true, outlet: true, sourceUrl: true },
      });
      const existing = new Map(
        (
          await tx.term.findMany({
            where: { lemma: { in: terms.map((t) => t.lemma) } },
            select: { id: true, lemma: true, status: true },
          })
        ).map((t) => [t.lemma, t]),
      );
      const outcome: ProposeOutcome = { proposed: [], skipped: [] };
      for (const term of terms) {
        const known = existing.get(term.lemma);
        if (known && !(known.status === 'rejected' && term.again)) {
          outcome.skipped.push(term.lemma);
          continue;
        }
        const fields = {
          kind: term.kind,
          gender: term.gender,
          plural: term.plural,
          genitive: term.genitive,
          separable: term.separable,
          englishPreferred: term.englishPreferred,
          englishAlternatives: '[]',
          definitionEn: term.definitionEn,
          definitionDe: term.definitionDe,
          usageNote: null,
          related: '[]',
          variants: '[]',
          source: `${article.outlet}: ${article.titleDe}`,
          sourceUrl: article.sourceUrl,
          grammarOverride: null,
          status: 'proposed',
          rejectionReason: null,
          editedInApp: true,
          proposedById: userId,
          proposedFromId: article.id,
        };
        const domains = { create: term.domains.map((domain) => ({ domain })) };
        const { id } = known
          ? await tx.term.update({
              where: { id: known.id },
              data: { ...fields, domains: { deleteMany: {}, ...domains } },
              select: { id: true },
            })
          : await tx.term.create({ data: { lemma: term.lemma, ...fields, domains }, select: { id: true } });
        await recordRevision(tx, id, 'proposed', userId);
        outcome.proposed.push(term.lemma);
      }
      return outcome;
    }),
});

/** The open proposals, oldest first, filtered by article, domain and proposer (editors' review queue). */
export async function reviewQueue(filter: ReviewQuery): Promise<ReviewQueue> {
  const rows = await db.term.findMany({
    where: {
      status: 'proposed',
      proposedFromId: filter.article,
      proposedById: filter.proposer,
      domains: filter.domain ? { some: { domain: filter.domain } } : undefined,
    },
    select: {
      lemma: true,
      kind: true,
      englishPreferred: true,
      updatedAt: true,
      domains: { select: { domain: true }, orderBy: { domain: 'asc' } },
      proposedBy: { select: { id: true, name: true } },
      proposedFrom: { select: { id: true, slug: true, titleDe: true } },
    },
    orderBy: [{ updatedAt: 'asc' }, { lemma: 'asc' }],
  });
  const all = await db.term.findMany({
    where: { status: 'proposed' },
    select: { proposedBy: { select: { id: true, name: true } }, proposedFrom: { select: { id: true, titleDe: true } } },
  });
  const unique = <T extends { id: string }>(list: (T | null)[]) => [
    ...new Map(list.flatMap((item) => (item ? [[item.id, item] as const] : []))).values(),
  ];
  return {
    items: rows.map((row) => ({
      lemma: row.lemma,
      kind: row.kind as TermKind,
      englishPreferred: row.englishPreferred,
      domains: row.domains.map((d) => d.domain as Domain),
      proposedAt: row.updatedAt,
      proposer: row.proposedBy,
      article: row.proposedFrom,
    })),
    articles: unique(all.map((t) => t.proposedFrom)).sort((a, b) => a.titleDe.localeCompare(b.titleDe, 'de')),
    proposers: unique(all.map((t) => t.proposedBy)).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
