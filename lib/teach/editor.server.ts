import 'server-only';
import { command } from '@/lib/action.server';
import { db, type Tx } from '@/lib/db.server';
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { editable, NOT_FOUND, requireScope } from './policy.server';
import { loadDraft } from './queries.server';
import { articlePaths } from './revalidate';
import {
  authorNames,
  DeleteGroupSchema,
  INVALID,
  JoinGroupsSchema,
  JoinParagraphsSchema,
  SplitGroupSchema,
  SplitParagraphSchema,
  STALE_EDIT,
  UpdateGroupSchema,
  UpdateHeadingSchema,
  UpdateNoteSchema,
  UpdateSourceSchema,
  UpdateTitleSchema,
} from './schema';
import { sentencesOf } from './segment';
import type { DraftArticle } from './types';

// The translation editor's commands. Each edits an article the acting user may edit (the `editable`
// guard; every query is scoped again: someone else's article behaves exactly like a missing one),
// runs in one transaction that a refusal rolls back, renumbers positions without ever breaking the
// unique constraints ([paragraphId, position], [articleId, position]) and answers the updated draft.
//
// Two tabs or windows may edit one article at once. Each edit says which article version it was made
// on (DraftArticle.version); the edits of one article run one after another (`edit` takes the
// article's row first), and one that would overwrite or rearrange what it has not seen is refused as
// stale (a ConflictError): the editor then shows the newer text.

/** A machine draft stays marked while a save leaves its English as it was: a person changed nothing. */
const stillMachine = (marked: boolean, before: string | null, after: string) =>
  marked && after === before && after !== '';
/** Positions are parked above this while rows are renumbered. */
const PARKING = 1_000_000;

// ── positions ───────────────────────────────────────────────────────────────────────────────────

/** Gives the rows `ids` the positions 0…n-1 in that order, in two phases so no two rows ever share one. */
async function renumber(
  ids: readonly string[],
  current: ReadonlyMap<string, number>,
  update: (id: string, position: number) => Promise<unknown>,
) {
  const moving = ids.flatMap((id, index) => (current.get(id) === index ? [] : [[id, index] as const]));
  for (const [id, index] of moving) await update(id, PARKING + index);
  for (const [id, index] of moving) await update(id, index);
}

async function renumberSentences(tx: Tx, paragraphId: string, orderedIds: readonly string[]) {
  const rows = await tx.sentence.findMany({ where: { paragraphId }, select: { id: true, position: true } });
  await renumber(orderedIds, new Map(rows.map((r) => [r.id, r.position])), (id, position) =>
    tx.sentence.update({ where: { id }, data: { position } }),
  );
}

async function renumberParagraphs(tx: Tx, articleId: string, orderedIds: readonly string[]) {
  const rows = await tx.paragraph.findMany({ where: { articleId }, select: { id: true, position: true } });
  await renumber(orderedIds, new Map(rows.map((r) => [r.id, r.position])), (id, position) =>
    tx.paragraph.update({ where: { id }, data: { position } }),
  );
}

// ── edits ───────────────────────────────────────────────────────────────────────────────────────

type EditContext = {
  tx: Tx;
  article: { id: string; status: string };
  /** The article version this edit makes; a group whose text it changes is stamped with it. */
  version: number;
  /** The article version the edit was made on, older than the article's when it changed since. */
  seen: number;
};

/**
 * What an edit made on an older version than the article's must not have missed. Structure, titles
 * and headings depend on the whole article: any change since refuses them. The text of a sentence
 * group only depends on that group (updateGroup checks it), so two tabs may type in different groups.
 */
type Depends = 'on the article' | 'on its group';

/**
 * What an edit changed that `edit` must follow up: groups whose German changed (their annotation is
 * dropped), and whether the article's annotation stays valid (a note touches no annotated text).
 */
type Outcome = { germanChanged?: readonly string[]; annotationKept?: true };

