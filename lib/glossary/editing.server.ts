import 'server-only';
import { command } from '@/lib/action.server';
import { admin, editor } from '@/lib/auth/guards.server';
import { db, type Tx } from '@/lib/db.server';
import { runServiceTask } from '@/lib/task-service.server';
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { type TermSnapshot, termColumns } from './entry';
import { type GrammarFacts, grammarVerdict } from './grammar-check';
import { articlesShowing, entriesRelatedTo, glossaryPaths, refreshAfterGlossaryChange } from './live.server';
import { previewOf } from './preview.server';
import { recordRevision } from './revisions.server';
import {
  CreateTermSchema,
  DictionaryGrammarSchema,
  EDITOR_GRAMMAR,
  EDITOR_GRAMMAR_UNKNOWN,
  EDITOR_INVALID,
  EDITOR_NO_MATCHES,
  EDITOR_STALE,
  EditorGrantSchema,
  PreviewTermSchema,
  RejectTermSchema,
  RestoreRevisionSchema,
  RetireTermSchema,
  type RevisionAction,
  type TermContent,
  type TermStatus,
  UpdateTermSchema,
} from './schema';
import { WITH_PAGE } from './status';
import type { GlossaryChange, SavedTerm } from './types';

// The glossary editor's commands (docs/decisions/032-glossary-editor-and-live-refresh.md): create,
// edit, approve (with the fields as checked), reject with a reason, retire, restore a revision; and the
// admins' grant and revoke of the editor capability. Every change of an entry runs in one transaction
// that writes its row (editedInApp), its domains and its revision; an edit made on an older version of
// the entry than the stored one is refused as stale. Afterwards the articles that can contain a changed
// wording are annotated again and every cached page showing the entry is dropped (./live.server.ts).

const FORBIDDEN = 'glossaryEditor:errors.forbidden';
const NOT_FOUND = 'glossaryEditor:errors.notFound';
const LEMMA_TAKEN = 'glossaryEditor:errors.lemmaTaken';
const RELATED_UNKNOWN = 'glossaryEditor:errors.relatedUnknown';
const WRONG_STATUS = 'glossaryEditor:errors.status';
const NOT_TEACHER = 'glossaryEditor:errors.notTeacher';

const revalidates = (saved: SavedTerm) => glossaryPaths(saved.change.lemmas, saved.change.slugs);

const invalidField = (field: keyof TermContent, key: string) =>
  new InvalidInputError(key, { fieldErrors: { [field]: key } });

/** The entry content of a command's input (without the command's own fields). */
function contentIn(input: TermContent & Record<string, unknown>): TermContent {
  return {
    lemma: input.lemma,
    kind: input.kind,
    gender: input.gender,
    plural: input.plural,
    genitive: input.genitive,
    separable: input.separable,
    english: input.english,
    definitionEn: input.definitionEn,
    definitionDe: input.definitionDe,
    usageNote: input.usageNote,
    domains: input.domains,
    related: input.related,
    variants: input.variants,
    source: input.source,
    sourceUrl: input.sourceUrl,
    grammarOverride: input.grammarOverride,
  };
}

/**
 * Checks made before the transaction: grammar that disagrees with the lemma table needs a reason
 * (grammarOverride); a wording that matches no published sentence needs `confirmNoMatches`.
 */
async function checkBeforeSaving(
  content: TermContent,
  options: { wordingChanged: boolean; confirmNoMatches: boolean },
) {
  // As `npm run glossary:check` counts them: a noun or verb agrees with the lemma table or carries a
  // reason; one the table cannot place (no facts) needs a reason too.
  const { status, disagreements } = grammarVerdict(
    content,
    await runServiceTask('grammarFacts', { lemma: content.lemma, kind: content.kind }),
  );
  if (status === 'disagrees')
    throw new InvalidInputError(EDITOR_GRAMMAR, {
      fieldErrors: Object.fromEntries(disagreements.map((d) => [d.field, EDITOR_GRAMMAR])),
    });
  if (status === 'unknown') throw invalidField('grammarOverride', EDITOR_GRAMMAR_UNKNOWN);
  if (options.wordingChanged && !options.confirmNoMatches) {
    const preview = await previewOf({ lemma: content.lemma, variants: content.variants });
    if (preview.occurrences === 0) throw new ConflictError(EDITOR_NO_MATCHES);
  }
}

