import 'server-only';
import { createHash } from 'node:crypto';
import type { Db } from '@/lib/db.server';
import { GlossaryContentSchema, type TermContent } from './schema';

export type GlossaryImportResult = { created: string[]; updated: string[]; removed: string[]; unchanged: number };

function fieldsOf(term: TermContent) {
  return {
    kind: term.kind,
    gender: term.gender,
    plural: term.plural,
    genitive: term.genitive,
    separable: term.separable,
    englishPreferred: term.english.preferred,
    englishAlternatives: JSON.stringify(term.english.alternatives),
    definitionEn: term.definitionEn,
    definitionDe: term.definitionDe,
    usageNote: term.usageNote,
    related: JSON.stringify(term.related),
    variants: JSON.stringify(term.variants),
    source: term.source,
    contentHash: createHash('sha256').update(JSON.stringify(term)).digest('hex'),
  };
}

/**
 * Makes the Term table equal to the glossary file: creates, updates (by lemma) and removes entries in
 * one transaction. Unchanged entries are not touched. The caller re-annotates for the changed lemmas.
 */
export async function importGlossary(db: Db, input: unknown): Promise<GlossaryImportResult> {
  const terms = GlossaryContentSchema.parse(input);
  return db.$transaction(async (tx) => {
    const existing = new Map(
      (await tx.term.findMany({ select: { id: true, lemma: true, contentHash: true } })).map((t) => [t.lemma, t]),
    );
    const result: GlossaryImportResult = { created: [], updated: [], removed: [], unchanged: 0 };
    for (const term of terms) {
      const fields = fieldsOf(term);
      const current = existing.get(term.lemma);
      existing.delete(term.lemma);
      if (current?.contentHash === fields.contentHash) {
        result.unchanged++;
        continue;
      }
      const domains = term.domains.map((domain) => ({ domain }));
      if (current) {
        await tx.termDomain.deleteMany({ where: { termId: current.id } });
        await tx.term.update({ where: { id: current.id }, data: { ...fields, domains: { create: domains } } });
        result.updated.push(term.lemma);
      } else {
        await tx.term.create({ data: { lemma: term.lemma, ...fields, domains: { create: domains } } });
        result.created.push(term.lemma);
      }
    }
    for (const stale of existing.values()) {
      await tx.term.delete({ where: { id: stale.id } });
      result.removed.push(stale.lemma);
    }
    return result;
  });
}
