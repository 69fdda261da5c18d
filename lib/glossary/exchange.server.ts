import 'server-only';
import { command } from '@/lib/action.server';
import { editor } from '@/lib/auth/guards.server';
import { breather, piecesOf, READ_BATCH } from '@/lib/batches.server';
import { type Db, db, type Tx } from '@/lib/db.server';
import { InvalidInputError } from '@/lib/errors';
import { runServiceTask } from '@/lib/task-service.server';
import { contentOf, TERM_ROW_SELECT, termColumns, type TermRow } from './entry';
import {
  type ChangedField,
  checkFile,
  errorKey,
  type ExchangeError,
  ExchangeTextSchema,
  type GlossaryImportPreview,
  type GlossaryImportSummary,
  type ImportAction,
  type ParsedEntry,
  type ParsedFile,
  placeNumber,
} from './exchange';
import { entriesRelatedTo, glossaryPaths, refreshAfterGlossaryChange } from './live.server';
import { recordRevision } from './revisions.server';
import type { TermContent } from './schema';
import { APPROVED } from './status';

// Export and import of the approved glossary (docs/decisions/034-glossary-exchange-tbx-csv.md). An
// import is previewed first (what each entry would do, every error) and then applied all or nothing
// in one transaction; the file is parsed in a worker thread, each time, never trusted from a preview.

const collator = new Intl.Collator('de', { sensitivity: 'base' });

/** Every approved entry, A–Z in German collation: what the exports hold. */
export async function approvedGlossary(database: Db | Tx = db): Promise<TermContent[]> {
  const rows = await database.term.findMany({ where: { status: APPROVED }, select: TERM_ROW_SELECT });
  return rows.map(contentOf).sort((a, b) => collator.compare(a.lemma, b.lemma) || (a.lemma < b.lemma ? -1 : 1));
}