/** Checks made in the transaction: the lemma is no other entry's; related entries exist (with a page). */
async function checkInTransaction(tx: Tx, content: TermContent, termId: string | null) {
  const other = await tx.term.findUnique({ where: { lemma: content.lemma }, select: { id: true } });
  if (other && other.id !== termId) throw invalidField('lemma', LEMMA_TAKEN);
  const related = new Set(content.related);
  const found = await tx.term.count({ where: { lemma: { in: [...related] }, status: { in: WITH_PAGE } } });
  if (related.has(content.lemma) || found !== related.size) throw invalidField('related', RELATED_UNKNOWN);
}

/** Writes the entry's columns, status and domains (a change made in the app). */
async function writeEntry(
  tx: Tx,
  termId: string,
  content: TermContent,
  status: { status: TermStatus; rejectionReason: string | null },
) {
  await tx.term.update({ where: { id: termId }, data: { ...termColumns(content), ...status, editedInApp: true } });
  await tx.termDomain.deleteMany({ where: { termId } });
  await tx.termDomain.createMany({ data: content.domains.map((domain) => ({ termId, domain })) });
}

/**
 * A renamed entry: the entries whose related entries named the old lemma name the new one (each a
 * revision of its own, by the same editor). Returns their lemmas.
 */
async function followRename(tx: Tx, from: string, to: string, authorId: string): Promise<string[]> {
  const rows = await tx.term.findMany({
    where: { related: { contains: JSON.stringify(from) } },
    select: { id: true, lemma: true, related: true },
  });
  const renamed: string[] = [];
  for (const row of rows) {
    const related = JSON.parse(row.related) as string[];
    if (!related.includes(from)) continue;
    await tx.term.update({
      where: { id: row.id },
      data: { related: JSON.stringify(related.map((lemma) => (lemma === from ? to : lemma))), editedInApp: true },
    });
    await recordRevision(tx, row.id, 'edited', authorId);
    renamed.push(row.lemma);
  }
  return renamed;
}

type Stored = { id: string; lemma: string; variants: string; status: TermStatus; version: number };

/** The entry `id` as of the edit's `version`: missing → not found; changed since → stale. */
async function lockedEntry(tx: Tx, id: string, version: number): Promise<Stored> {
  // Taking the row first (a write) makes edits of one entry run one after another on PostgreSQL too.
  const taken = await tx.term.updateMany({ where: { id }, data: { updatedAt: new Date() } });
  if (taken.count === 0) throw new NotFoundError(NOT_FOUND);
  const stored = await tx.term.findUniqueOrThrow({
    where: { id },
    select: { id: true, lemma: true, variants: true, status: true, version: true },
  });
  if (stored.version !== version) throw new ConflictError(EDITOR_STALE);
  return { ...stored, status: stored.status as TermStatus };
}

/**
 * Makes the change public: when the entry is or was highlighted and its wordings or status changed,
 * the articles that can contain it are annotated again; when only its other fields changed, the
 * articles showing it are found. Entries without a page (proposals, rejected ones) change nothing public.
 */
async function publish(
  before: { lemma: string; status: TermStatus } | null,
  after: { lemma: string; status: TermStatus },
  options: { wordingChanged: boolean; linked: string[] },
): Promise<GlossaryChange> {
  const lemmas = [...new Set([before?.lemma ?? after.lemma, after.lemma])];
  const highlighted = before?.status === 'approved' || after.status === 'approved';
  const hasPage = WITH_PAGE.includes(after.status) || (before !== null && WITH_PAGE.includes(before.status));
  if (!hasPage) return { lemmas: [], slugs: [] };
  const slugs =
    highlighted && (options.wordingChanged || before?.status !== after.status)
      ? await refreshAfterGlossaryChange(lemmas)
      : await articlesShowing(db, lemmas);
  const linked = await entriesRelatedTo(db, lemmas);
  return { lemmas: [...new Set([...lemmas, ...linked, ...options.linked])], slugs };
}