/**
 * Runs one edit of the article `slug` that its client made on article version `seen`, in a transaction
 * on an article the user may edit, and answers the updated draft as of this edit; a refusal thrown by
 * `change` rolls the whole edit back. The article's row is taken first, so the edits of one article
 * run one after another, each on what the one before wrote (PostgreSQL holds the row lock to the end;
 * SQLite runs one write transaction at a time). A changed published article keeps its status but
 * loses its annotation version (unless the change touched no annotated text): publishing again
 * re-annotates it. A changed seeded article is the app's from then on: re-seeding no longer replaces
 * it (editedInApp, docs/decisions/042-editors-notes-and-seeded-articles.md).
 */
async function edit(
  userId: string,
  { slug, version: seen }: { slug: string; version: number },
  change: (context: EditContext) => Promise<Outcome | void>,
  depends: Depends = 'on the article',
): Promise<DraftArticle> {
  const scope = await requireScope(userId);
  return db.$transaction(
    async (tx) => {
      const locked = await tx.article.updateMany({ where: { slug, ...scope }, data: { version: { increment: 1 } } });
      const article = locked.count
        ? await tx.article.findFirst({
            where: { slug, ...scope },
            select: { id: true, status: true, version: true, sourceFormat: true },
          })
        : null;
      if (!article) throw new NotFoundError(NOT_FOUND);
      const before = article.version - 1;
      // Stale: the article changed since `seen` and the edit depends on all of it; or `seen` is a
      // version the article never had, which is no basis for any edit.
      if (seen > before || (seen < before && depends === 'on the article')) throw new ConflictError(STALE_EDIT);
      const outcome = await change({ tx, article, version: article.version, seen });
      const germanChanged = outcome?.germanChanged ?? [];
      if (germanChanged.length) {
        // Stored tokens and occurrences point into the old German text: drop them until re-annotation.
        await tx.termOccurrence.deleteMany({ where: { sentenceId: { in: [...germanChanged] } } });
        await tx.sentence.updateMany({ where: { id: { in: [...germanChanged] } }, data: { tokens: '[]' } });
      }
      await tx.article.update({
        where: { id: article.id },
        data: {
          updatedAt: new Date(),
          ...(article.status === 'published' && !outcome?.annotationKept ? { engineVersion: null } : {}),
          ...(article.sourceFormat === 'seed' ? { editedInApp: true } : {}),
        },
      });
      const draft = await loadDraft(scope, slug, tx);
      if (!draft) throw new NotFoundError(NOT_FOUND);
      return draft;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/**
 * A sentence group of the article, with its paragraph's groups in order. A group that is not there
 * after the article changed since the edit's version was joined away meanwhile: the edit is stale.
 */
async function groupOf({ tx, article, version, seen }: EditContext, groupId: string) {
  const group = await tx.sentence.findFirst({
    where: { id: groupId, paragraph: { articleId: article.id } },
    select: {
      id: true,
      position: true,
      textDe: true,
      textEn: true,
      machineTranslated: true,
      version: true,
      paragraphId: true,
    },
  });
  const changedSince = seen < version - 1;
  if (!group) throw changedSince ? new ConflictError(STALE_EDIT) : new NotFoundError(NOT_FOUND);
  const siblings = await tx.sentence.findMany({
    where: { paragraphId: group.paragraphId },
    orderBy: { position: 'asc' },
    select: { id: true, position: true, textDe: true, textEn: true, machineTranslated: true },
  });
  return { group, siblings };
}

async function paragraphsInOrder(tx: Tx, articleId: string) {
  return tx.paragraph.findMany({
    where: { articleId },
    orderBy: { position: 'asc' },
    select: { id: true, position: true, sectionId: true },
  });
}

/** Changes a group's German and/or English; a person's English is no longer machine text. */
export const updateGroup = command({
  input: UpdateGroupSchema,
  invalid: INVALID,
  guard: editable,
  run: ({ userId }, { groupId, textDe, textEn, ...basis }) =>
    edit(
      userId,
      basis,
      async (context) => {
        const { group } = await groupOf(context, groupId);
        // Another tab saved this group after the version this text was typed on: keep theirs.
        if (group.version > context.seen) throw new ConflictError(STALE_EDIT);
        const de = textDe === undefined ? group.textDe : textDe.trim();
        const en = textEn === undefined ? group.textEn : textEn.trim();
        await context.tx.sentence.update({
          where: { id: group.id },
          data: {
            textDe: de,
            textEn: en,
            machineTranslated: stillMachine(group.machineTranslated, group.textEn, en),
            version: context.version,
          },
        });
        return { germanChanged: de === group.textDe ? [] : [group.id] };
      },
      'on its group',
    ),
});

/**
 * Sets, changes or clears (an empty note) a group's editor's note. It touches no annotated text, so a
 * published article keeps its annotation and its reader pages show the note at once.
 */
export const updateNote = command({
  input: UpdateNoteSchema,
  invalid: INVALID,
  guard: editable,
  run: ({ userId }, { groupId, note, ...basis }) =>
    edit(
      userId,
      basis,
      async (context) => {
        const { group } = await groupOf(context, groupId);
        // Another tab saved this group after the version this note was typed on: keep theirs.
        if (group.version > context.seen) throw new ConflictError(STALE_EDIT);
        await context.tx.sentence.update({
          where: { id: group.id },
          data: { note: note || null, version: context.version },
        });
        return { annotationKept: true };
      },
      'on its group',
    ),
  revalidates: (draft) => (draft.status === 'published' ? articlePaths(draft.slug) : []),
});

/** Where to cut the English of a group being split: its sentence boundary nearest to the German cut. */
function splitEnglish(textEn: string, ratio: number): [string, string] {
  const sentences = sentencesOf(textEn);
  if (sentences.length < 2) return [textEn.trim(), ''];
  let best = 1;
  let bestDistance = Number.POSITIVE_INFINITY;
  const total = sentences.join(' ').length;
  let offset = 0;
  for (let i = 1; i < sentences.length; i++) {
    offset += sentences[i - 1]!.length + 1;
    const distance = Math.abs(offset / total - ratio);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  }
  return [sentences.slice(0, best).join(' '), sentences.slice(best).join(' ')];
}

/** Splits a group's German at a character offset into two groups (1–2 alignment fixes, wrong sentence splits). */
export const splitGroup = command({
  input: SplitGroupSchema,
  invalid: INVALID,
  guard: editable,
  run: ({ userId }, { groupId, at, textEn, ...basis }) =>
    edit(userId, basis, async (context) => {
      const { tx, version } = context;
      const { group, siblings } = await groupOf(context, groupId);
      const first = group.textDe.slice(0, at).trim();
      const second = group.textDe.slice(at).trim();
      if (at >= group.textDe.length || !first || !second) throw new InvalidInputError('teach:errors.invalidSplit');
      const [firstEn, secondEn] = textEn
        ? [textEn[0].trim(), textEn[1].trim()]
        : splitEnglish(group.textEn, at / group.textDe.length);
      await tx.sentence.update({
        where: { id: group.id },
        data: {
          textDe: first,
          textEn: firstEn,
          machineTranslated: group.machineTranslated && firstEn !== '',
          version,
        },
      });
      const created = await tx.sentence.create({
        data: {
          paragraphId: group.paragraphId,
          position: PARKING * 2,
          textDe: second,
          textEn: secondEn,
          machineTranslated: group.machineTranslated && secondEn !== '',
          version,
        },
        select: { id: true },
      });
      const order = siblings.flatMap((s) => (s.id === group.id ? [s.id, created.id] : [s.id]));
      await renumberSentences(tx, group.paragraphId, order);
      return { germanChanged: [group.id] };
    }),
});

/** Joins a group with the next one in its paragraph (2–1 alignment). */
export const joinGroups = command({
  input: JoinGroupsSchema,
  invalid: INVALID,
  guard: editable,
  run: ({ userId }, { groupId, ...basis }) =>
    edit(userId, basis, async (context) => {
      const { tx, version } = context;
      const { group, siblings } = await groupOf(context, groupId);
      const index = siblings.findIndex((s) => s.id === group.id);
      const next = siblings[index + 1];
      if (!next) throw new ConflictError('teach:errors.noNextGroup');
      const textEn = [group.textEn.trim(), next.textEn.trim()].filter(Boolean).join(' ');
      // Machine text stays marked only if no person's English went into the joined group.
      const machine =
        (group.machineTranslated || !group.textEn.trim()) &&
        (next.machineTranslated || !next.textEn.trim()) &&
        textEn !== '';
      await tx.sentence.delete({ where: { id: next.id } });
      await tx.sentence.update({
        where: { id: group.id },
        data: { textDe: `${group.textDe.trim()} ${next.textDe.trim()}`, textEn, machineTranslated: machine, version },
      });
      await renumberSentences(
        tx,
        group.paragraphId,
        siblings.filter((s) => s.id !== next.id).map((s) => s.id),
      );
      return { germanChanged: [group.id] };
    }),
});

/**
 * Deletes a sentence group (text the importer should have dropped). A paragraph left empty goes too,
 * and a section left without paragraphs; the last group of an article stays (an article has text).
 */
export const deleteGroup = command({
  input: DeleteGroupSchema,
  invalid: INVALID,
  guard: editable,
  run: ({ userId }, { groupId, ...basis }) =>
    edit(userId, basis, async (context) => {
      const { tx, article } = context;
      const { group, siblings } = await groupOf(context, groupId);
      if ((await tx.sentence.count({ where: { paragraph: { articleId: article.id } } })) <= 1)
        throw new ConflictError('teach:errors.lastGroup');
      await tx.termOccurrence.deleteMany({ where: { sentenceId: group.id } });
      await tx.sentence.delete({ where: { id: group.id } });
      if (siblings.length > 1) {
        await renumberSentences(
          tx,
          group.paragraphId,
          siblings.filter((s) => s.id !== group.id).map((s) => s.id),
        );
        return;
      }
      const paragraph = await tx.paragraph.delete({ where: { id: group.paragraphId }, select: { sectionId: true } });
      await renumberParagraphs(
        tx,
        article.id,
        (await paragraphsInOrder(tx, article.id)).map((p) => p.id),
      );
      if ((await tx.paragraph.count({ where: { sectionId: paragraph.sectionId } })) > 0) return;
      await tx.section.delete({ where: { id: paragraph.sectionId } });
      const sections = await tx.section.findMany({
        where: { articleId: article.id },
        orderBy: { position: 'asc' },
        select: { id: true, position: true },
      });
      await renumber(
        sections.map((s) => s.id),
        new Map(sections.map((s) => [s.id, s.position])),
        (id, position) => tx.section.update({ where: { id }, data: { position } }),
      );
    }),
});

/** Starts a new paragraph at a group (the groups from it on move to a new paragraph right after). */
export const splitParagraph = command({
  input: SplitParagraphSchema,
  invalid: INVALID,
  guard: editable,
  run: ({ userId }, { groupId, ...basis }) =>
    edit(userId, basis, async (context) => {
      const { tx, article } = context;
      const { group, siblings } = await groupOf(context, groupId);
      const index = siblings.findIndex((s) => s.id === group.id);
      if (index <= 0) throw new InvalidInputError('teach:errors.invalidSplit');
      const paragraphs = await paragraphsInOrder(tx, article.id);
      const paragraph = paragraphs.find((p) => p.id === group.paragraphId)!;
      const created = await tx.paragraph.create({
        data: { articleId: article.id, sectionId: paragraph.sectionId, position: PARKING * 2 },
        select: { id: true },
      });
      // The new paragraph is empty, so the moved groups take 0…k-1 there without conflict.
      for (const [offset, sentence] of siblings.slice(index).entries()) {
        await tx.sentence.update({ where: { id: sentence.id }, data: { paragraphId: created.id, position: offset } });
      }
      await renumberParagraphs(
        tx,
        article.id,
        paragraphs.flatMap((p) => (p.id === paragraph.id ? [p.id, created.id] : [p.id])),
      );
    }),
});

/** Merges a paragraph with the next one in the same section. */
export const joinParagraphs = command({
  input: JoinParagraphsSchema,
  invalid: INVALID,
  guard: editable,
  run: ({ userId }, { paragraphId, ...basis }) =>
    edit(userId, basis, async ({ tx, article }) => {
      const paragraphs = await paragraphsInOrder(tx, article.id);
      const index = paragraphs.findIndex((p) => p.id === paragraphId);
      if (index < 0) throw new NotFoundError(NOT_FOUND);
      const paragraph = paragraphs[index]!;
      const next = paragraphs[index + 1];
      if (!next || next.sectionId !== paragraph.sectionId) throw new ConflictError('teach:errors.noNextParagraph');
      const count = await tx.sentence.count({ where: { paragraphId: paragraph.id } });
      const moving = await tx.sentence.findMany({
        where: { paragraphId: next.id },
        orderBy: { position: 'asc' },
        select: { id: true },
      });
      // The paragraph holds 0…count-1, so the appended groups take count… without conflict.
      for (const [offset, sentence] of moving.entries()) {
        await tx.sentence.update({
          where: { id: sentence.id },
          data: { paragraphId: paragraph.id, position: count + offset },
        });
      }
      await tx.paragraph.delete({ where: { id: next.id } });
      await renumberParagraphs(
        tx,
        article.id,
        paragraphs.filter((p) => p.id !== next.id).map((p) => p.id),
      );
    }),
});

/** The German and English title. */
export const updateTitle = command({
  input: UpdateTitleSchema,
  invalid: INVALID,
  guard: editable,
  run: ({ userId }, { titleDe, titleEn, ...basis }) =>
    edit(userId, basis, async ({ tx, article }) => {
      const { titleEn: before, titleMachineTranslated } = await tx.article.findUniqueOrThrow({
        where: { id: article.id },
        select: { titleEn: true, titleMachineTranslated: true },
      });
      await tx.article.update({
        where: { id: article.id },
        data: { titleDe, titleEn, titleMachineTranslated: stillMachine(titleMachineTranslated, before, titleEn) },
      });
    }),
});

/** The English of one of the article's section headings; a section of another article is a missing one. */
export const updateHeading = command({
  input: UpdateHeadingSchema,
  invalid: INVALID,
  guard: editable,
  run: ({ userId }, { sectionId, headingEn, ...basis }) =>
    edit(userId, basis, async ({ tx, article }) => {
      const section = await tx.section.findFirst({
        where: { id: sectionId, articleId: article.id, headingDe: { not: null } },
        select: { headingEn: true, headingMachineTranslated: true },
      });
      if (!section) throw new NotFoundError(NOT_FOUND);
      await tx.section.update({
        where: { id: sectionId },
        data: {
          headingEn,
          headingMachineTranslated: stillMachine(section.headingMachineTranslated, section.headingEn, headingEn),
        },
      });
    }),
});

/** Where the article comes from: outlet, authors, the original's address and date (shown in the reader). */
export const updateSource = command({
  input: UpdateSourceSchema,
  invalid: INVALID,
  guard: editable,
  run: ({ userId }, { outlet, authors, sourceUrl, publishedAt, ...basis }) =>
    edit(userId, basis, async ({ tx, article }) => {
      await tx.article.update({
        where: { id: article.id },
        data: { outlet, sourceUrl: sourceUrl || null, publishedAt: new Date(`${publishedAt}T00:00:00.000Z`) },
      });
      await tx.articleAuthor.deleteMany({ where: { articleId: article.id } });
      const names = authorNames(authors);
      if (names.length)
        await tx.articleAuthor.createMany({
          data: names.map((name, position) => ({ articleId: article.id, position, name })),
        });
    }),
});
