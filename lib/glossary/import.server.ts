import 'server-only';
import { createHash } from 'node:crypto';
import type { Db } from '@/lib/db.server';
import { termColumns } from './entry';
import { recordRevision } from './revisions.server';
import { GlossaryContentSchema } from './schema';

/**
 * What seeding the content file did. `conflicts`: entries whose file version changed while an editor
 * had changed them in the app; the app's version was kept (docs/decisions/030-living-glossary.md).
 */
export type GlossaryImportResult = {
  created: string[];
  updated: string[];
  retired: string[];
  conflicts: string[];
  unchanged: number;
};

/**
 * Brings the Term table in line with the content file, in one transaction: the file is the source of
 * every entry nobody has edited in the app. New file entries are created approved, changed ones
 * updated, entries that left the file retired (never deleted: learners' vocabulary links to them). An
 * entry an editor changed in the app is never overwritten: a differing file version is reported as a
 * conflict. Entries made in the app are not the file's and are left alone. Each change is a revision.
 * The caller re-annotates for the changed lemmas.
 */
export async function importGlossary(db: Db, input: unknown): Promise<GlossaryImportResult> {
  const terms = GlossaryContentSchema.parse(input);
  return db.$transaction(
    async (tx) => {
      const existing = new Map(
        (
          await tx.term.findMany({
            select: { id: true, lemma: true, contentHash: true, editedInApp: true, status: true },
          })
        ).map((t) => [t.lemma, t]),
      );
      const result: GlossaryImportResult = { created: [], updated: [], retired: [], conflicts: [], unchanged: 0 };
      for (const term of terms) {
        const contentHash = createHash('sha256').update(JSON.stringify(term)).digest('hex');
        const current = existing.get(term.lemma);
        existing.delete(term.lemma);
        if (current?.editedInApp) {
          if (current.contentHash !== contentHash) result.conflicts.push(term.lemma);
          else result.unchanged++;
          continue;
        }
        if (current?.contentHash === contentHash && current.status === 'approved') {
          result.unchanged++;
          continue;
        }
        const data = { ...termColumns(term), status: 'approved', rejectionReason: null, contentHash };
        const domains = term.domains.map((domain) => ({ domain }));
        let id: string;
        if (current) {
          await tx.termDomain.deleteMany({ where: { termId: current.id } });
          id = (await tx.term.update({ where: { id: current.id }, data: { ...data, domains: { create: domains } } }))
            .id;
          result.updated.push(term.lemma);
        } else {
          id = (await tx.term.create({ data: { ...data, domains: { create: domains } } })).id;
          result.created.push(term.lemma);
        }
        await recordRevision(tx, id, 'seeded', null);
      }
      for (const stale of existing.values()) {
        // Made in the app, edited there, or already retired: not the file's to change.
        if (!stale.contentHash || stale.editedInApp || stale.status === 'retired') continue;
        await tx.term.update({ where: { id: stale.id }, data: { status: 'retired' } });
        await recordRevision(tx, stale.id, 'retired', null);
        result.retired.push(stale.lemma);
      }
      return result;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