/** Saves new content for an existing entry as the revision `action`, moving it to `status`. */
async function saveEntry(
  userId: string,
  input: TermContent & { id: string; version: number; confirmNoMatches: boolean },
  action: RevisionAction,
  allowed: (status: TermStatus) => boolean,
  status: TermStatus | ((current: TermStatus) => TermStatus),
): Promise<SavedTerm> {
  const content = contentIn(input);
  const current = await db.term.findUnique({ where: { id: input.id }, select: { lemma: true, variants: true } });
  if (!current) throw new NotFoundError(NOT_FOUND);
  const wordingChanged =
    action === 'approved' || current.lemma !== content.lemma || current.variants !== JSON.stringify(content.variants);
  await checkBeforeSaving(content, { wordingChanged, confirmNoMatches: input.confirmNoMatches });
  const { before, version, linked } = await db.$transaction(async (tx) => {
    const stored = await lockedEntry(tx, input.id, input.version);
    if (!allowed(stored.status)) throw new ConflictError(WRONG_STATUS);
    await checkInTransaction(tx, content, stored.id);
    const next = typeof status === 'function' ? status(stored.status) : status;
    await writeEntry(tx, stored.id, content, { status: next, rejectionReason: null });
    const linked = stored.lemma !== content.lemma ? await followRename(tx, stored.lemma, content.lemma, userId) : [];
    return { before: stored, version: await recordRevision(tx, stored.id, action, userId), linked };
  });
  const after = { lemma: content.lemma, status: typeof status === 'function' ? status(before.status) : status };
  const change = await publish(before, after, {
    wordingChanged: before.lemma !== content.lemma || before.variants !== JSON.stringify(content.variants),
    linked,
  });
  return { id: input.id, ...after, version, change };
}

/** A new entry, approved at once (an editor's own entry needs no second look). */
export const createTerm = command({
  input: CreateTermSchema,
  invalid: EDITOR_INVALID,
  guard: editor(FORBIDDEN),
  revalidates,
  run: async ({ userId }, input): Promise<SavedTerm> => {
    const content = contentIn(input);
    await checkBeforeSaving(content, { wordingChanged: true, confirmNoMatches: input.confirmNoMatches });
    const { id, version } = await db.$transaction(async (tx) => {
      await checkInTransaction(tx, content, null);
      const { id } = await tx.term.create({ data: { lemma: content.lemma }, select: { id: true } });
      await writeEntry(tx, id, content, { status: 'approved', rejectionReason: null });
      return { id, version: await recordRevision(tx, id, 'created', userId) };
    });
    const change = await publish(
      null,
      { lemma: content.lemma, status: 'approved' },
      { wordingChanged: true, linked: [] },
    );
    return { id, lemma: content.lemma, version, status: 'approved', change };
  },
});

/** Changes an entry in any state; it stays in that state. */
export const updateTerm = command({
  input: UpdateTermSchema,
  invalid: EDITOR_INVALID,
  guard: editor(FORBIDDEN),
  revalidates,
  run: ({ userId }, input) =>
    saveEntry(
      userId,
      input,
      'edited',
      () => true,
      (current) => current,
    ),
});

/**
 * Approves a proposal (or brings back a rejected or retired entry) in one step, with the fields as the
 * editor checked and edited them in the form.
 */
export const approveTerm = command({
  input: UpdateTermSchema,
  invalid: EDITOR_INVALID,
  guard: editor(FORBIDDEN),
  revalidates,
  run: ({ userId }, input) => saveEntry(userId, input, 'approved', (status) => status !== 'approved', 'approved'),
});