type Existing = TermRow & { id: string };
type Planned = ParsedEntry & { action: ImportAction; changed: ChangedField[]; existing: Existing | null };
type Plan = { planned: Planned[]; errors: ExchangeError[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields an import would change of an entry as it is stored (its status: an import approves it). */
function changesOf(before: Existing, after: TermContent): ChangedField[] {
  const current = contentOf(before);
  const changed: ChangedField[] = [];
  const pairs: [ChangedField, unknown, unknown][] = [
    ['lemma', current.lemma, after.lemma],
    ['kind', current.kind, after.kind],
    ['gender', current.gender, after.gender],
    ['plural', current.plural, after.plural],
    ['genitive', current.genitive, after.genitive],
    ['separable', current.separable, after.separable],
    ['english_preferred', current.english.preferred, after.english.preferred],
    ['english_alternatives', current.english.alternatives, after.english.alternatives],
    ['definition_en', current.definitionEn, after.definitionEn],
    ['definition_de', current.definitionDe, after.definitionDe],
    ['usage_note', current.usageNote, after.usageNote],
    ['domains', current.domains, after.domains],
    ['related', current.related, after.related],
    ['variants', current.variants, after.variants],
    ['source', current.source, after.source],
    ['source_url', current.sourceUrl, after.sourceUrl],
    ['grammar_override', current.grammarOverride, after.grammarOverride],
    ['status', before.status, APPROVED],
  ];
  for (const [field, a, b] of pairs) if (!same(a, b)) changed.push(field);
  return changed;
}

/** What importing the parsed file would do to each entry, against the glossary as `database` has it now. */
async function plan(database: Db | Tx, parsed: ParsedFile): Promise<Plan> {
  const lemmas = parsed.entries.map((entry) => entry.content.lemma);
  const [approved, existing] = await Promise.all([
    database.term.findMany({ where: { status: APPROVED }, select: { lemma: true } }),
    Promise.all(
      piecesOf(lemmas, READ_BATCH).map((batch) =>
        database.term.findMany({ where: { lemma: { in: batch } }, select: { id: true, ...TERM_ROW_SELECT } }),
      ),
    ),
  ]);
  const byLemma = new Map(existing.flat().map((row) => [row.lemma, row]));
  const errors = [...parsed.errors, ...checkFile(parsed.entries, new Set(approved.map((row) => row.lemma)))];
  const planned = parsed.entries.map((entry): Planned => {
    const row = byLemma.get(entry.content.lemma) ?? null;
    if (!row) return { ...entry, action: 'create', changed: [], existing: null };
    const changed = changesOf(row, entry.content);
    return { ...entry, action: changed.length ? 'update' : 'unchanged', changed, existing: row };
  });
  errors.sort((a, b) => placeNumber(a.at) - placeNumber(b.at));
  return { planned, errors };
}

/** The preview of importing a parsed file into the glossary of `database`. Writes nothing. */
export async function previewGlossaryFile(
  database: Db,
  parsed: ParsedFile & Pick<GlossaryImportPreview, 'format'>,
): Promise<GlossaryImportPreview> {
  const { planned, errors } = await plan(database, parsed);
  return {
    format: parsed.format,
    entries: planned.map(({ at, content, action, changed }) => ({ at, lemma: content.lemma, action, changed })),
    errors,
  };
}

/**
 * Imports a parsed file into the glossary of `database`, all or nothing: a file with any error
 * (planned again inside the transaction, against the glossary as it is then) is refused whole and
 * nothing is written. New entries are created approved, changed ones updated and approved; each as
 * an edit made in the app, with its revision by `editorId`.
 */
export async function importGlossaryFile(
  database: Db,
  parsed: ParsedFile,
  editorId: string,
): Promise<GlossaryImportSummary> {
  if (parsed.errors.length) throw new InvalidInputError(errorKey('rejected'));
  return database.$transaction(
    async (tx) => {
      const { planned, errors } = await plan(tx, parsed);
      if (errors.length) throw new InvalidInputError(errorKey('rejected'));
      const summary: GlossaryImportSummary = { created: [], updated: [], unchanged: 0 };
      const breathe = breather();
      for (const { content, action, existing } of planned) {
        await breathe();
        if (action === 'unchanged') {
          summary.unchanged++;
          continue;
        }
        const data = { ...termColumns(content), status: APPROVED, rejectionReason: null, editedInApp: true };
        const domains = { create: content.domains.map((domain) => ({ domain })) };
        if (!existing) {
          const { id } = await tx.term.create({ data: { ...data, domains }, select: { id: true } });
          await recordRevision(tx, id, 'created', editorId);
          summary.created.push(content.lemma);
        } else {
          await tx.termDomain.deleteMany({ where: { termId: existing.id } });
          await tx.term.update({ where: { id: existing.id }, data: { ...data, domains } });
          await recordRevision(tx, existing.id, existing.status === APPROVED ? 'edited' : 'approved', editorId);
          summary.updated.push(content.lemma);
        }
      }
      return summary;
    },
    { maxWait: 15_000, timeout: 120_000 },
  );
}

/** What importing a TBX or CSV file would do, entry by entry, with every error. Writes nothing. Editors only. */
export const previewGlossaryImport = command({
  input: ExchangeTextSchema,
  invalid: errorKey('empty'),
  guard: editor(),
  run: async (_actor, text): Promise<GlossaryImportPreview> =>
    previewGlossaryFile(db, await runServiceTask('parseGlossaryFile', text)),
});

type AppliedImport = GlossaryImportSummary & { refreshed: { lemmas: string[]; slugs: string[] } };

/**
 * Imports a TBX or CSV file into the glossary, all or nothing (the server parses it again). Editors
 * only. Then the change is live: the articles that can contain an imported entry are annotated again,
 * and the cached pages showing them (and the entries that link to them) are dropped.
 */
export const applyGlossaryImport = command({
  input: ExchangeTextSchema,
  invalid: errorKey('empty'),
  guard: editor(),
  run: async ({ userId }, text): Promise<AppliedImport> => {
    const summary = await importGlossaryFile(db, await runServiceTask('parseGlossaryFile', text), userId);
    const lemmas = [...summary.created, ...summary.updated];
    const slugs = await refreshAfterGlossaryChange(lemmas);
    const linked = await entriesRelatedTo(db, lemmas);
    return { ...summary, refreshed: { lemmas: [...new Set([...lemmas, ...linked])], slugs } };
  },
  revalidates: ({ refreshed }) => glossaryPaths(refreshed.lemmas, refreshed.slugs),
});