/** Changes only where an entry stands, as the revision `action`. */
async function changeStatus(
  userId: string,
  { id, version }: { id: string; version: number },
  action: RevisionAction,
  from: TermStatus,
  to: { status: TermStatus; rejectionReason: string | null },
): Promise<SavedTerm> {
  const { stored, next } = await db.$transaction(async (tx) => {
    const stored = await lockedEntry(tx, id, version);
    if (stored.status !== from) throw new ConflictError(WRONG_STATUS);
    await tx.term.update({ where: { id }, data: { ...to, editedInApp: true } });
    return { stored, next: await recordRevision(tx, id, action, userId) };
  });
  const change = await publish(
    stored,
    { lemma: stored.lemma, status: to.status },
    { wordingChanged: false, linked: [] },
  );
  return { id, lemma: stored.lemma, version: next, status: to.status, change };
}

/** Rejects a proposal; the reason is kept (shown to editors, and to whoever proposes the lemma again). */
export const rejectTerm = command({
  input: RejectTermSchema,
  invalid: EDITOR_INVALID,
  guard: editor(FORBIDDEN),
  revalidates,
  run: ({ userId }, { id, version, reason }) =>
    changeStatus(userId, { id, version }, 'rejected', 'proposed', { status: 'rejected', rejectionReason: reason }),
});

/**
 * Retires an approved entry: no longer highlighted, listed or searched; its page stays (saying so), and
 * so do learners' vocabulary and assignments' focus terms that name it.
 */
export const retireTerm = command({
  input: RetireTermSchema,
  invalid: EDITOR_INVALID,
  guard: editor(FORBIDDEN),
  revalidates,
  run: ({ userId }, input) =>
    changeStatus(userId, input, 'retired', 'approved', { status: 'retired', rejectionReason: null }),
});

/**
 * Writes the content of an earlier revision as the entry's next revision ('restored'); where the entry
 * stands does not change (approving, rejecting and retiring are their own steps). The restored content
 * is checked as any edit is: its lemma must be free, its related entries must exist, and grammar that
 * disagrees with the lemma table carries the reason it was saved with.
 */
export const restoreRevision = command({
  input: RestoreRevisionSchema,
  invalid: EDITOR_INVALID,
  guard: editor(FORBIDDEN),
  revalidates,
  run: async ({ userId }, { id, version, revision }) => {
    const stored = await db.termRevision.findUnique({
      where: { termId_version: { termId: id, version: revision } },
      select: { snapshot: true },
    });
    if (!stored) throw new NotFoundError(NOT_FOUND);
    const { status: _status, rejectionReason: _reason, ...content } = JSON.parse(stored.snapshot) as TermSnapshot;
    return saveEntry(
      userId,
      { ...content, id, version, confirmNoMatches: true },
      'restored',
      () => true,
      (current) => current,
    );
  },
});

/** What the entry as typed would match in the published articles (every form, compound and moved verb part). */
export const previewTerm = command({
  input: PreviewTermSchema,
  invalid: EDITOR_INVALID,
  guard: editor(FORBIDDEN),
  run: (_actor, entry) => previewOf(entry),
});

/** The lemma table's grammar for a lemma (the editor's "Fill from dictionary"), null when it has none. */
export const lookUpGrammar = command({
  input: DictionaryGrammarSchema,
  invalid: EDITOR_INVALID,
  guard: editor(FORBIDDEN),
  run: (_actor, { lemma, kind }): Promise<GrammarFacts | null> => runServiceTask('grammarFacts', { lemma, kind }),
});

/** Sets a teacher's editor capability (admins are editors anyway, learners cannot be made editors). */
async function setEditor(userId: string, glossaryEditor: boolean) {
  const { count } = await db.user.updateMany({ where: { id: userId, role: 'teacher' }, data: { glossaryEditor } });
  if (count !== 1) throw new NotFoundError(NOT_TEACHER);
  return { userId, glossaryEditor };
}

/** An admin makes a teacher a glossary editor. */
export const grantEditor = command({
  input: EditorGrantSchema,
  invalid: EDITOR_INVALID,
  guard: admin(FORBIDDEN),
  run: (_actor, { userId }) => setEditor(userId, true),
});

/** An admin ends a teacher's glossary editing (their earlier revisions keep their name). */
export const revokeEditor = command({
  input: EditorGrantSchema,
  invalid: EDITOR_INVALID,
  guard: admin(FORBIDDEN),
  run: (_actor, { userId }) => setEditor(userId, false),
});
